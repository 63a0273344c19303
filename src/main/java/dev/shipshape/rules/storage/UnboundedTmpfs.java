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

/** Flags memory-backed mounts (a tmpfs, an emptyDir with {@code medium: Memory}) without a size limit. */
public final class UnboundedTmpfs implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-207", "unbounded-tmpfs")
            .pillar(Pillar.STORAGE)
            .severity(Severity.LOW)
            .title("Memory-backed mount without a size limit")
            .rationale("""
                    Files in a tmpfs are pages of RAM. Without a size, Docker's tmpfs may grow to half the \
                    host's memory, and a memory-backed emptyDir up to the pod's memory limit or the node's \
                    allocatable memory: a runaway writer fills it until the container is OOM-killed or the \
                    host starts swapping and evicting its neighbours.""")
            .remediation("Give the mount a size: `tmpfs: [\"/tmp:size=64m\"]` or, in the long volume syntax, "
                    + "`tmpfs: {size: 67108864}` (Compose, stack); `emptyDir: {medium: Memory, sizeLimit: 64Mi}` (Kubernetes).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("Docker: tmpfs mounts", "https://docs.docker.com/engine/storage/tmpfs/"),
                    Reference.url("Kubernetes: emptyDir", "https://kubernetes.io/docs/concepts/storage/volumes/#emptydir"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        boolean kubernetes = workload.source() == SourceKind.KUBERNETES;
        return container.mounts().stream()
                .filter(mount -> mount.type() == Mount.Type.TMPFS && !mount.sizeLimit().isSet())
                .map(mount -> Finding.of(INFO, mount.origin(), kubernetes
                        ? "%s mounts a memory-backed emptyDir at %s without sizeLimit: it can take up the pod's memory limit, or the node's memory when the pod has none"
                                .formatted(container.description(), mount.target())
                        : "%s mounts a tmpfs at %s without a size: it can grow to half the host's RAM"
                                .formatted(container.description(), mount.target())));
    }
}
