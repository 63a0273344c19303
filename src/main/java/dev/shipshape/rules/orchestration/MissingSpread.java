package dev.shipshape.rules.orchestration;

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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags workloads that run several replicas but say nothing about spreading them: a Deployment,
 * StatefulSet or ReplicaSet with {@code replicas} above 1 and neither pod anti-affinity nor
 * topologySpreadConstraints, or a replicated Swarm stack service with {@code replicas} above 1 and
 * no {@code placement.preferences} spread.
 *
 * <p>On Kubernetes an anti-affinity term or spread constraint counts only when its label selector
 * matches the workload's own pod labels, in a namespace it covers ({@link dev.shipshape.model.SpreadTerm});
 * a workload scaled by an autoscaler of the scanned set counts with the autoscaler's minimum.
 */
public final class MissingSpread implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-312", "missing-spread")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.LOW)
            .title("Replicas are not spread over nodes or zones")
            .rationale("""
                    Replicas protect against the loss of a node or a zone only if they run on different \
                    ones. The schedulers' default spreading is best-effort: under resource pressure, after \
                    a drain, or with few eligible nodes, Kubernetes and Swarm happily put every replica on \
                    the same node or in the same zone, where one failure takes them all.""")
            .remediation("Kubernetes: add `topologySpreadConstraints` over `topology.kubernetes.io/zone` and "
                    + "`kubernetes.io/hostname` (or a `podAntiAffinity` on the pod labels). Swarm stack: add "
                    + "`deploy.placement.preferences: [{spread: node.labels.zone}]` (or another failure-domain label).")
            .appliesTo(SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: pod topology spread constraints",
                            "https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/"),
                    Reference.url("Docker: Swarm placement preferences",
                            "https://docs.docker.com/engine/swarm/services/#placement-preferences"))
            .build();

    private static final Set<String> SPREADABLE_KINDS = Set.of("Deployment", "StatefulSet", "ReplicaSet");
    private static final String SWARM_REPLICATED = "replicated";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.workloads().stream().flatMap(workload -> check(workload, inventory));
    }

    private static Stream<Finding> check(Workload workload, Inventory inventory) {
        if (!isSpreadable(workload)) return Stream.empty();
        ScaledReplicas scaled = ScaledReplicas.of(workload, inventory);
        Setting<Integer> replicas = scaled.count();
        if (!replicas.isSet() || replicas.value() <= 1 || spreads(workload)) return Stream.empty();
        String missing = workload.source() == SourceKind.STACK
                ? "no placement preference spreads them over zones or racks (Swarm only balances task counts per node)"
                : "neither a podAntiAffinity nor topologySpreadConstraints that select its own pods spread them over nodes or zones";
        return Stream.of(Finding.of(INFO, replicas.origin(), "%s runs %d replicas%s but %s"
                .formatted(workload.description(), replicas.value(), scaled.via(), missing)));
    }

    private static boolean spreads(Workload workload) {
        if (workload.source() != SourceKind.KUBERNETES) return workload.scheduling().spreadsReplicas();
        return workload.scheduling().spreadTerms().stream()
                .anyMatch(term -> term.counts(workload.podLabels(), workload.namespace()));
    }

    private static boolean isSpreadable(Workload workload) {
        return switch (workload.source()) {
            case STACK -> SWARM_REPLICATED.equals(workload.scheduling().mode().orElse(SWARM_REPLICATED));
            case KUBERNETES -> SPREADABLE_KINDS.contains(workload.kind());
            default -> false;
        };
    }
}
