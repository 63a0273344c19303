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
import java.util.stream.Stream;

/** Flags a well-known stateful image whose data directory is on an emptyDir or a tmpfs. */
public final class EphemeralStorageForStateful implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-205", "ephemeral-storage-for-stateful")
            .pillar(Pillar.STORAGE)
            .severity(Severity.HIGH)
            .title("Stateful image keeps its data on ephemeral storage")
            .rationale("""
                    An emptyDir is deleted with its pod, and a tmpfs (or an emptyDir with `medium: Memory`) \
                    lives in RAM and is gone when the container stops. A database or broker whose data \
                    directory sits there loses everything on a node drain, an eviction, a rollout or a \
                    restart, and a memory-backed one also competes with the process for memory.""")
            .remediation("Mount a named volume at the data directory instead of a `tmpfs` entry (Compose, stack: "
                    + "`volumes: [\"db-data:/var/lib/postgresql/data\"]`); in Kubernetes replace the `emptyDir` volume "
                    + "with a `persistentVolumeClaim` volume, or use a StatefulSet's `volumeClaimTemplates`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("Kubernetes: emptyDir", "https://kubernetes.io/docs/concepts/storage/volumes/#emptydir"),
                    Reference.url("Docker: tmpfs mounts", "https://docs.docker.com/engine/storage/tmpfs/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return DataPlacement.of(workload, container)
                .filter(placement -> placement.fate() == DataPlacement.Fate.EPHEMERAL)
                .map(placement -> {
                    Mount mount = placement.holder().orElseThrow();
                    return Finding.of(INFO, mount.origin(), "%s runs %s (%s) with its data in %s on %s".formatted(
                            container.description(), placement.image().product(), container.image().value(),
                            placement.image().dataPath(), storageOf(workload, mount)));
                })
                .stream();
    }

    private static String storageOf(Workload workload, Mount mount) {
        boolean kubernetes = workload.source() == SourceKind.KUBERNETES;
        if (mount.type() == Mount.Type.EMPTY_DIR) {
            return "an emptyDir at %s, which is deleted with the pod".formatted(mount.target());
        }
        return kubernetes
                ? "a memory-backed emptyDir at %s, which is deleted with the pod and counts against its memory".formatted(mount.target())
                : "a tmpfs at %s, which lives in memory and is gone when the container stops".formatted(mount.target());
    }
}
