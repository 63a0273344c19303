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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags Deployments and StatefulSets with more than one replica whose pods no PodDisruptionBudget
 * in the same namespace selects (an empty budget selector selects every pod of its namespace). Only
 * the scanned set is known: a budget applied from elsewhere is not seen. A workload that an
 * autoscaler of the scanned set scales counts with the autoscaler's minimum.
 */
public final class MissingDisruptionBudget implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-311", "missing-disruption-budget")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Replicated workload has no PodDisruptionBudget")
            .rationale("""
                    Node drains (cluster upgrades, autoscaler scale-downs, maintenance) evict pods through \
                    the eviction API, which only holds back when a PodDisruptionBudget says how many pods \
                    must stay up. Without one, a drain may evict every replica at once, and running several \
                    replicas buys no availability during maintenance.""")
            .remediation("Add a `PodDisruptionBudget` (policy/v1) in the workload's namespace whose `selector` "
                    + "matches its pod labels, with `minAvailable` or `maxUnavailable` set so that at least one "
                    + "replica stays up.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: specifying a disruption budget for your application",
                            "https://kubernetes.io/docs/tasks/run-application/configure-pdb/"),
                    Reference.url("Kubernetes: disruptions",
                            "https://kubernetes.io/docs/concepts/workloads/pods/disruptions/"))
            .build();

    private static final Set<String> BUDGETED_KINDS = Set.of("Deployment", "StatefulSet");
    private static final String DEFAULT_NAMESPACE = "default";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.KUBERNETES && BUDGETED_KINDS.contains(workload.kind()))
                .filter(workload -> !isBudgeted(workload, inventory.disruptionBudgets()))
                .flatMap(workload -> {
                    ScaledReplicas scaled = ScaledReplicas.of(workload, inventory);
                    Setting<Integer> replicas = scaled.count();
                    if (!replicas.isSet() || replicas.value() <= 1) return Stream.empty();
                    return Stream.of(Finding.of(INFO, replicas.origin(), "%s runs %d replicas%s but no PodDisruptionBudget selects its pods:"
                            .formatted(workload.description(), replicas.value(), scaled.via())
                            + " a node drain may evict them all at once"));
                });
    }

    private static boolean isBudgeted(Workload workload, List<DisruptionBudget> budgets) {
        return budgets.stream().anyMatch(budget -> namespaceOf(budget.namespace()).equals(namespaceOf(workload.namespace()))
                && budget.selector().matches(workload.podLabels()));
    }

    private static String namespaceOf(String namespace) {
        return Objects.requireNonNullElse(namespace, DEFAULT_NAMESPACE);
    }
}
