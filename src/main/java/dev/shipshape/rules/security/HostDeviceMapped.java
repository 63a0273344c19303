package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags each host device mapped into a container, and each device cgroup rule it is granted.
 * Disks, memory and the kernel log, and the rules that grant them, are
 * {@link CriticalHostDevice}'s finding. Kubernetes has no such field: a pod reaches
 * host devices only by running privileged ({@link PrivilegedContainer}), by a hostPath under
 * /dev ({@link SensitiveHostPath}) or through a device plugin, which is the sanctioned way.
 */
public final class HostDeviceMapped implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-112", "host-device-mapped")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Host device mapped into a container")
            .rationale("""
                    A mapped device node lets the container talk to the host's hardware driver \
                    directly: a disk can be read or rewritten block by block beneath every file \
                    permission, and a buggy or hostile driver call runs in the host kernel. By \
                    default the device is also granted read, write and mknod.""")
            .remediation("Remove the entry from `devices` (Compose, Swarm) or `--device` (docker run), and from "
                    + "`device_cgroup_rules` (`--device-cgroup-rule`); when the "
                    + "hardware is really needed, map only that device with the least permissions (`:r` or `:rw`, "
                    + "never `m`), and document why.")
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
        Stream<Finding> devices = container.devices().stream()
                .filter(device -> device.isSet() && HostDevice.ofMapping(device.value()).isEmpty())
                .map(device -> Finding.of(INFO, device.origin(),
                        container.description() + " maps host device " + device.value() + " into the container"));
        Stream<Finding> rules = container.deviceCgroupRules().stream()
                .filter(rule -> rule.isSet() && HostDevice.criticalCgroupGrant(rule.value()).isEmpty())
                .map(rule -> Finding.of(INFO, rule.origin(),
                        container.description() + " is granted device cgroup rule '" + rule.value().strip() + "'"));
        return Stream.concat(devices, rules);
    }
}
