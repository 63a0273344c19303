package dev.shipshape.rules.security;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A host path as the kernel resolves it: {@code .} and {@code ..} applied, repeated and trailing
 * slashes dropped ({@code //var/run/docker.sock/} is {@code /var/run/docker.sock}). Symbolic
 * links are not followed: the rules see the text, not the host.
 *
 * @param normalized the resolved path; "/" for the root; relative paths stay relative
 */
record HostPath(String normalized) {

    static HostPath of(String written) {
        String path = written == null ? "" : written.strip();
        boolean absolute = path.startsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                if (!segments.isEmpty() && !segments.peekLast().equals("..")) {
                    segments.removeLast();
                } else if (!absolute) {
                    segments.addLast(segment);
                }
                // ".." at the root stays at the root
                continue;
            }
            segments.addLast(segment);
        }
        String joined = String.join("/", segments);
        return new HostPath(absolute ? "/" + joined : (joined.isEmpty() ? "." : joined));
    }

    boolean isAbsolute() {
        return normalized.startsWith("/");
    }

    boolean isRoot() {
        return normalized.equals("/");
    }

    /** True when this path is {@code directory} or lies below it; {@code /etcd} is not under {@code /etc}. */
    boolean isOrIsUnder(String directory) {
        if (directory.equals("/")) return isAbsolute();
        return normalized.equals(directory) || normalized.startsWith(directory + "/");
    }

    /** The last segment: {@code docker.sock} for {@code /run/docker.sock}; "" for the root. */
    String fileName() {
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return normalized;
    }
}
