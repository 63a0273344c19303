package dev.shipshape.rules.orchestration;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonSwitchRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;

/** Flags a daemon whose restart stops every container on the host. */
public final class DaemonLiveRestoreDisabled extends DaemonSwitchRule {

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

    public DaemonLiveRestoreDisabled() {
        super(INFO, "live-restore", true, DaemonConfig::liveRestore, "restarting or upgrading dockerd stops every container");
    }
}
