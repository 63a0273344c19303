package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Autoscaler;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ApplicationInSet;
import dev.shipshape.rules.CustomResourceMakers;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a HorizontalPodAutoscaler or KEDA ScaledObject whose {@code scaleTargetRef} names a
 * workload the scanned set does not define (judged only when the set holds at least one
 * Kubernetes workload and the autoscaler's application, {@link ApplicationInSet}; a target that is a
 * custom resource of the set, or that one could make, {@link CustomResourceMakers}, is not missing),
 * and one that keeps fewer than 2 replicas of a workload that a PodDisruptionBudget of the set protects.
 */
public final class AutoscalerTargetMissing implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-343", "autoscaler-target-missing")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Autoscaler targets a missing workload or scales a protected one to one")
            .rationale("""
                    An autoscaler whose target does not exist scales nothing, silently: the workload \
                    it was meant for runs at whatever replicas it states. One that may scale a \
                    workload down to a single replica while a PodDisruptionBudget protects it makes \
                    that budget block every node drain whenever load is low. A target is called missing \
                    only when the scanned set holds the autoscaler's application (another workload, \
                    Service or custom resource with the same `app.kubernetes.io/instance`, \
                    `app.kubernetes.io/part-of`, `release` or `helm.sh/chart` label, or, for an \
                    autoscaler without them, in its file, or in its namespace and folder), and is not a custom resource \
                    of the set or named after one (which its operator could make).""")
            .remediation("Point `spec.scaleTargetRef` at the kind and name of a workload in the same namespace, and set "
                    + "`minReplicas` (HPA) or `minReplicaCount` (KEDA) to 2 or more for workloads a PodDisruptionBudget protects.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: horizontal pod autoscaling",
                            "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"),
                    Reference.url("KEDA: ScaledObject specification", "https://keda.sh/docs/latest/reference/scaledobject-spec/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<Workload> workloads = inventory.workloads().stream().filter(workload -> workload.source() == SourceKind.KUBERNETES).toList();
        if (workloads.isEmpty()) return Stream.empty();
        ApplicationInSet applications = ApplicationInSet.of(inventory);
        CustomResourceMakers makers = CustomResourceMakers.of(inventory);
        return inventory.kubernetes().autoscalers().stream()
                .flatMap(autoscaler -> finding(autoscaler, workloads, inventory, applications, makers).stream());
    }

    private static Optional<Finding> finding(Autoscaler autoscaler, List<Workload> workloads, Inventory inventory,
            ApplicationInSet applications, CustomResourceMakers makers) {
        if (!autoscaler.targetName().isSet()) return Optional.empty();
        Optional<Workload> target = workloads.stream().filter(autoscaler::scales).findFirst();
        if (target.isEmpty()) {
            if (!applications.holds(autoscaler.origin(), autoscaler.namespace())
                    || !makers.couldMakeNamed(autoscaler.targetName().value(), autoscaler.namespace()).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Finding.of(INFO, autoscaler.targetName().origin(), "%s scales %s '%s', which the scanned set does not define%s"
                    .formatted(autoscaler.description(), autoscaler.targetKind(), autoscaler.targetName().value(), namespaceNote(autoscaler))));
        }
        int min = autoscaler.effectiveMinReplicas();
        boolean protectedByBudget = inventory.disruptionBudgets().stream().anyMatch(budget ->
                Objects.requireNonNullElse(budget.namespace(), "default").equals(Objects.requireNonNullElse(target.get().namespace(), "default"))
                        && budget.selector().matches(target.get().podLabels()));
        if (min >= 2 || !protectedByBudget) return Optional.empty();
        var where = autoscaler.minReplicas().isSet() ? autoscaler.minReplicas().origin() : autoscaler.origin();
        return Optional.of(Finding.of(INFO, where, "%s may scale %s down to %d %s while a PodDisruptionBudget protects it: node drains then hang"
                .formatted(autoscaler.description(), target.get().description(), min, min == 1 ? "replica" : "replicas")));
    }

    private static String namespaceNote(Autoscaler autoscaler) {
        return autoscaler.namespace() == null ? "" : " in namespace " + autoscaler.namespace();
    }
}
