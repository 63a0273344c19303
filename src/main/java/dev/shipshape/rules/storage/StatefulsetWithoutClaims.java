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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Flags a StatefulSet without {@code volumeClaimTemplates}: its pods get no storage of their own. */
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
                    clustered databases corrupt when they share it.""")
            .remediation("Add `spec.volumeClaimTemplates` (a `metadata.name`, `accessModes: [ReadWriteOnce]` and "
                    + "`resources.requests.storage`) and mount it by that name in `volumeMounts`; if the pods really "
                    + "keep no state, use a Deployment.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: StatefulSets, stable storage",
                            "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage"),
                    Reference.url("Kubernetes: persistent volumes", "https://kubernetes.io/docs/concepts/storage/persistent-volumes/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        if (!workload.kind().equals("StatefulSet") || !workload.claimTemplates().isEmpty()) return Stream.empty();
        String sharedClaims = workload.containers().stream()
                .flatMap(container -> container.mounts().stream())
                .filter(mount -> mount.type() == Mount.Type.CLAIM && mount.source() != null)
                .map(mount -> "'" + mount.source() + "'")
                .distinct()
                .collect(Collectors.joining(", "));
        String consequence = sharedClaims.isEmpty()
                ? "its pods get no storage of their own"
                : "every replica mounts the same claim " + sharedClaims + " instead of its own";
        return Stream.of(Finding.of(INFO, workload.origin(),
                "%s has no volumeClaimTemplates: %s".formatted(workload.description(), consequence)));
    }
}
