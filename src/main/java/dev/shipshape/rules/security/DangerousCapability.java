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
                    out of the container, and ALL is as good as privileged.""")
            .remediation("Remove the capability from `cap_add` (Compose) or `securityContext.capabilities.add` "
                    + "(Kubernetes); add only narrow ones the process really needs, such as NET_BIND_SERVICE.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.3"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    /** Dangerous capabilities and what each allows. */
    private static final Map<CapabilityName, String> DANGEROUS = Map.ofEntries(
            Map.entry(CapabilityName.of("SYS_ADMIN"), "which is nearly root on the host"),
            Map.entry(CapabilityName.of("NET_ADMIN"),
                    "which lets it reconfigure interfaces, routes and firewall rules of its network"),
            Map.entry(CapabilityName.of("SYS_PTRACE"),
                    "which lets it read the memory of and inject code into other processes it can see"),
            Map.entry(CapabilityName.of("SYS_MODULE"), "which lets it load code into the host's kernel"),
            Map.entry(CapabilityName.of("DAC_READ_SEARCH"),
                    "which lets it open host files by handle, bypassing read permissions (a known escape)"),
            Map.entry(CapabilityName.of("SYS_RAWIO"), "which gives it raw access to I/O ports and device memory"),
            Map.entry(CapabilityName.of("SYS_BOOT"), "which lets it reboot the host or load a new kernel"),
            Map.entry(CapabilityName.of("NET_RAW"),
                    "which lets it forge packets and spoof other hosts on its network (ARP and DNS spoofing)"),
            Map.entry(CapabilityName.of("BPF"), "which lets it load BPF programs into the host's kernel"),
            Map.entry(CapabilityName.of("PERFMON"),
                    "which lets it observe the kernel and other processes through performance monitoring"));

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
                    container.description() + " adds ALL capabilities, which is as good as running privileged"));
        }
        return Optional.ofNullable(DANGEROUS.get(capability)).map(allows -> Finding.of(INFO, added.origin(),
                "%s adds capability %s, %s".formatted(container.description(), capability, allows)));
    }
}
