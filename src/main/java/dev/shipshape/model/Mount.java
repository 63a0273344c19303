package dev.shipshape.model;

/**
 * Something mounted into a container.
 *
 * @param source   host path for BIND/HOST_PATH, volume or claim name for VOLUME/CLAIM, null when none
 * @param readOnly unset when the source does not say (which means read-write for every kind)
 * @param origin   the mount's entry (the list item, or the volumeMount's {@code - name:})
 * @param sizeLimit a tmpfs {@code size} / emptyDir {@code sizeLimit} as written; unset when none is given
 *                  (a Kubernetes emptyDir with {@code medium: Memory} is a TMPFS mount)
 */
public record Mount(Type type, String source, String target, Setting<Boolean> readOnly, Origin origin, Setting<String> sizeLimit) {

    /** A mount for which no size limit is written. */
    public Mount(Type type, String source, String target, Setting<Boolean> readOnly, Origin origin) {
        this(type, source, target, readOnly, origin, Setting.unset(origin));
    }

    public enum Type {
        BIND, VOLUME, TMPFS, HOST_PATH, EMPTY_DIR, CLAIM, SECRET, CONFIG, OTHER;

        /** True for mounts that expose a path of the host's own file system. */
        public boolean isHostPath() {
            return this == BIND || this == HOST_PATH;
        }
    }

    public boolean isHostPath() {
        return type.isHostPath();
    }
}
