package dev.shipshape.rules.orchestration;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a daemon whose restart stops every container on the host. */
public final class DaemonLiveRestoreDisabled implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-301", "daemon-live-restore-disabled")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.LOW)
            .title("Docker daemon stops every container when it restarts")
            .rationale("""
                    Without `live-restore`, a restart or upgrade of dockerd stops every container on \
                    the host, so routine daemon maintenance is an outage. Live restore cannot be \
                    combined with Swarm mode (the daemon refuses to start): a Swarm node relies on \
                    rescheduling tasks on other nodes instead.""")
            .remediation("Set `\"live-restore\": true` in /etc/docker/daemon.json and reload dockerd "
                    + "(`systemctl reload docker`) on every host that is not a Swarm node.")
            .appliesTo(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("2.15"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        var liveRestore = daemon.liveRestore();
        if (liveRestore.isTrue()) return Stream.empty();
        return liveRestore.isSet()
                ? Stream.of(Finding.of(INFO, liveRestore.origin(),
                        "the Docker daemon sets `live-restore` to false: restarting or upgrading dockerd stops every container"))
                : Stream.of(Finding.of(INFO, daemon.origin(),
                        "the Docker daemon does not set `live-restore`: restarting or upgrading dockerd stops every container"));
    }
}
