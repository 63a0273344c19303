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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags workloads that nothing brings back after a crash, a reboot or a node failure.
 *
 * <ul>
 *   <li>Compose, live Docker: the restart policy ({@code deploy.restart_policy.condition}, else
 *       {@code restart}) is unset, {@code no} or {@code none}.</li>
 *   <li>Swarm stack: only {@code deploy.restart_policy.condition: none}. Swarm ignores {@code restart}
 *       and its default condition is {@code any}, so an unset policy is fine there.</li>
 *   <li>Kubernetes: a bare Pod. Its {@code restartPolicy} restarts containers in place, but nothing
 *       recreates the Pod when its node fails, is drained, or evicts it.</li>
 * </ul>
 */
public final class MissingRestartPolicy implements WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-304", "missing-restart-policy")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Nothing restarts the workload when it stops")
            .rationale("""
                    A container without a restart policy stays down after a crash, an out-of-memory kill or \
                    a host reboot until someone notices and starts it by hand. A bare Kubernetes Pod is \
                    bound to its node: when the node fails or is drained the Pod is gone for good. CIS \
                    Docker 5.15 asks for `on-failure` with a retry limit, so that a container that cannot \
                    start does not restart forever.""")
            .remediation("Set `restart: unless-stopped` or `restart: on-failure:5` (Compose), or "
                    + "`deploy.restart_policy.condition: on-failure` or `any` (Compose, Swarm stack); in Kubernetes "
                    + "run the Pod from a Deployment, StatefulSet or Job instead of creating it bare.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.15"),
                    Reference.url("Docker: start containers automatically",
                            "https://docs.docker.com/engine/containers/start-containers-automatically/"),
                    Reference.url("Kubernetes: naked Pods vs ReplicaSets, Deployments and Jobs",
                            "https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs"))
            .build();

    /** {@code restart: "no"} (Compose, Docker), {@code condition: none} (deploy.restart_policy), and an empty live policy. */
    private static final Set<String> NO_RESTART = Set.of("no", "none", "");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        return switch (workload.source()) {
            case COMPOSE, LIVE_DOCKER -> docker(workload).stream();
            case STACK -> swarm(workload).stream();
            case KUBERNETES -> kubernetes(workload).stream();
            case DOCKERFILE, DAEMON_JSON -> Stream.empty();
        };
    }

    private static Optional<Finding> docker(Workload workload) {
        Setting<String> policy = workload.restartPolicy();
        if (!policy.isSet()) {
            return Optional.of(Finding.of(INFO, workload.origin(),
                    workload.description() + " sets no restart policy: it stays down after a crash or a reboot"));
        }
        return isNoRestart(policy)
                ? Optional.of(Finding.of(INFO, policy.origin(), "%s has restart policy '%s': it stays down after a crash or a reboot"
                        .formatted(workload.description(), policy.value())))
                : Optional.empty();
    }

    private static Optional<Finding> swarm(Workload workload) {
        Setting<String> policy = workload.restartPolicy();
        return policy.isSet() && normalized(policy).equals("none")
                ? Optional.of(Finding.of(INFO, policy.origin(),
                        workload.description() + " has restart condition 'none': Swarm does not replace its tasks when they stop"))
                : Optional.empty();
    }

    private static Optional<Finding> kubernetes(Workload workload) {
        return workload.kind().equals("Pod")
                ? Optional.of(Finding.of(INFO, workload.origin(), workload.description()
                        + " is a bare Pod: nothing recreates it when its node fails or it is evicted"))
                : Optional.empty();
    }

    private static boolean isNoRestart(Setting<String> policy) {
        return NO_RESTART.contains(normalized(policy));
    }

    private static String normalized(Setting<String> policy) {
        return policy.value().strip().toLowerCase(Locale.ROOT);
    }
}
