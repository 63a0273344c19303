package dev.shipshape.rules.storage;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Mount;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags a stack's volume on the node-local driver that a service of the same stack file mounts
 * while Swarm may run that service on several nodes. A {@code local} volume whose
 * {@code driver_opts.type} mounts a network file system (NFS, CIFS…) reaches the same data from
 * every node, and a service pinned to one node by hostname or node id never moves.
 */
public final class LocalDriverInSwarm implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-204", "local-driver-in-swarm")
            .pillar(Pillar.STORAGE)
            .severity(Severity.MEDIUM)
            .title("Swarm service uses a node-local volume")
            .rationale("""
                    Swarm creates a `local` volume separately on each node where a task of the service \
                    lands. When the task moves (a node drain or failure, an update, a scale-out) it starts \
                    on another node with an empty volume of the same name; the data stays behind on the \
                    old node, and replicas on different nodes each write their own copy.""")
            .remediation("Give the volume a driver that reaches shared storage: `driver_opts: {type: nfs, o: "
                    + "\"addr=10.0.0.10,rw,nfsvers=4\", device: \":/export/data\"}` on the `local` driver, or a volume "
                    + "plugin (`driver:` GlusterFS, Ceph RBD/CephFS, Flocker, ScaleIO/REX-Ray, Portworx, a CSI plugin; "
                    + "docs/known-systems.md lists the drivers); or pin the service to one node with "
                    + "`deploy.placement.constraints: [\"node.hostname == db-1\"]`.")
            .appliesTo(SourceKind.STACK)
            .references(
                    Reference.url("Docker: share data between machines", "https://docs.docker.com/engine/storage/volumes/#share-data-between-machines"),
                    Reference.url("Compose file: deploy placement", "https://docs.docker.com/reference/compose-file/deploy/#placement"))
            .build();

    /** {@code driver_opts.type} values with which the local driver mounts a network file system. */
    private static final Set<String> NETWORK_FILE_SYSTEMS = Set.of("nfs", "nfs4", "cifs", "smb3", "ceph", "glusterfs");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.volumes().stream()
                .filter(volume -> volume.source() == SourceKind.STACK && !volume.external() && isNodeLocal(volume))
                .flatMap(volume -> finding(volume, movingServicesMounting(volume, inventory.workloads())).stream());
    }

    private static boolean isNodeLocal(Volume volume) {
        String driver = volume.driver().orElse("local").strip().toLowerCase(Locale.ROOT);
        if (!driver.equals("local") && !driver.isEmpty()) return false;
        return volume.driverOptions().stream()
                .filter(option -> option.key().equals("type"))
                .map(KeyValue::value)
                .noneMatch(type -> NETWORK_FILE_SYSTEMS.contains(type.strip().toLowerCase(Locale.ROOT)));
    }

    private static List<Workload> movingServicesMounting(Volume volume, List<Workload> workloads) {
        return workloads.stream()
                .filter(workload -> workload.source() == SourceKind.STACK
                        && workload.origin().source().equals(volume.origin().source()))
                .filter(workload -> workload.containers().stream()
                        .flatMap(container -> container.mounts().stream())
                        .anyMatch(mount -> mount.type() == Mount.Type.VOLUME && volume.name().equals(mount.source())))
                .filter(workload -> !PlacementConstraint.pinsToOneNode(workload.scheduling()))
                .toList();
    }

    private static Optional<Finding> finding(Volume volume, List<Workload> services) {
        if (services.isEmpty()) return Optional.empty();
        String driver = volume.driver().isSet() ? "the local driver" : "the default local driver";
        String who = services.stream().map(LocalDriverInSwarm::describe).collect(Collectors.joining(", "));
        return Optional.of(Finding.of(INFO, volume.driver().origin(),
                "volume '%s' uses %s, but %s can run on several nodes, each with its own empty copy of the volume"
                        .formatted(volume.name(), driver, who)));
    }

    /** "service 'db' (global)", "service 'web' (3 replicas)", "service 'db' (1 replica, not pinned to a node)". */
    private static String describe(Workload service) {
        String mode = service.scheduling().mode().orElse("replicated").strip().toLowerCase(Locale.ROOT);
        if (mode.startsWith("global")) return service.description() + " (global)";
        if (!service.replicas().isSet()) return service.description() + " (1 replica by default, not pinned to a node)";
        int replicas = service.replicas().value();
        return replicas > 1
                ? "%s (%d replicas)".formatted(service.description(), replicas)
                : "%s (%d replica%s, not pinned to a node)".formatted(service.description(), replicas, replicas == 1 ? "" : "s");
    }
}
