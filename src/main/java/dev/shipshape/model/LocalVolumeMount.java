package dev.shipshape.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Docker's {@code local} volume driver will mount, judged as {@code mount(2)} will do it.
 * The driver passes its options to {@code mount(device, <volume folder>, type, o)} in the daemon's
 * own mount namespace, the host's:
 * <ul>
 *   <li>{@code o} holding {@code bind} or {@code rbind} makes it a bind mount of {@code device},
 *       whatever {@code type} says (the kernel ignores the type of a bind mount);</li>
 *   <li>a relative {@code device} resolves against dockerd's working directory ({@code /} under
 *       systemd, anything when started by hand): the folder it names cannot be bounded, so it
 *       counts as the host's whole file system;</li>
 *   <li>{@code proc}, {@code sysfs}, {@code cgroup}, {@code debugfs}, … mount a kernel interface
 *       of the host's namespaces, which is what the host shows at {@code /proc}, {@code /sys}, …;</li>
 *   <li>{@code overlay} exposes its {@code lowerdir}s, {@code upperdir} and {@code workdir};</li>
 *   <li>a device under {@code /dev} with any other type mounts a host disk;</li>
 *   <li>{@code nfs}, {@code cifs} and the like mount a remote share, and {@code tmpfs} fresh memory:
 *       nothing of the host.</li>
 * </ul>
 * The driver mounts only when {@code device} or {@code type} is set, and {@code mount(2)} fails
 * without a device, so options without either leave an ordinary volume.
 *
 * @param kind      what the mount amounts to
 * @param hostPaths the host paths it exposes, absolute and as written ({@code /} for an unbounded
 *                  relative path); empty unless it exposes some
 * @param readOnly  {@code o} holds {@code ro}
 * @param written   the options as written, for messages: {@code type=none,o=bind,device=/etc}
 */
public record LocalVolumeMount(Kind kind, List<String> hostPaths, boolean readOnly, String written) {

    public enum Kind {
        /** An ordinary volume in the daemon's volume folder, another driver's volume, or a mount that cannot succeed. */
        VOLUME,
        /** A bind mount of a host folder. */
        BIND,
        /** A kernel interface (proc, sysfs, cgroup, …) of the host. */
        KERNEL,
        /** A host disk or partition. */
        DISK,
        /** An overlay of host folders. */
        OVERLAY,
        /** A remote share or fresh memory: nothing of the host. */
        REMOTE
    }

    public LocalVolumeMount {
        hostPaths = List.copyOf(hostPaths);
    }

    /** Kernel file systems and where the host shows the same interface. */
    private static final Map<String, String> KERNEL_FILE_SYSTEMS = Map.ofEntries(
            Map.entry("proc", "/proc"),
            Map.entry("sysfs", "/sys"),
            Map.entry("devtmpfs", "/dev"),
            Map.entry("devpts", "/dev/pts"),
            Map.entry("mqueue", "/dev/mqueue"),
            Map.entry("hugetlbfs", "/dev/hugepages"),
            Map.entry("cgroup", "/sys/fs/cgroup"),
            Map.entry("cgroup2", "/sys/fs/cgroup"),
            Map.entry("debugfs", "/sys/kernel/debug"),
            Map.entry("tracefs", "/sys/kernel/tracing"),
            Map.entry("securityfs", "/sys/kernel/security"),
            Map.entry("configfs", "/sys/kernel/config"),
            Map.entry("bpf", "/sys/fs/bpf"),
            Map.entry("pstore", "/sys/fs/pstore"),
            Map.entry("selinuxfs", "/sys/fs/selinux"),
            Map.entry("fusectl", "/sys/fs/fuse/connections"),
            Map.entry("efivarfs", "/sys/firmware/efi/efivars"),
            Map.entry("binfmt_misc", "/proc/sys/fs/binfmt_misc"));

    private static final Set<String> NOTHING_OF_THE_HOST = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph",
            "glusterfs", "tmpfs", "ramfs");

    private static final String LOCAL = "local";

    /** An ordinary volume: nothing of the host is exposed. */
    public static LocalVolumeMount volume(String written) {
        return new LocalVolumeMount(Kind.VOLUME, List.of(), false, written);
    }

    /**
     * @param driver  the volume driver as written; null or blank is the default, {@code local}
     * @param options the driver options ({@code type}, {@code o}, {@code device}), keys as written
     */
    public static LocalVolumeMount of(String driver, Map<String, String> options) {
        String type = options.getOrDefault("type", "").strip();
        String mountOptions = options.getOrDefault("o", "").strip();
        String device = options.getOrDefault("device", "").strip();
        String written = written(type, mountOptions, device);
        boolean local = driver == null || driver.isBlank() || driver.strip().equals(LOCAL);
        if (!local || (type.isEmpty() && device.isEmpty())) return volume(written);
        List<String> flags = List.of(mountOptions.split(",")).stream().map(String::strip).toList();
        boolean readOnly = flags.contains("ro");
        if (flags.contains("bind") || flags.contains("rbind")) {
            return device.isEmpty() ? volume(written) : new LocalVolumeMount(Kind.BIND, List.of(hostPath(device)), readOnly, written);
        }
        String fileSystem = type.toLowerCase(Locale.ROOT);
        if (KERNEL_FILE_SYSTEMS.containsKey(fileSystem)) {
            return new LocalVolumeMount(Kind.KERNEL, List.of(KERNEL_FILE_SYSTEMS.get(fileSystem)), readOnly, written);
        }
        if (fileSystem.equals("overlay")) {
            List<String> folders = overlayFolders(flags);
            return folders.isEmpty() ? volume(written) : new LocalVolumeMount(Kind.OVERLAY, folders, readOnly, written);
        }
        if (NOTHING_OF_THE_HOST.contains(fileSystem)) return new LocalVolumeMount(Kind.REMOTE, List.of(), readOnly, written);
        if (device.isEmpty()) return volume(written);
        String path = hostPath(device);
        return path.startsWith("/dev/") ? new LocalVolumeMount(Kind.DISK, List.of(path), readOnly, written) : volume(written);
    }

    /** As {@link #of(String, Map)}, with the options as the model keeps them. */
    public static LocalVolumeMount of(Setting<String> driver, List<KeyValue> options) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (KeyValue option : options) byKey.putIfAbsent(option.key(), option.value() == null ? "" : option.value());
        return of(driver.isSet() ? driver.value() : null, byKey);
    }

    /** True when the mount exposes something of the host. */
    public boolean exposesHost() {
        return !hostPaths.isEmpty();
    }

    /**
     * The smallest host folder that holds everything the mount exposes: the one path, or the
     * folder the overlay's folders have in common ({@code /} when they share none). Empty when
     * nothing of the host is exposed.
     */
    public Optional<String> boundingHostPath() {
        if (hostPaths.isEmpty()) return Optional.empty();
        List<String> common = new ArrayList<>(segments(hostPaths.getFirst()));
        for (String path : hostPaths.subList(1, hostPaths.size())) {
            List<String> other = segments(path);
            int shared = 0;
            while (shared < common.size() && shared < other.size() && common.get(shared).equals(other.get(shared))) shared++;
            common.subList(shared, common.size()).clear();
        }
        return Optional.of("/" + String.join("/", common));
    }

    /**
     * The mounts a volume mount of this volume amounts to: the volume mount itself (what storage
     * rules judge: which volume holds the data), and, when it exposes something of the host, the
     * bind mount of {@link #boundingHostPath()} at the same target (what host-path rules judge).
     */
    public List<Mount> mountsFor(Mount volumeMount) {
        return boundingHostPath().isEmpty() ? List.of(volumeMount) : List.of(volumeMount, bindFor(volumeMount));
    }

    /** The bind mount a volume mount of this volume amounts to; the volume mount itself when it exposes nothing of the host. */
    public Mount bindFor(Mount volumeMount) {
        Optional<String> hostPath = boundingHostPath();
        if (hostPath.isEmpty()) return volumeMount;
        Setting<Boolean> mountedReadOnly = this.readOnly && !volumeMount.readOnly().isTrue()
                ? Setting.of(true, volumeMount.readOnly().origin())
                : volumeMount.readOnly();
        return new Mount(Mount.Type.BIND, hostPath.get(), volumeMount.target(), mountedReadOnly, volumeMount.origin());
    }

    /** A device as mount(2) reads it: relative to dockerd's working directory, which cannot be known. */
    private static String hostPath(String device) {
        return device.startsWith("/") ? device : "/";
    }

    private static List<String> overlayFolders(List<String> flags) {
        List<String> folders = new ArrayList<>();
        for (String flag : flags) {
            int equals = flag.indexOf('=');
            if (equals < 0) continue;
            String key = flag.substring(0, equals).strip();
            String value = flag.substring(equals + 1).strip();
            switch (key) {
                case "lowerdir" -> {
                    // "::" and "\:" are escapes in lowerdir lists; splitting on every colon only adds folders
                    for (String folder : value.split(":")) if (!folder.isBlank()) folders.add(hostPath(folder.replace("\\", "")));
                }
                case "upperdir", "workdir" -> {
                    if (!value.isBlank()) folders.add(hostPath(value));
                }
                default -> {
                    // other overlay options expose no folder
                }
            }
        }
        return folders;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                if (!segments.isEmpty()) segments.removeLast();
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    private static String written(String type, String options, String device) {
        List<String> parts = new ArrayList<>();
        if (!type.isEmpty()) parts.add("type=" + type);
        if (!options.isEmpty()) parts.add("o=" + options);
        if (!device.isEmpty()) parts.add("device=" + device);
        return String.join(",", parts);
    }
}
