package dev.shipshape.policy;

import dev.shipshape.model.ImageReference;
import dev.shipshape.model.SourceKind;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a waiver applies to, written in one of these forms:
 * <ul>
 *   <li>{@code container:NAME}, {@code service:NAME}, {@code network:NAME}, {@code volume:NAME}: a live
 *       object of {@code audit docker} by its name (not its id, which changes on every recreate);
 *       {@code NAME} may be a glob ({@code container:web-*});</li>
 *   <li>{@code daemon}: the Docker daemon, live or from a daemon.json;</li>
 *   <li>{@code image:REFERENCE}: containers running that image, {@code image:nginx} (any tag) or
 *       {@code image:ghcr.io/acme/app:1.4} (that tag); names are compared as the Docker Engine
 *       normalizes them, so {@code nginx} is {@code docker.io/library/nginx};</li>
 *   <li>{@code FILE#services.NAME}: a Compose or stack service of that file ({@code FILE} may be a glob);</li>
 *   <li>{@code Kind/namespace/name} or {@code Kind/name}: a Kubernetes object, the kind written as in
 *       manifests ({@code Deployment/prod/web}); without a namespace it matches the name in every namespace;</li>
 *   <li>anything else is a file glob ({@code deploy/**}, {@code legacy/compose.yaml}), matched against
 *       the file a finding points at and the file its object is defined in. {@code *} stays within a
 *       folder, {@code **} crosses folders.</li>
 * </ul>
 * Paths are relative to the folder of the configuration file that holds the waiver, wherever the
 * scan is run from.
 */
public sealed interface WaiverTarget {

    /** The target as written in the configuration. */
    String written();

    boolean matches(Subject subject);

    /** Why a target cannot be used. */
    final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    Pattern KUBERNETES = Pattern.compile("([A-Z][A-Za-z]*)/([^/*?\\[{#]+?)(?:/([^/*?\\[{#]+))?");
    Pattern COMPOSE = Pattern.compile("(.+)#services\\.([^.]+)");
    Pattern LIVE = Pattern.compile("(container|service|network|volume):(.*)");

    /** @param base the folder relative paths in the target start from */
    static WaiverTarget parse(String text, Path base) throws Invalid {
        String target = text.strip();
        if (target.equals("daemon")) return new Daemon(target);
        Matcher live = LIVE.matcher(target);
        if (live.matches()) {
            String name = live.group(2).strip();
            if (name.isEmpty()) throw new Invalid("'%s' names no %s; write %s:NAME".formatted(target, live.group(1), live.group(1)));
            return new LiveObject(target, live.group(1), nameGlob(name));
        }
        if (target.startsWith("image:")) {
            String reference = target.substring("image:".length()).strip();
            Optional<ImageReference> parsed = ImageReference.parse(reference);
            if (parsed.isEmpty()) throw new Invalid("'%s' is not an image reference (like image:nginx or image:ghcr.io/acme/app:1.4)".formatted(reference));
            return new ImageName(target, parsed.get());
        }
        if (target.contains("#")) {
            Matcher compose = COMPOSE.matcher(target);
            if (!compose.matches()) {
                throw new Invalid("after '#' write services.NAME, like compose.yaml#services.web; found '%s'"
                        .formatted(target.substring(target.indexOf('#') + 1)));
            }
            return new ComposeService(target, glob(compose.group(1)), compose.group(2), base);
        }
        Matcher kubernetes = KUBERNETES.matcher(target);
        if (kubernetes.matches()) {
            boolean namespaced = kubernetes.group(3) != null;
            return new KubernetesObject(target, kubernetes.group(1), namespaced ? kubernetes.group(2) : null,
                    namespaced ? kubernetes.group(3) : kubernetes.group(2));
        }
        return new FileGlob(target, glob(target), base);
    }

    private static PathMatcher glob(String pattern) throws Invalid {
        String relative = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        if (relative.isEmpty()) throw new Invalid("the file part is empty");
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + relative);
        } catch (IllegalArgumentException badGlob) {
            throw new Invalid("'%s' is not a valid glob: %s".formatted(pattern, badGlob.getMessage()));
        }
    }

    private static PathMatcher nameGlob(String name) throws Invalid {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + name);
        } catch (IllegalArgumentException badGlob) {
            throw new Invalid("'%s' is not a valid glob: %s".formatted(name, badGlob.getMessage()));
        }
    }

    /** A finding's file relative to {@code base}, as a path the globs are matched against; empty for a live object. */
    private static Optional<Path> relative(String file, Path base) {
        if (file == null || file.isEmpty()) return Optional.empty();
        try {
            Path absolute = Path.of(file).toAbsolutePath().normalize();
            return Optional.of(absolute.startsWith(base) ? base.relativize(absolute) : absolute);
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    record ImageName(String written, ImageReference reference) implements WaiverTarget {
        @Override
        public boolean matches(Subject subject) {
            if (subject.image() == null) return false;
            Optional<ImageReference> image = ImageReference.parse(subject.image());
            return image.isPresent()
                    && image.get().name().equals(reference.name())
                    && (reference.tag() == null || reference.tag().equals(image.get().tag()))
                    && (reference.digest() == null || reference.digest().equals(image.get().digest()));
        }
    }

    record ComposeService(String written, PathMatcher file, String service, Path base) implements WaiverTarget {
        @Override
        public boolean matches(Subject subject) {
            boolean compose = subject.source() == SourceKind.COMPOSE || subject.source() == SourceKind.STACK;
            return compose && "service".equals(subject.kind()) && service.equals(subject.name())
                    && relative(subject.definedIn(), base).map(file::matches).orElse(false);
        }
    }

    record KubernetesObject(String written, String kind, String namespace, String name) implements WaiverTarget {
        @Override
        public boolean matches(Subject subject) {
            return subject.source() == SourceKind.KUBERNETES
                    && kind.equalsIgnoreCase(subject.kind())
                    && name.equals(subject.name())
                    && (namespace == null || namespace.equals(subject.namespace()));
        }
    }

    record FileGlob(String written, PathMatcher glob, Path base) implements WaiverTarget {
        @Override
        public boolean matches(Subject subject) {
            return relative(subject.file(), base).map(glob::matches).orElse(false)
                    || relative(subject.definedIn(), base).map(glob::matches).orElse(false);
        }
    }

    record LiveObject(String written, String kind, PathMatcher name) implements WaiverTarget {
        @Override
        public boolean matches(Subject subject) {
            if (subject.source() != SourceKind.LIVE_DOCKER || !kind.equals(subject.kind()) || subject.name() == null) return false;
            try {
                return name.matches(Path.of(subject.name()));
            } catch (InvalidPathException notAPath) {
                return false;
            }
        }
    }

    record Daemon(String written) implements WaiverTarget {
        @Override
        public boolean matches(Subject subject) {
            return "daemon".equals(subject.kind());
        }
    }
}
