package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags host devices that hand a container the host's disks, memory or kernel log ({@link HostDevice}),
 * and device cgroup rules that let it create and open such devices itself ({@code a *:* rwm},
 * {@code b *:* rwm}, {@code c 1:1 rwm}: Docker grants {@code CAP_MKNOD} by default). Other devices
 * are {@link HostDeviceMapped}'s finding.
 */
public final class CriticalHostDevice implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-124", "critical-host-device")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Container can reach a host disk, the host's memory or its kernel log")
            .rationale("""
                    A host disk mapped into a container (/dev/sda, /dev/nvme0n1, /dev/mapper/…) can be \
                    mounted or read block by block beneath every file permission: the host's whole file \
                    system, its secrets and its binaries are the container's. /dev/mem, /dev/kmem and \
                    /dev/port reach physical memory and I/O ports; /dev/kmsg leaks kernel addresses and \
                    forges kernel log lines (reported at high). A device cgroup rule such as `a *:* rwm` \
                    lets the container create any of these itself.""")
            .remediation("Remove the device from `devices` (Compose) or `--device` (docker run), and the rule from "
                    + "`device_cgroup_rules` (Compose) or `--device-cgroup-rule`; give the container a volume or a "
                    + "narrow device instead.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.18"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        // at the gate mostly none: no stream pipeline is built for nothing
        if (container.devices().isEmpty() && container.deviceCgroupRules().isEmpty()) return Stream.empty();
        Stream<Finding> devices = container.devices().stream().filter(Setting::isSet)
                .flatMap(device -> HostDevice.ofMapping(device.value()).stream()
                        .map(critical -> Finding.of(INFO, device.origin(), "%s maps host device %s, %s"
                                .formatted(container.description(), critical.path(), critical.exposes()))
                                .withSeverity(critical.severity())));
        Stream<Finding> rules = container.deviceCgroupRules().stream().filter(Setting::isSet)
                .flatMap(rule -> grants(rule.value()).stream()
                        .map(grant -> Finding.of(INFO, rule.origin(), "%s is granted device cgroup rule '%s', %s"
                                .formatted(container.description(), rule.value().strip(), grant))));
        return Stream.concat(devices, rules);
    }

    /** What a device cgroup rule lets the container open (after creating the node with mknod), when it is critical. */
    static Optional<String> grants(String rule) {
        return HostDevice.criticalCgroupGrant(rule);
    }
}
