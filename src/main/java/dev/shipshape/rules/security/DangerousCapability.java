package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Flags each added capability that lets a container escape, spy on the host or take over its network. */
public final class DangerousCapability implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-103", "dangerous-capability")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container adds a dangerous capability")
            .rationale("""
                    Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE, DAC_READ_SEARCH or BPF hand \
                    a container powers of the host's root user: mounting file systems, loading kernel \
                    modules, reading any file, injecting code into other processes. Each is a known way \
                    out of the container, and ALL is as good as privileged. Findings are critical for ALL, \
                    SYS_ADMIN, SYS_MODULE, SYS_RAWIO and DAC_READ_SEARCH, high for NET_ADMIN, SYS_PTRACE, \
                    SYS_BOOT, NET_RAW, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE, SYS_TIME, SYSLOG and \
                    AUDIT_CONTROL, and medium for DAC_OVERRIDE, LINUX_IMMUTABLE and SYS_RESOURCE.""")
            .remediation("Remove the capability from `cap_add` (Compose) or `securityContext.capabilities.add` "
                    + "(Kubernetes); add only narrow ones the process really needs, such as NET_BIND_SERVICE.")
            .remediation(SourceKind.COMPOSE, "Remove the capability from `cap_add`; add only narrow ones the process really "
                    + "needs, such as NET_BIND_SERVICE.")
            .remediation(SourceKind.KUBERNETES, "Remove the capability from `securityContext.capabilities.add`; add only "
                    + "narrow ones the process really needs, such as NET_BIND_SERVICE.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without that `--cap-add` (Engine API "
                    + "`HostConfig.CapAdd`); add only narrow ones it really needs, such as NET_BIND_SERVICE.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.3"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    /** What a dangerous capability allows, and how bad that is. */
    private record Danger(Severity severity, String allows) {
    }

    /**
     * Dangerous capabilities. Critical: each is a known escape on its own. Medium: DAC_OVERRIDE is in
     * Docker's default set (adding it back after {@code cap_drop: [ALL]} restores the default), and
     * LINUX_IMMUTABLE and SYS_RESOURCE harm the host only through a host mount or by exhausting it.
     */
    private static final Map<CapabilityName, Danger> DANGEROUS = Map.ofEntries(
            danger("SYS_ADMIN", Severity.CRITICAL, "which is nearly root on the host"),
            danger("SYS_MODULE", Severity.CRITICAL, "which lets it load code into the host's kernel"),
            danger("SYS_RAWIO", Severity.CRITICAL, "which gives it raw access to I/O ports and device memory"),
            danger("DAC_READ_SEARCH", Severity.CRITICAL,
                    "which lets it open host files by handle, bypassing read permissions (a known escape)"),
            danger("NET_ADMIN", Severity.HIGH,
                    "which lets it reconfigure interfaces, routes and firewall rules of its network"),
            danger("SYS_PTRACE", Severity.HIGH,
                    "which lets it read the memory of and inject code into other processes it can see"),
            danger("SYS_BOOT", Severity.HIGH, "which lets it reboot the host or load a new kernel"),
            danger("NET_RAW", Severity.HIGH,
                    "which lets it forge packets and spoof other hosts on its network (ARP and DNS spoofing)"),
            danger("BPF", Severity.HIGH, "which lets it load BPF programs into the host's kernel"),
            danger("PERFMON", Severity.HIGH,
                    "which lets it observe the kernel and other processes through performance monitoring"),
            danger("MAC_ADMIN", Severity.HIGH, "which lets it change or unload the host's AppArmor or SELinux policy"),
            danger("MAC_OVERRIDE", Severity.HIGH, "which lets it bypass the host's AppArmor or SELinux policy"),
            danger("SYS_TIME", Severity.HIGH,
                    "which lets it set the host's clock (certificates, tokens and logs depend on it)"),
            danger("SYSLOG", Severity.HIGH, "which lets it read and clear the kernel log, including kernel addresses"),
            danger("AUDIT_CONTROL", Severity.HIGH, "which lets it switch off or rewrite the host's audit rules"),
            danger("DAC_OVERRIDE", Severity.MEDIUM,
                    "which lets it read and write any file it can reach, whatever its permissions (Docker grants it by default)"),
            danger("LINUX_IMMUTABLE", Severity.MEDIUM, "which lets it set or clear the immutable flag of files it can reach"),
            danger("SYS_RESOURCE", Severity.MEDIUM,
                    "which lets it exceed resource limits and disk quotas meant to protect the host"));

    private static Map.Entry<CapabilityName, Danger> danger(String capability, Severity severity, String allows) {
        return Map.entry(CapabilityName.of(capability), new Danger(severity, allows));
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.capabilitiesAdded().stream()
                .flatMap(added -> finding(container, added).stream());
    }

    private static Optional<Finding> finding(Container container, Setting<String> added) {
        CapabilityName capability = CapabilityName.of(added.value());
        if (capability.isAll()) {
            return Optional.of(Finding.of(INFO, added.origin(),
                    container.description() + " adds ALL capabilities, which is as good as running privileged")
                    .withSeverity(Severity.CRITICAL));
        }
        return Optional.ofNullable(DANGEROUS.get(capability)).map(danger -> Finding.of(INFO, added.origin(),
                "%s adds capability %s, %s".formatted(container.description(), capability, danger.allows()))
                .withSeverity(danger.severity()));
    }
}
