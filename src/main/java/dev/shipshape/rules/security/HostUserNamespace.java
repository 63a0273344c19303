package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags containers that keep the host's user namespace ({@code userns_mode: host}, {@code --userns host}).
 * The option exists for daemons that remap users, where it gives the container's root back the
 * host's root; a rule sees one container, not the daemon it will run on (a single request at the
 * gate, a Compose file alone), so it is reported at high wherever it is written. On a daemon that
 * does not remap it changes nothing, and {@link DaemonUsernsRemapDisabled} reports that daemon.
 * Kubernetes pods share the host's user namespace unless {@code hostUsers: false}; that is not
 * reported here, and {@code docker stack deploy} ignores {@code userns_mode}.
 */
public final class HostUserNamespace implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-125", "host-user-namespace")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container keeps the host's user namespace on a remapping daemon")
            .rationale("""
                    With `userns-remap`, root in a container is an unprivileged uid on the host; \
                    `userns_mode: host` opts one container out, so its root is the host's root again and \
                    every escape, writable host path or socket is a root escape. Written for a daemon that \
                    does not remap, it changes nothing and only waits for the day the daemon does.""")
            .remediation("Remove `userns_mode: host` (Compose) or `--userns host` (docker run), and `UsernsMode` from "
                    + "API requests; give the container the few host files it needs as volumes owned by its remapped uid.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.31"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (workload.source() == SourceKind.KUBERNETES || workload.source() == SourceKind.STACK) return Stream.empty();
        Setting<String> mode = container.usernsMode();
        if (!mode.isSet() || !mode.value().strip().equals("host")) return Stream.empty();
        return Stream.of(Finding.of(INFO, mode.origin(), container.description()
                + " keeps the host's user namespace (userns_mode: host): on a daemon that remaps users its root is the host's root again"));
    }
}
