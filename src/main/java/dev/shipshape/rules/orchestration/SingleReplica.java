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
 * Flags stateless workloads that an orchestrator could run several copies of, but runs one: a
 * replicated Swarm stack service, or a Kubernetes Deployment, ReplicaSet or ReplicationController,
 * with {@code replicas} unset or 1. Workloads running a well-known stateful image
 * ({@link dev.shipshape.rules.storage.StatefulImage}) are left alone (more replicas of a database is not a setting but a
 * cluster), and so are plain Compose services: on one host more replicas add no availability.
 *
 * <p>A Kubernetes workload that a HorizontalPodAutoscaler or KEDA ScaledObject of the scanned set
 * scales counts with the autoscaler's minimum, and its {@code replicas} is then not expected: a
 * minimum of 1 is flagged at the autoscaler's {@code minReplicas} (or the autoscaler, when it keeps
 * the HPA default of 1). A ScaledObject's minimum of 0 is scaling to zero on purpose, and is left alone.
 */
public final class SingleReplica implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-308", "single-replica")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Stateless workload runs a single replica")
            .rationale("""
                    With one replica, every rollout, node drain, eviction or crash is an outage until the \
                    replacement is scheduled, pulled and ready. A stateless service costs little to run \
                    twice, and two replicas on different nodes survive the loss of one.""")
            .remediation("Set `deploy.replicas: 2` or more (Swarm stack) or `spec.replicas: 2` or more "
                    + "(Kubernetes), or let a HorizontalPodAutoscaler with `minReplicas: 2` (KEDA: `minReplicaCount: 2`) manage it.")
            .appliesTo(SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: running multiple instances of your app",
                            "https://kubernetes.io/docs/tutorials/kubernetes-basics/scale/scale-intro/"),
                    Reference.url("Docker: scale a service in the swarm",
                            "https://docs.docker.com/engine/swarm/swarm-tutorial/scale-service/"))
            .build();

    private static final Set<String> REPLICATED_KINDS = Set.of("Deployment", "ReplicaSet", "ReplicationController");
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
        if (!isReplicated(workload) || StatefulWorkload.runsStatefulImage(workload)) return Stream.empty();
        ScaledReplicas scaled = ScaledReplicas.of(workload, inventory);
        if (scaled.by().isPresent()) {
            Setting<Integer> minimum = scaled.count();
            return minimum.value() == 1
                    ? Stream.of(Finding.of(INFO, minimum.origin(), workload.description()
                            + " is scaled by " + scaled.by().get().description() + " down to a single replica: any restart, update or node loss at low load is an outage"))
                    : Stream.empty();
        }
        Setting<Integer> replicas = workload.replicas();
        if (!replicas.isSet()) {
            return Stream.of(Finding.of(INFO, replicas.origin(),
                    workload.description() + " states no replicas, so it runs one: any restart, update or node loss is an outage"));
        }
        return replicas.value() == 1
                ? Stream.of(Finding.of(INFO, replicas.origin(),
                        workload.description() + " runs a single replica: any restart, update or node loss is an outage"))
                : Stream.empty();
    }

    static boolean isReplicated(Workload workload) {
        return switch (workload.source()) {
            case STACK -> SWARM_REPLICATED.equals(workload.scheduling().mode().orElse(SWARM_REPLICATED));
            case KUBERNETES -> REPLICATED_KINDS.contains(workload.kind());
            default -> false;
        };
    }
}
