package dev.shipshape.rules.storage;

import dev.shipshape.model.Mount;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags a StatefulSet without {@code volumeClaimTemplates} whose pods keep state with no storage of
 * their own: a volume they write to (an emptyDir) or a well-known stateful image. Left alone: a
 * StatefulSet that mounts a claim, a CSI or network volume (a deliberate shared claim, an object-store
 * mount), and one whose pods mount nothing writable and run no known stateful image (an operator that
 * uses a StatefulSet only for a stable name).
 *
 * <p>One cause, one finding: where stateful-without-volume reports a container of the StatefulSet (a
 * known image whose data directory is on nothing), that rule owns the missing storage and this one
 * stays quiet.
 */
public final class StatefulsetWithoutClaims implements WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-206", "statefulset-without-claims")
            .pillar(Pillar.STORAGE)
            .severity(Severity.MEDIUM)
            .title("StatefulSet without volumeClaimTemplates")
            .rationale("""
                    A StatefulSet's point is that each pod keeps its identity and its own storage across \
                    rescheduling; the storage comes from `volumeClaimTemplates`, one PersistentVolumeClaim \
                    per pod. Without them the pods either keep nothing across a restart, or all replicas \
                    mount the same claim, which a ReadWriteOnce volume refuses on a second node and which \
                    clustered databases corrupt when they share it. When a known stateful image's data \
                    directory is on nothing, stateful-without-volume reports it instead: one cause, one finding.""")
            .remediation("Add `spec.volumeClaimTemplates` (a `metadata.name`, `accessModes: [ReadWriteOnce]` and "
                    + "`resources.requests.storage`) and mount it by that name in `volumeMounts`; if the pods really "
                    + "keep no state, use a Deployment.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: StatefulSets, stable storage",
                            "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage"),
                    Reference.url("Kubernetes: persistent volumes", "https://kubernetes.io/docs/concepts/storage/persistent-volumes/"))
            .build();

    /** Storage a StatefulSet's author chose on purpose: a shared claim, a CSI, network or object-store volume. */
    private static final Set<Mount.Type> DELIBERATE_STORAGE = Set.of(Mount.Type.CLAIM, Mount.Type.OTHER);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        if (!workload.kind().equals("StatefulSet") || !workload.claimTemplates().isEmpty()) return Stream.empty();
        List<Mount> mounts = workload.containers().stream().flatMap(container -> container.mounts().stream()).toList();
        if (mounts.stream().anyMatch(mount -> DELIBERATE_STORAGE.contains(mount.type()))) return Stream.empty();
        List<DataPlacement> placements = workload.containers().stream()
                .flatMap(container -> DataPlacement.of(workload, container).stream())
                .toList();
        if (placements.stream().anyMatch(placement -> placement.fate() == DataPlacement.Fate.LOST
                || placement.fate() == DataPlacement.Fate.ANONYMOUS)) {
            return Stream.empty();
        }
        String scratch = mounts.stream()
                .filter(mount -> mount.type() == Mount.Type.EMPTY_DIR && mount.target() != null)
                .map(mount -> mount.target())
                .distinct()
                .collect(Collectors.joining(", "));
        if (scratch.isEmpty() && placements.isEmpty()) return Stream.empty();
        String consequence = scratch.isEmpty()
                ? "its pods get no storage of their own"
                : "its pods write %s to emptyDir volumes, which are lost with each pod".formatted(scratch);
        return Stream.of(Finding.of(INFO, workload.origin(),
                "%s has no volumeClaimTemplates: %s".formatted(workload.description(), consequence)));
    }
}
