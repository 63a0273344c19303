package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Mount;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags host directories that hold the host's configuration, credentials, kernel interfaces,
 * devices or the container runtime's own state, mounted into a container; and the host's system
 * folders (programs, libraries, the state of its services) mounted read-write, where a container
 * plants code the host runs as root. The root {@code /} counts only as itself. Runtime sockets are
 * left to {@link DockerSocketMounted}; {@code /etc/localtime} and {@code /etc/timezone} mounted
 * read-only are left alone. A local volume whose driver options mount a host folder, a kernel
 * interface or a disk arrives here as the host path it exposes.
 *
 * <p>One cause, one finding: {@code /} and the system folders reported for being written are this
 * rule's alone (its message says read-write); writable-host-mount stays quiet on them.
 */
public final class SensitiveHostPath extends HostPathRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-107", "sensitive-host-path")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Sensitive host directory mounted into a container")
            .rationale("""
                    Host directories such as /etc, /proc, /sys, /dev, /root or /var/lib/docker hold the \
                    host's credentials, kernel interfaces, devices and the runtime's state: a container \
                    that sees them can read secrets, and one that can write them can take over the host. \
                    Folders of programs and service state (/usr, /lib, /bin, /sbin, /var/lib, /var/spool, \
                    /opt) are reported when mounted read-write: a planted binary or cron job runs as root \
                    on the host. /etc/localtime and /etc/timezone mounted read-only are common and \
                    harmless, and are not reported. This rule owns `/` and the system folders when written: \
                    writable-host-mount does not report them again.""")
            .remediation("Remove the host path from `volumes` (Compose) or the `hostPath` volume (Kubernetes); "
                    + "copy the files the container needs into a named volume, ConfigMap or Secret, and mount "
                    + "what must stay a host path read-only (`:ro`, `readOnly: true`).")
            .remediation(SourceKind.COMPOSE, "Remove the host path from the service's `volumes`; copy what the container "
                    + "needs into a named volume, and mount what must stay a host path with `:ro`.")
            .remediation(SourceKind.KUBERNETES, "Remove the `hostPath` volume; put what the container needs in a ConfigMap, "
                    + "Secret or PersistentVolumeClaim, and mount what must stay a host path with `readOnly: true`.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without that `-v`/`--mount` of the host path (Engine API "
                    + "`HostConfig.Binds`/`Mounts`); use a named volume, or add `:ro`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.6"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    /** Sensitive directories and what they hold (none lies inside another). */
    private static final Map<String, String> SENSITIVE = sensitiveDirectories();

    /** System folders that matter when written, with everything below them (none lies inside another, nor in {@link #SENSITIVE}). */
    private static final Map<String, String> SENSITIVE_WHEN_WRITABLE = writableSystemFolders();

    private static final Set<String> HARMLESS_WHEN_READ_ONLY = Set.of("/etc/localtime", "/etc/timezone");

    public SensitiveHostPath() {
        super(INFO);
    }

    private static Map<String, String> sensitiveDirectories() {
        Map<String, String> directories = new LinkedHashMap<>();
        directories.put("/var/lib/docker", "the Docker Engine's images, containers and volumes");
        directories.put("/var/lib/kubelet", "the kubelet's pod volumes and service account tokens");
        directories.put("/var/run", "the host's runtime sockets and PID files");
        directories.put("/run", "the host's runtime sockets and PID files");
        directories.put("/etc", "the host's configuration and credentials");
        directories.put("/proc", "the host's kernel and process interfaces");
        directories.put("/sys", "the host's kernel and device settings");
        directories.put("/boot", "the host's kernel and boot loader");
        directories.put("/root", "root's SSH keys, credentials and shell history");
        directories.put("/dev", "the host's devices");
        directories.put("/home", "users' SSH keys, credentials and shell history");
        return directories;
    }

    private static Map<String, String> writableSystemFolders() {
        String programs = "the host's programs and libraries, which it runs as root";
        Map<String, String> folders = new LinkedHashMap<>();
        for (String folder : List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            folders.put(folder, programs);
        }
        folders.put("/var/lib", "the state of the host's services, which they load and run as root");
        folders.put("/var/spool", "the host's cron and mail queues, which run as root");
        return folders;
    }

    /** Folders that matter when written as a whole, though what lies below them is often an application's own. */
    private static final Map<String, String> WRITABLE_AS_A_WHOLE = Map.of(
            "/var", "the host's logs, spools and service state",
            "/var/log", "the host's logs, which a writer can forge or erase",
            "/opt", "programs installed on the host");

    @Override
    Optional<Finding> check(Container container, Mount mount, HostPath path) {
        if (DockerSocketMounted.isRuntimeSocket(path)) return Optional.empty();
        if (HARMLESS_WHEN_READ_ONLY.contains(path.normalized()) && mount.readOnly().isTrue()) return Optional.empty();
        String advice = HARMLESS_WHEN_READ_ONLY.contains(path.normalized()) ? "; mount it read-only" : "";
        Optional<String> holds = whatItHolds(path);
        if (holds.isPresent()) {
            String access = path.isRoot() && !mount.readOnly().isTrue() ? " read-write" : "";
            return Optional.of(Finding.of(INFO, mount.origin(), "%s mounts host path %s%s, %s%s"
                    .formatted(container.description(), path, access, holds.get(), advice)));
        }
        if (mount.readOnly().isTrue()) return Optional.empty();
        if (WRITABLE_AS_A_WHOLE.containsKey(path.normalized())) {
            return Optional.of(Finding.of(INFO, mount.origin(), "%s mounts host path %s read-write, which holds %s"
                    .formatted(container.description(), path, WRITABLE_AS_A_WHOLE.get(path.normalized()))));
        }
        return lookUp(SENSITIVE_WHEN_WRITABLE, path).map(written -> Finding.of(INFO, mount.origin(),
                "%s mounts host path %s read-write, %s".formatted(container.description(), path, written)));
    }

    /**
     * True when this rule reports the path for being written (the root, the host's system folders), so
     * that writable-host-mount stays quiet on it: one cause, one finding.
     */
    static boolean ownsWritability(HostPath path) {
        return path.isRoot() || WRITABLE_AS_A_WHOLE.containsKey(path.normalized()) || lookUp(SENSITIVE_WHEN_WRITABLE, path).isPresent();
    }

    /** What the sensitive directory this path is (or lies in) holds; empty when it is not sensitive. */
    static Optional<String> whatItHolds(HostPath path) {
        if (path.isRoot()) return Optional.of("the host's whole file system");
        Optional<HostDevice> device = HostDevice.of(path.normalized());
        if (device.isPresent()) return Optional.of("which is " + device.get().exposes());
        return lookUp(SENSITIVE, path);
    }

    private static Optional<String> lookUp(Map<String, String> directories, HostPath path) {
        return directories.entrySet().stream()
                .filter(entry -> path.isOrIsUnder(entry.getKey()))
                .map(entry -> path.normalized().equals(entry.getKey())
                        ? "which holds " + entry.getValue()
                        : "which lies in " + entry.getKey() + " (" + entry.getValue() + ")")
                .findFirst();
    }
}
