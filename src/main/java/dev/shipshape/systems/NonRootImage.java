package dev.shipshape.systems;

import dev.shipshape.model.ImageReference;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images whose own Dockerfile ends with a non-root USER (the catalogue's {@code nonRootImages}), so
 * that a container left without a user of its own does not run as root.
 *
 * @param user   the USER the image sets, as its Dockerfile writes it
 * @param since  the first release whose image sets the user ({@code 6.0}); {@code 0} when every release does
 * @param images names as written without tag or digest ({@code prom/prometheus}); one ending in {@code -} covers every image it begins
 */
public record NonRootImage(String product, String user, String since, List<String> images) {

    public NonRootImage {
        images = List.copyOf(images);
        if (Release.of(since).isEmpty()) throw new IllegalStateException(product + ": since must be a release such as 6.0, not " + since);
    }

    /**
     * Whether this entry names the image: not when the reference still holds a variable, nor when its
     * tag is a release older than the one that brought the user. A tag that is no version
     * ({@code latest}, {@code dist}) or no tag at all is taken as a current release.
     */
    boolean names(ImageReference reference) {
        String name = reference.familiarName();
        if (images.stream().noneMatch(listed -> listed.endsWith("-") ? name.startsWith(listed) : name.equals(listed))) return false;
        Optional<Release> release = reference.tag() == null ? Optional.empty() : Release.of(reference.tag());
        return release.isEmpty() || !release.get().before(Release.of(since).orElseThrow());
    }

    /** A release as a tag's leading version gives it: {@code 7.7.1}, {@code v2.53.0}, {@code 11.5.2-ubuntu}. */
    private record Release(int major, int minor) {

        private static final Pattern VERSION = Pattern.compile("v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:[.+-].*)?");

        static Optional<Release> of(String text) {
            Matcher matcher = VERSION.matcher(text);
            if (!matcher.matches()) return Optional.empty();
            int minor = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
            return Optional.of(new Release(Integer.parseInt(matcher.group(1)), minor));
        }

        boolean before(Release other) {
            return major != other.major ? major < other.major : minor < other.minor;
        }
    }
}
