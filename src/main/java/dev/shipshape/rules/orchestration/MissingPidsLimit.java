package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Resources;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;

/**
 * Flags Docker containers that may create processes without bound. Not for Kubernetes, where the
 * PIDs limit is set per pod by the kubelet ({@code podPidsLimit}), not in the manifest.
 */
public final class MissingPidsLimit extends ResourceLimitRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-307", "missing-pids-limit")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.LOW)
            .title("Container has no PIDs limit")
            .rationale("""
                    A container without a PIDs limit can fork until the host's process table is full: a \
                    fork bomb, or a runaway worker pool, then stops every other container and the host's \
                    own services from starting a process. A Windows container (by its image or its \
                    placement on Windows nodes) is not judged: the engine refuses a PIDs limit there.""")
            .remediation("Set `deploy.resources.limits.pids` (or `pids_limit`) in Compose and Swarm stacks, "
                    + "or `--pids-limit` on `docker run`, at a few times the processes the service needs.")
            .remediation(SourceKind.COMPOSE, "Set `deploy.resources.limits.pids` (or `pids_limit`) on the service, at a few "
                    + "times the processes it needs.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--pids-limit 200` (Engine API "
                    + "`HostConfig.PidsLimit`), at a few times the processes it needs.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.29"),
                    Reference.url("Docker: docker run --pids-limit",
                            "https://docs.docker.com/reference/cli/docker/container/run/"))
            .build();

    public MissingPidsLimit() {
        super(INFO, "PIDs limit", Resources::pidsLimit, true);
    }
}
