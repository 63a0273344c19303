package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a container that its restart policy keeps restarting: it crashes again and again. */
public final class ContainerRestarting implements ContainerRule {

    /** More restarts than this is a loop, not a hiccup (CIS caps on-failure retries at 5). */
    static final int MAX_RESTARTS = 3;

    static final RuleInfo INFO = RuleInfo.builder("SS-314", "container-restarting")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.HIGH)
            .title("Container is in a restart loop")
            .rationale("""
                    A container that the engine has restarted again and again crashes on start: it \
                    is down most of the time, each start may repeat a failing migration or a \
                    half-written file, and the loop hides the crash from anyone who only checks that \
                    it is "up".""")
            .remediation("Read its last logs (`docker logs --tail 50 <container>`) and fix the crash; cap the loop "
                    + "with `--restart on-failure:5` (Compose `restart: on-failure:5`) so a broken release stops instead "
                    + "of spinning.")
            .remediation(SourceKind.KUBERNETES, "Read the crashed run's logs (`kubectl logs --previous <pod> -c <container>`) and the pod's events "
                    + "(`kubectl describe pod <pod>`) and fix the crash; until then the kubelet restarts it with a growing back-off (CrashLoopBackOff).")
            // a manifest holds no status: on Kubernetes these findings come from the pods `audit kubernetes` reads
            .appliesTo(SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.15"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.runtime()
                .filter(runtime -> runtime.restartCount() > MAX_RESTARTS)
                .map(runtime -> Finding.of(INFO, runtime.origin(), "%s has been restarted %d times%s"
                        .formatted(container.description(), runtime.restartCount(),
                                runtime.isRestarting() ? " and is restarting again" : "")))
                .stream();
    }
}
