package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags workloads that run several replicas but say nothing about spreading them: a Deployment,
 * StatefulSet or ReplicaSet with {@code replicas} above 1 and neither pod anti-affinity nor
 * topologySpreadConstraints, or a replicated Swarm stack service with {@code replicas} above 1 and
 * no {@code placement.preferences} spread.
 */
public final class MissingSpread implements WorkloadRule {

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
    public Stream<Finding> check(Workload workload) {
        Setting<Integer> replicas = workload.replicas();
        if (!isSpreadable(workload) || !replicas.isSet() || replicas.value() <= 1 || workload.scheduling().spreadsReplicas()) {
            return Stream.empty();
        }
        String missing = workload.source() == SourceKind.STACK
                ? "no placement preference spreads them over zones or racks (Swarm only balances task counts per node)"
                : "neither a podAntiAffinity nor topologySpreadConstraints spread them over nodes or zones";
        return Stream.of(Finding.of(INFO, replicas.origin(), "%s runs %d replicas but %s"
                .formatted(workload.description(), replicas.value(), missing)));
    }

    private static boolean isSpreadable(Workload workload) {
        return switch (workload.source()) {
            case STACK -> SWARM_REPLICATED.equals(workload.scheduling().mode().orElse(SWARM_REPLICATED));
            case KUBERNETES -> SPREADABLE_KINDS.contains(workload.kind());
            default -> false;
        };
    }
}
