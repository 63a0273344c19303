package dev.shipshape.rules.storage;

import dev.shipshape.model.Container;
import dev.shipshape.model.Mount;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.systems.KnownSystems;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags host paths (bind mounts, hostPath volumes) in workloads an orchestrator may place on any
 * node: Swarm services and the Kubernetes kinds that schedule pods freely. One-per-node workloads
 * (a DaemonSet, a global Swarm service), bare Pods and workloads pinned to one node by hostname
 * are left alone: their host paths are tied to a node by design. So are container-runtime sockets
 * (docker-socket-mounted's business), the host's time zone mounted read-only, and the parts of the
 * operating system every node has and no workload keeps its data in ({@code /proc}, {@code /sys},
 * {@code /dev}, {@code /lib/modules}, the CA certificates…): a monitoring agent reads the node it
 * runs on, whichever that is. Whether those are safe to mount is the security rules' business.
 * A host path under a folder named after shared storage ({@code /mnt/glusterfs/app}, {@code /srv/cephfs}:
 * the catalogue's {@code hostPathWords}) is that storage mounted on every node, which is the fix.
 */
public final class NodeBoundStorage implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-203", "node-bound-storage")
            .pillar(Pillar.STORAGE)
            .severity(Severity.MEDIUM)
            .title("Host path storage in a workload that can move between nodes")
            .rationale("""
                    A bind mount or hostPath volume reads and writes one node's disk. When the orchestrator \
                    reschedules the workload (a node drain, a failure, an update, a scale-out), it lands on \
                    another node where the path is empty, holds other data, or is missing, and the task \
                    fails to start or silently runs on the wrong data.""")
            .remediation("Use storage every node can reach: in a stack, a named volume with a shared-storage driver "
                    + "(`driver_opts: {type: nfs, o: \"addr=…\", device: \":/export\"}`, GlusterFS and its Docker plugin, "
                    + "Ceph RBD/CephFS, Flocker, ScaleIO/REX-Ray, Portworx, a CSI volume plugin; docs/known-systems.md lists "
                    + "them) or the same storage mounted on every node, instead of the bind mount in `volumes:`, and `configs:` for configuration files; in "
                    + "Kubernetes replace the `hostPath` volume with a `persistentVolumeClaim` on a shared or CSI-provisioned "
                    + "storage class. If the workload must stay on one node, pin it there (`node.hostname==` constraint, "
                    + "`nodeSelector: {kubernetes.io/hostname: …}`).")
            .appliesTo(SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Docker: bind mounts", "https://docs.docker.com/engine/storage/bind-mounts/"),
                    Reference.url("Docker: share data among machines", "https://docs.docker.com/engine/storage/volumes/#share-data-between-machines"),
                    Reference.url("Kubernetes: hostPath", "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"))
            .build();

    /** Kubernetes kinds whose pods the scheduler places on any fitting node. */
    private static final Set<String> SCHEDULED_ANYWHERE = Set.of(
            "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "Job", "CronJob");

    /** Socket files of container runtimes: docker-socket-mounted reports those. */
    private static final Set<String> RUNTIME_SOCKETS = Set.of("docker.sock", "containerd.sock", "crio.sock", "podman.sock");

    /** Host time zone files: the same on every node, harmless when mounted read-only. */
    private static final Set<String> TIME_ZONE = Set.of("/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo");

    /** Operating-system paths every node has, read for what they say about the node, never to keep data in (with what lies below). */
    private static final List<String> NODE_SYSTEM = List.of(
            "/proc", "/sys", "/dev", "/boot", "/lib/modules", "/etc/ssl/certs", "/etc/pki",
            "/etc/ca-certificates", "/usr/share/ca-certificates", "/etc/machine-id", "/etc/os-release");

    /** The host's whole /usr, as agents mount it to read the node's binaries; what lies below it may be anything. */
    private static final String NODE_USR = "/usr";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (!movesBetweenNodes(workload)) return Stream.empty();
        boolean swarm = workload.source() == SourceKind.STACK;
        return container.mounts().stream()
                .filter(mount -> mount.isHostPath() && mount.source() != null && !mount.source().isBlank())
                .filter(mount -> !isRuntimeSocket(mount.source()) && !isTimeZone(mount) && !isNodeSystem(mount.source()))
                .filter(mount -> KnownSystems.catalogue().sharedStorageAtHostPath(mount.source()).isEmpty())
                .map(mount -> Finding.of(INFO, mount.origin(), swarm
                        ? ("%s mounts host path %s at %s, but Swarm may run its tasks on any node, where that path "
                                + "is not the same: use a volume driver for shared storage (NFS, GlusterFS, Ceph RBD/CephFS, "
                                + "a CSI driver)").formatted(container.description(), mount.source(), mount.target())
                        : ("%s mounts hostPath %s at %s, but its pods may be scheduled on any node, where that path "
                                + "is not the same: use a PersistentVolumeClaim on shared storage (NFS, CephFS, Ceph RBD, "
                                + "GlusterFS, a CSI driver)").formatted(container.description(), mount.source(), mount.target())));
    }

    private static boolean movesBetweenNodes(Workload workload) {
        if (PlacementConstraint.pinsToOneNode(workload.scheduling())) return false;
        return switch (workload.source()) {
            case STACK -> !workload.scheduling().mode().orElse("replicated").strip().toLowerCase(Locale.ROOT).startsWith("global");
            case KUBERNETES -> SCHEDULED_ANYWHERE.contains(workload.kind());
            default -> false;
        };
    }

    private static boolean isRuntimeSocket(String source) {
        return RUNTIME_SOCKETS.contains(MountPath.of(source).fileName());
    }

    private static boolean isTimeZone(Mount mount) {
        MountPath source = MountPath.of(mount.source());
        return mount.readOnly().isTrue() && TIME_ZONE.stream().anyMatch(zone -> MountPath.of(zone).isAtOrAbove(source.normalized()));
    }

    private static boolean isNodeSystem(String source) {
        MountPath path = MountPath.of(source);
        return path.normalized().equals(NODE_USR)
                || NODE_SYSTEM.stream().anyMatch(system -> MountPath.of(system).isAtOrAbove(path.normalized()));
    }
}
