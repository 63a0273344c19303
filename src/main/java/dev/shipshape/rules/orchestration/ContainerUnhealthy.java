package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.RuntimeState;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a running container whose own health check says it is unhealthy. */
public final class ContainerUnhealthy implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-313", "container-unhealthy")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.HIGH)
            .title("Running container reports itself unhealthy")
            .rationale("""
                    The container's health check fails: it runs, but does not do its job. Plain \
                    Docker does not restart an unhealthy container, so it stays broken until someone \
                    notices; load balancers and depends_on conditions that trust the check route around it.""")
            .remediation("Read why the check fails (`docker inspect --format '{{json .State.Health}}' <container>`), "
                    + "fix the service or its check, and let an orchestrator (Swarm, Kubernetes) replace unhealthy replicas.")
            .remediation(SourceKind.KUBERNETES, "Read why the readiness probe fails (the events of `kubectl describe pod <pod>`) and fix the "
                    + "service or its probe; a pod that is not ready gets no traffic from its Services.")
            // a manifest holds no status: on Kubernetes these findings come from the pods `audit kubernetes` reads
            .appliesTo(SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.27"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.runtime()
                .filter(RuntimeState::isRunning)
                .filter(RuntimeState::isUnhealthy)
                .map(runtime -> Finding.of(INFO, runtime.origin(), runtime.failingStreak() == 0
                        // a Kubernetes pod's status says only that the container is not ready, not how often its probe failed
                        ? "%s is running but not ready: its readiness probe fails".formatted(container.description())
                        : "%s is unhealthy: its health check failed %d time%s in a row"
                                .formatted(container.description(), runtime.failingStreak(), runtime.failingStreak() == 1 ? "" : "s")))
                .stream();
    }
}
