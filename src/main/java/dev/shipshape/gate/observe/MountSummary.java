package dev.shipshape.gate.observe;

import dev.shipshape.model.Mount;
import java.util.Comparator;
import java.util.Locale;

/**
 * One mount as it matters for security: what kind, from where on the host (or which volume), to
 * where, writable or not.
 *
 * @param type   bind, volume, tmpfs, other… (lower case)
 * @param source a bind's host path, a named volume's name; "" for tmpfs and anonymous volumes
 */
public record MountSummary(String type, String source, String target, boolean readOnly) implements Comparable<MountSummary> {

    private static final Comparator<MountSummary> ORDER = Comparator.comparing(MountSummary::target)
            .thenComparing(MountSummary::type).thenComparing(MountSummary::source).thenComparing(MountSummary::readOnly);

    /** The model's mount as it stands: unset read-only means read-write, as for every source. */
    public static MountSummary of(Mount mount) {
        return new MountSummary(mount.type().name().toLowerCase(Locale.ROOT), mount.source() == null ? "" : mount.source(),
                mount.target() == null ? "" : mount.target(), mount.readOnly().isTrue());
    }

    @Override
    public int compareTo(MountSummary other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type + " " + (source.isEmpty() ? "-" : source) + " -> " + target + (readOnly ? " ro" : " rw");
    }
}
