package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.dockerfile.DockerfileLoader;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows a service's {@code build:} ({@code build: ./dir} or {@code {context, dockerfile}}) to its
 * Dockerfile and parses it, once per Dockerfile. The context is relative to the file the context
 * is written in, the Dockerfile to the context. Remote contexts and inline Dockerfiles are not followed.
 */
final class BuildLink {

    private static final String DEFAULT_DOCKERFILE = "Dockerfile";

    private final ComposeFiles files;
    private final List<Diagnostic> diagnostics;
    private final List<String> filesRead;
    private final Map<Path, Optional<Image>> parsed = new HashMap<>();

    BuildLink(ComposeFiles files, List<Diagnostic> diagnostics, List<String> filesRead) {
        this.files = files;
        this.diagnostics = diagnostics;
        this.filesRead = filesRead;
    }

    Optional<Image> imageOf(Member build) {
        Scalar context;
        Scalar dockerfile = null;
        if (build.value() instanceof Scalar scalar) {
            context = scalar;
        } else if (build.value() instanceof Mapping mapping) {
            if (mapping.member("dockerfile_inline").isPresent()) return Optional.empty();
            context = scalarOf(mapping, "context");
            dockerfile = scalarOf(mapping, "dockerfile");
        } else {
            diagnostics.add(Diagnostic.error(build.value().origin(), "'build' must be a path or a mapping, not " + build.value().describeType()));
            return Optional.empty();
        }
        String contextPath = context == null || context.isNull() || context.text().isBlank() ? "." : context.text().trim();
        if (isRemote(contextPath)) return Optional.empty();
        String writtenIn = context != null ? context.origin().source() : build.keyOrigin().source();
        String dockerfilePath = dockerfile == null || dockerfile.isNull() || dockerfile.text().isBlank()
                ? DEFAULT_DOCKERFILE : dockerfile.text().trim();

        Optional<ComposeFiles.Location> location = files.locate(writtenIn, contextPath)
                .flatMap(contextFolder -> inside(contextFolder, dockerfilePath));
        if (location.isEmpty()) {
            diagnostics.add(Diagnostic.warning(build.keyOrigin(), "build: cannot follow the context \"" + contextPath
                    + "\" and Dockerfile \"" + dockerfilePath + "\""));
            return Optional.empty();
        }
        Path real = location.get().real();
        String shown = location.get().shown();
        Optional<Image> cached = parsed.get(real);
        if (cached != null) return cached;
        Optional<Image> image = read(real, shown, build);
        parsed.put(real, image);
        return image;
    }

    private Optional<Image> read(Path real, String shown, Member build) {
        if (!Files.exists(real)) {
            diagnostics.add(Diagnostic.warning(build.keyOrigin(), "build: the Dockerfile " + shown + " does not exist"));
            return Optional.empty();
        }
        String text;
        try {
            text = files.scope().readText(real);
        } catch (IOException unreadable) {
            diagnostics.add(Diagnostic.warning(build.keyOrigin(), "build: cannot read the Dockerfile " + shown + ": " + SourceLoader.describe(unreadable)));
            return Optional.empty();
        }
        if (!filesRead.contains(shown)) filesRead.add(shown);
        return new DockerfileLoader().parse(shown, text, diagnostics);
    }

    private static Optional<ComposeFiles.Location> inside(ComposeFiles.Location folder, String relative) {
        try {
            return Optional.of(new ComposeFiles.Location(folder.real().resolve(relative).normalize(),
                    Path.of(folder.shown()).resolve(relative).normalize().toString()));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static Scalar scalarOf(Mapping mapping, String key) {
        return mapping.get(key).filter(Scalar.class::isInstance).map(Scalar.class::cast).orElse(null);
    }

    /** A Git URL or an HTTP(S) tarball: nothing on this disk to read. */
    private static boolean isRemote(String context) {
        return context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
    }
}
