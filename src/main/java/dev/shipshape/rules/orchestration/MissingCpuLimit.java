package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Resources;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;

/** Flags containers that may take all of the host's CPU time. */
public final class MissingCpuLimit extends ResourceLimitRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-306", "missing-cpu-limit")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.LOW)
            .title("Container has no CPU limit")
            .rationale("""
                    A container without a CPU limit can take every core of the host in a busy loop or a \
                    load spike, starving its neighbours (health checks time out, latency-sensitive services \
                    stall). A limit caps the damage one container does to the others on the same host.""")
            .remediation("Set `deploy.resources.limits.cpus` (or `cpus`) in Compose and Swarm stacks, "
                    + "or `resources.limits.cpu` on each Kubernetes container, with a matching `resources.requests.cpu` "
                    + "so that the scheduler reserves it.")
            .remediation(SourceKind.COMPOSE, "Set `deploy.resources.limits.cpus` (or `cpus`) on the service.")
            .remediation(SourceKind.KUBERNETES, "Set `resources.limits.cpu` on each container, with a matching "
                    + "`resources.requests.cpu` so that the scheduler reserves it.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--cpus 1.5` (Engine API `HostConfig.NanoCpus`).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.12"),
                    Reference.url("Kubernetes: resource management for pods and containers",
                            "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"))
            .build();

    public MissingCpuLimit() {
        super(INFO, "CPU limit", Resources::cpuLimit);
    }
}
