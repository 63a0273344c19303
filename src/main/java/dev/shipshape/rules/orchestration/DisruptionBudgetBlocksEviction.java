package dev.shipshape.rules.orchestration;

import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a PodDisruptionBudget that allows no voluntary disruption: {@code maxUnavailable} 0 (or
 * 0%), {@code minAvailable} 100%, or a {@code minAvailable} number at least the replicas of a
 * workload it selects in the scanned set (an autoscaler's minimum for a workload it scales; 1 for a
 * Deployment, ReplicaSet or StatefulSet that states none).
 */
public final class DisruptionBudgetBlocksEviction implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-342", "disruption-budget-blocks-eviction")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("PodDisruptionBudget allows no voluntary disruption")
            .rationale("""
                    A budget that never lets a pod go makes every eviction fail: node drains hang, \
                    cluster upgrades and autoscaler scale-downs stall, and operators end up deleting \
                    the budget or the pods by hand at the worst moment.""")
            .remediation("Set `maxUnavailable: 1` (or a percentage above 0), or a `minAvailable` below the number of "
                    + "replicas, and run at least two replicas.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: specifying a disruption budget for your application",
                            "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.disruptionBudgets().stream().flatMap(budget -> finding(budget, inventory).stream());
    }

    private static Optional<Finding> finding(DisruptionBudget budget, Inventory inventory) {
        Setting<String> maxUnavailable = budget.maxUnavailable();
        if (maxUnavailable.isSet() && isZero(maxUnavailable.value())) {
            return Optional.of(Finding.of(INFO, maxUnavailable.origin(), budget.description()
                    + " sets maxUnavailable " + maxUnavailable.value() + ": no pod it selects may ever be evicted, so node drains hang"));
        }
        Setting<String> minAvailable = budget.minAvailable();
        if (!minAvailable.isSet()) return Optional.empty();
        String value = minAvailable.value().strip();
        if (value.equals("100%")) {
            return Optional.of(Finding.of(INFO, minAvailable.origin(), budget.description()
                    + " sets minAvailable 100%: no pod it selects may ever be evicted, so node drains hang"));
        }
        Optional<Integer> wanted = number(value);
        if (wanted.isEmpty()) return Optional.empty();
        return inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.KUBERNETES && selects(budget, workload))
                .flatMap(workload -> replicasOf(workload, inventory).stream()
                        .filter(replicas -> wanted.get() >= replicas)
                        .map(replicas -> Finding.of(INFO, minAvailable.origin(), "%s sets minAvailable %d but %s runs %d %s: no pod may be evicted, so node drains hang"
                                .formatted(budget.description(), wanted.get(), workload.description(), replicas, replicas == 1 ? "replica" : "replicas"))))
                .findFirst();
    }

    /** The replicas it counts with, for the kinds that have a replica count. */
    private static Optional<Integer> replicasOf(Workload workload, Inventory inventory) {
        if (!SingleReplica.isReplicated(workload) && !workload.kind().equals("StatefulSet")) return Optional.empty();
        return Optional.of(ScaledReplicas.of(workload, inventory).count().orElse(1));
    }

    private static boolean selects(DisruptionBudget budget, Workload workload) {
        return Objects.requireNonNullElse(budget.namespace(), "default").equals(Objects.requireNonNullElse(workload.namespace(), "default"))
                && budget.selector().matches(workload.podLabels());
    }

    private static boolean isZero(String value) {
        String stripped = value.strip();
        return stripped.equals("0") || stripped.equals("0%");
    }

    private static Optional<Integer> number(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
