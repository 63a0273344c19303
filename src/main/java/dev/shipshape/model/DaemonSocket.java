package dev.shipshape.model;

/**
 * The Docker daemon's unix socket as the host's file system shows it: whoever may write to it
 * controls the daemon, which is root on the host.
 *
 * @param owner  the owning user's name (its numeric id when the name is unknown)
 * @param group  the owning group's name (its numeric id when the name is unknown)
 * @param mode   the permission bits, e.g. {@code 0660}
 * @param origin the socket as a live object ({@code socket /var/run/docker.sock})
 */
public record DaemonSocket(String path, String owner, String group, int mode, Origin origin) {

    public boolean isWorldWritable() {
        return (mode & 0002) != 0;
    }

    public boolean isGroupWritable() {
        return (mode & 0020) != 0;
    }

    /** {@code 0660}. */
    public String modeText() {
        return "0%o".formatted(mode & 07777);
    }
}
