package dev.shipshape.rules.storage;

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
 * Flags a well-known stateful image (a database, a broker, a search engine) whose data directory
 * is on no named volume, claim or host path. Data on an emptyDir or tmpfs is
 * {@code ephemeral-storage-for-stateful}'s business.
 */
public final class StatefulWithoutVolume implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-201", "stateful-without-volume")
            .pillar(Pillar.STORAGE)
            .severity(Severity.HIGH)
            .title("Stateful image keeps its data in the container")
            .rationale("""
                    A database, message broker or search engine writes its data to a known directory. \
                    When no named volume or PersistentVolumeClaim holds that directory, the data lives in \
                    the container's writable layer (or an anonymous volume) and is gone, or silently left \
                    behind, the next time the container is recreated: on an image upgrade, a `docker compose \
                    down`, a rescheduled task or a replaced pod.""")
            .remediation("Mount a named volume at the image's data directory: `volumes: [\"db-data:/var/lib/postgresql/data\"]` "
                    + "with `db-data` declared under the top-level `volumes:` (Compose, stack); in Kubernetes mount a "
                    + "PersistentVolumeClaim there (`volumeMounts[].mountPath` with a `persistentVolumeClaim` volume, or a "
                    + "StatefulSet's `volumeClaimTemplates`). Where the service may move between hosts, put the volume on "
                    + "shared storage (GlusterFS, Ceph, Flocker, ScaleIO/REX-Ray, NFS, Portworx or a CSI driver; "
                    + "docs/known-systems.md).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("Docker: volumes", "https://docs.docker.com/engine/storage/volumes/"),
                    Reference.url("Kubernetes: persistent volumes", "https://kubernetes.io/docs/concepts/storage/persistent-volumes/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return DataPlacement.of(workload, container)
                .filter(placement -> placement.fate() == DataPlacement.Fate.LOST || placement.fate() == DataPlacement.Fate.ANONYMOUS)
                .map(placement -> Finding.of(INFO, container.image().origin(), message(workload, container, placement)))
                .stream();
    }

    private static String message(Workload workload, Container container, DataPlacement placement) {
        StatefulImage image = placement.image();
        boolean kubernetes = workload.source() == SourceKind.KUBERNETES;
        String where = placement.fate() == DataPlacement.Fate.ANONYMOUS
                ? " on an anonymous volume (mounted at %s with no name): a new container starts with a new, empty one"
                        .formatted(placement.holder().orElseThrow().target())
                : ", where no %s is mounted: the data is lost when the %s is replaced"
                        .formatted(kubernetes ? "PersistentVolumeClaim" : "named volume", kubernetes ? "pod" : "container");
        return "%s runs %s (%s) with its data in %s%s".formatted(
                container.description(), image.product(), container.image().value(), image.dataPath(), where);
    }
}
