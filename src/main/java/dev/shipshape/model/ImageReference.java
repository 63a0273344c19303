package dev.shipshape.model;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A container image reference, normalized as the Docker Engine normalizes it: {@code nginx} is
 * {@code docker.io/library/nginx} with no tag, {@code localhost:5000/app} names the registry
 * {@code localhost:5000}.
 *
 * <p>Parsing follows the grammar of distribution's {@code reference} package: the first path
 * component is a registry when it contains a dot or a colon, is {@code localhost}, or has an
 * upper-case letter; otherwise the image is on Docker Hub, where a one-component name lives
 * under {@code library/}.
 *
 * @param registry   the registry host[:port] as written; {@value #DOCKER_HUB} when none is given
 *                   ({@code index.docker.io} is normalized to it)
 * @param repository the path inside the registry, {@code library/nginx} for official Hub images
 * @param tag        the tag, or null when none is written (the engine then pulls {@code latest})
 * @param digest     the content digest such as {@code sha256:0f3a…}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_IMAGES = "library/";
    private static final int MAX_NAME_LENGTH = 255;

    /**
     * References already read. About ten rules ask what the same image is, per container, so the
     * gate read each request's image ten times over; the answers are immutable and a scan or a
     * server meets few distinct images. Bounded: emptied when full.
     */
    private static final Map<String, Optional<ImageReference>> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_KEPT = 4096;

    /** Digests are rare; the hot parts (domain, path, tag) are matched by hand below, since every rule that asks what an image is parses it again. */
    private static final Pattern DIGEST = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    /**
     * Parses a reference as written in a Compose file, a manifest or a FROM line. Empty when it is
     * not a valid reference: blank, still holding a variable ({@code ${TAG}}), or left malformed by
     * a variable that was empty ({@code app:}, {@code /app}).
     */
    public static Optional<ImageReference> parse(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        Optional<ImageReference> known = PARSED.get(text);
        if (known != null) return known;
        Optional<ImageReference> parsed = read(text);
        if (PARSED.size() >= PARSED_KEPT) PARSED.clear();
        PARSED.put(text, parsed);
        return parsed;
    }

    private static Optional<ImageReference> read(String text) {

        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) return Optional.empty();
        }

        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!isTag(tag)) return Optional.empty();
        }

        String name = rest;
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) return Optional.empty();

        String registry = DOCKER_HUB;
        String path = name;
        int slash = name.indexOf('/');
        if (slash >= 0 && namesRegistry(name.substring(0, slash))) {
            registry = name.substring(0, slash);
            path = name.substring(slash + 1);
            if (!isDomain(registry)) return Optional.empty();
            if (registry.equals(LEGACY_DOCKER_HUB)) registry = DOCKER_HUB;
        }
        for (String component : path.split("/", -1)) {
            if (!isPathComponent(component)) return Optional.empty();
        }
        if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) path = OFFICIAL_IMAGES + path;
        return Optional.of(new ImageReference(registry, path, tag, digest));
    }

    /** distribution's tag grammar {@code [\w][\w.-]{0,127}}. */
    static boolean isTag(String tag) {
        if (tag.isEmpty() || tag.length() > 128 || !isWord(tag.charAt(0))) return false;
        for (int index = 1; index < tag.length(); index++) {
            char c = tag.charAt(index);
            if (!isWord(c) && c != '.' && c != '-') return false;
        }
        return true;
    }

    /** distribution's path component {@code [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*}. */
    static boolean isPathComponent(String component) {
        int index = 0;
        int length = component.length();
        while (true) {
            int start = index;
            while (index < length && isLowerAlphanumeric(component.charAt(index))) index++;
            if (index == start) return false;
            if (index == length) return true;
            int separator = index;
            while (index < length && !isLowerAlphanumeric(component.charAt(index))) index++;
            if (!isSeparator(component, separator, index)) return false;
        }
    }

    /**
     * distribution's domain: labels of letters, digits and inner hyphens joined by dots, or an IPv6
     * address in brackets ({@code \[[a-fA-F0-9:]+\]}), then an optional {@code :port}.
     */
    static boolean isDomain(String domain) {
        String rest;
        if (domain.startsWith("[")) {
            int close = domain.indexOf(']');
            if (close < 2) return false;
            for (int index = 1; index < close; index++) {
                char c = domain.charAt(index);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':')) return false;
            }
            rest = domain.substring(close + 1);
        } else {
            int colon = domain.indexOf(':');
            String host = colon < 0 ? domain : domain.substring(0, colon);
            rest = colon < 0 ? "" : domain.substring(colon);
            for (String label : host.split("\\.", -1)) {
                if (!isDomainLabel(label)) return false;
            }
        }
        if (rest.isEmpty()) return true;
        if (rest.charAt(0) != ':' || rest.length() == 1) return false;
        for (int index = 1; index < rest.length(); index++) {
            if (rest.charAt(index) < '0' || rest.charAt(index) > '9') return false;
        }
        return true;
    }

    /** Whether {@code text[from, to)} is {@code .}, {@code _}, {@code __} or a run of {@code -}. */
    private static boolean isSeparator(String text, int from, int to) {
        char first = text.charAt(from);
        int length = to - from;
        if (first == '.') return length == 1;
        if (first == '_') return length == 1 || length == 2 && text.charAt(from + 1) == '_';
        for (int index = from; index < to; index++) {
            if (text.charAt(index) != '-') return false;
        }
        return true;
    }

    private static boolean isDomainLabel(String label) {
        if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') return false;
        for (int index = 0; index < label.length(); index++) {
            char c = label.charAt(index);
            if (!isAsciiAlphanumeric(c) && c != '-') return false;
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || c >= 'A' && c <= 'Z';
    }

    /** Java's {@code \w} without UNICODE_CHARACTER_CLASS: ASCII letters, digits and '_'. */
    private static boolean isWord(char c) {
        return isAsciiAlphanumeric(c) || c == '_';
    }

    private static boolean namesRegistry(String firstComponent) {
        return firstComponent.contains(".")
                || firstComponent.contains(":")
                || firstComponent.equals("localhost")
                || !firstComponent.equals(firstComponent.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean hasTag() {
        return tag != null;
    }

    public boolean hasDigest() {
        return digest != null;
    }

    public boolean isOnDockerHub() {
        return registry.equals(DOCKER_HUB);
    }

    /** Registry and repository without tag or digest: {@code docker.io/library/nginx}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The name as people write it: {@code nginx}, {@code bitnami/redis}, {@code ghcr.io/org/app}. */
    public String familiarName() {
        if (!isOnDockerHub()) return name();
        return repository.startsWith(OFFICIAL_IMAGES) ? repository.substring(OFFICIAL_IMAGES.length()) : repository;
    }

    /** The fully qualified reference: {@code docker.io/library/nginx:1.27@sha256:…}. */
    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
