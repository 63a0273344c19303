package dev.shipshape.rules.security;

import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A host device node that exposes the host's storage, memory or kernel log, by its path under
 * {@code /dev} (as Docker's {@code --device} and Compose's {@code devices} write it), or by the
 * major and minor numbers a device cgroup rule grants.
 *
 * @param path     the device on the host, normalised
 * @param exposes  what it hands the container, for messages
 * @param severity critical for disks and memory (the host's files and memory are the container's);
 *                 high for the kernel log (it leaks kernel addresses and forges log lines, but gives no way out)
 */
record HostDevice(String path, String exposes, Severity severity) {

    private static final String DISK = "a host disk: its file systems can be mounted or read beneath every permission";
    private static final List<Pattern> DISKS = List.of(
            Pattern.compile("/dev/(sd|vd|xvd|hd)[a-z]+[0-9]*"),
            Pattern.compile("/dev/nvme[0-9]+(n[0-9]+(p[0-9]+)?)?"),
            Pattern.compile("/dev/mmcblk[0-9]+(p[0-9]+)?"),
            Pattern.compile("/dev/(dm|md|loop|nbd|rbd|zd)[0-9]+(p[0-9]+)?"),
            Pattern.compile("/dev/mapper/.+"),
            Pattern.compile("/dev/disk/.+"),
            Pattern.compile("/dev/(loop-control|btrfs-control|vhost-scsi|sg[0-9]+)"));
    private static final List<Pattern> MEMORY = List.of(Pattern.compile("/dev/(mem|kmem|port)"));
    private static final Pattern KERNEL_LOG = Pattern.compile("/dev/kmsg");

    /** Block device majors of disks (IDE, SCSI, loop, md, virtio, device-mapper, NVMe, MMC, Xen, …). */
    private static final Set<String> DISK_MAJORS = Set.of("3", "7", "8", "9", "22", "33", "34", "65", "66", "67", "68",
            "69", "70", "71", "128", "129", "130", "131", "132", "133", "134", "135", "179", "202", "252", "253", "254", "259");
    /** Character device minors of major 1: 1 /dev/mem, 2 /dev/kmem, 4 /dev/port, 11 /dev/kmsg. */
    private static final Set<String> MEMORY_MINORS = Set.of("1", "2", "4", "11");

    /** The critical device a {@code devices} entry ({@code /dev/sda[:/dev/xvda[:rwm]]}) maps from the host, if it is one. */
    static Optional<HostDevice> ofMapping(String written) {
        String onHost = written.strip();
        int colon = onHost.indexOf(':');
        if (colon >= 0) onHost = onHost.substring(0, colon);
        return of(HostPath.of(onHost).normalized());
    }

    static Optional<HostDevice> of(String path) {
        if (DISKS.stream().anyMatch(disk -> disk.matcher(path).matches())) return Optional.of(new HostDevice(path, DISK, Severity.CRITICAL));
        if (MEMORY.stream().anyMatch(memory -> memory.matcher(path).matches())) {
            return Optional.of(new HostDevice(path, "which reaches the host's physical memory or I/O ports", Severity.CRITICAL));
        }
        if (KERNEL_LOG.matcher(path).matches()) {
            return Optional.of(new HostDevice(path, "the host's kernel log: it leaks kernel addresses and can forge log lines",
                    Severity.HIGH));
        }
        return Optional.empty();
    }

    /**
     * What a device cgroup rule ({@code TYPE MAJOR:MINOR ACCESS}, as runc reads it) lets the
     * container open, when that is a disk, memory or the kernel log: every device ({@code a}), every
     * block device or disk major ({@code b *:*}, {@code b 8:*}), or major 1's memory devices.
     */
    static Optional<String> criticalCgroupGrant(String rule) {
        String[] parts = rule.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) return Optional.empty();
        String type = parts[0];
        if (type.equals("a")) return Optional.of("which allows every host device, disks and memory included");
        if (parts.length < 2) return Optional.empty();
        String[] numbers = parts[1].split(":", 2);
        String major = numbers[0];
        String minor = numbers.length > 1 ? numbers[1] : "*";
        if (type.equals("b") && (major.equals("*") || DISK_MAJORS.contains(major))) {
            return Optional.of("which allows the host's disks (block devices " + parts[1] + ")");
        }
        if (type.equals("c") && (major.equals("*") || (major.equals("1") && (minor.equals("*") || MEMORY_MINORS.contains(minor))))) {
            return Optional.of("which allows the host's memory and kernel log devices (character devices " + parts[1] + ")");
        }
        return Optional.empty();
    }
}
