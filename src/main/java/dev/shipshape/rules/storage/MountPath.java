package dev.shipshape.rules.storage;

/**
 * A path as a mount target or source writes it, with repeated and trailing slashes dropped
 * ({@code /data//db/} is {@code /data/db}). Symbolic links and {@code ..} are not resolved: the
 * rules see the text, and container paths in these files are written plainly.
 */
record MountPath(String normalized) {

    static MountPath of(String written) {
        String collapsed = written == null ? "" : written.strip().replaceAll("/{2,}", "/");
        return new MountPath(collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed);
    }

    boolean isAbsolute() {
        return normalized.startsWith("/");
    }

    /** True when a mount at this path holds {@code path}: this is the path or one of its parents. */
    boolean isAtOrAbove(String path) {
        if (!isAbsolute()) return false;
        if (normalized.equals("/")) return true;
        String other = of(path).normalized;
        return other.equals(normalized) || other.startsWith(normalized + "/");
    }

    /** The last segment: {@code docker.sock} for {@code /run/docker.sock}. */
    String fileName() {
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return normalized;
    }
}
