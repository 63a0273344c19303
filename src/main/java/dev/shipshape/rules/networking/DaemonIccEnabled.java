package dev.shipshape.rules.networking;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonSwitchRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;

/** Flags a daemon that lets every container on the default bridge reach every other one. */
public final class DaemonIccEnabled extends DaemonSwitchRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-401", "daemon-icc-enabled")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Docker daemon allows traffic between containers on the default bridge")
            .rationale("""
                    With inter-container communication on (the default), every container on the \
                    default bridge reaches every port of every other one: one compromised container \
                    can probe and attack all the others on the host.""")
            .remediation("Set `\"icc\": false` in /etc/docker/daemon.json and restart dockerd; put containers "
                    + "that must talk to each other on a user-defined network.")
            .appliesTo(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("2.2"))
            .build();

    public DaemonIccEnabled() {
        super(INFO, "icc", false, DaemonConfig::icc, "containers on the default bridge can reach each other");
    }
}
