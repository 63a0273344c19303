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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags host directories that hold the host's configuration, kernel interfaces, devices or the
 * container runtime's own state, mounted into a container. The root {@code /} counts only as
 * itself. Runtime sockets are left to {@link DockerSocketMounted}; {@code /etc/localtime} and
 * {@code /etc/timezone} mounted read-only are left alone.
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
                    /etc/localtime and /etc/timezone mounted read-only are common and harmless, and are \
                    not reported.""")
            .remediation("Remove the host path from `volumes` (Compose) or the `hostPath` volume (Kubernetes); "
                    + "copy the files the container needs into a named volume, ConfigMap or Secret, and mount "
                    + "what must stay a host path read-only (`:ro`, `readOnly: true`).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.6"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    /** Sensitive directories and what they hold (none lies inside another). */
    private static final Map<String, String> SENSITIVE = sensitiveDirectories();

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
        return directories;
    }

    @Override
    Optional<Finding> check(Container container, Mount mount, HostPath path) {
        if (DockerSocketMounted.isRuntimeSocket(path)) return Optional.empty();
        if (HARMLESS_WHEN_READ_ONLY.contains(path.normalized()) && mount.readOnly().isTrue()) return Optional.empty();
        String advice = HARMLESS_WHEN_READ_ONLY.contains(path.normalized()) ? "; mount it read-only" : "";
        return whatItHolds(path).map(holds -> Finding.of(INFO, mount.origin(), "%s mounts host path %s, %s%s"
                .formatted(container.description(), path, holds, advice)));
    }

    /** What the sensitive directory this path is (or lies in) holds; empty when it is not sensitive. */
    static Optional<String> whatItHolds(HostPath path) {
        if (path.isRoot()) return Optional.of("the host's whole file system");
        return SENSITIVE.entrySet().stream()
                .filter(entry -> path.isOrIsUnder(entry.getKey()))
                .map(entry -> path.normalized().equals(entry.getKey())
                        ? "which holds " + entry.getValue()
                        : "which lies in " + entry.getKey() + " (" + entry.getValue() + ")")
                .findFirst();
    }
}
