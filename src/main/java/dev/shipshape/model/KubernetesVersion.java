package dev.shipshape.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor release ("1.25"); {@link #NEWEST} stands for the newest one, after every known removal. */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    public static final KubernetesVersion NEWEST = new KubernetesVersion(1, Integer.MAX_VALUE);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    /** "1.25", "v1.25" or "1.25.3"; empty for anything else. */
    public static Optional<KubernetesVersion> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher matcher = VERSION.matcher(text.strip());
        if (!matcher.matches()) return Optional.empty();
        try {
            return Optional.of(new KubernetesVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    public boolean isBefore(KubernetesVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(KubernetesVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return equals(NEWEST) ? "newest" : major + "." + minor;
    }
}
