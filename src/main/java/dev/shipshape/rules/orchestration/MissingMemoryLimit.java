package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Resources;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;

/** Flags containers that may take all of the host's memory. */
public final class MissingMemoryLimit extends ResourceLimitRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-305", "missing-memory-limit")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Container has no memory limit")
            .rationale("""
                    A container without a memory limit can use all of the host's memory: one leak or load \
                    spike makes the kernel's OOM killer pick victims among every container on the host, \
                    the daemon or kubelet included. In Kubernetes a pod without limits is also the first \
                    to be evicted under memory pressure, and the scheduler cannot plan for it (unless a \
                    LimitRange in its namespace sets a default).""")
            .remediation("Set `deploy.resources.limits.memory` (or `mem_limit`) in Compose and Swarm stacks, "
                    + "or `resources.limits.memory` on each Kubernetes container, at what the process needs plus headroom.")
            .remediation(SourceKind.COMPOSE, "Set `deploy.resources.limits.memory` (or `mem_limit`) on the service, at what "
                    + "the process needs plus headroom.")
            .remediation(SourceKind.KUBERNETES, "Set `resources.limits.memory` on each container, at what the process needs "
                    + "plus headroom.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--memory 512m` (Engine API `HostConfig.Memory`), at "
                    + "what the process needs plus headroom.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.11"),
                    Reference.url("Kubernetes: resource management for pods and containers",
                            "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"))
            .build();

    public MissingMemoryLimit() {
        super(INFO, "memory limit", Resources::memoryLimit);
    }
}
