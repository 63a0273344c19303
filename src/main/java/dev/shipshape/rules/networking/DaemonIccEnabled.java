package dev.shipshape.rules.networking;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a daemon that lets every container on the default bridge reach every other one. */
public final class DaemonIccEnabled implements DaemonRule {

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

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        var icc = daemon.icc();
        if (icc.isFalse()) return Stream.empty();
        return icc.isSet()
                ? Stream.of(Finding.of(INFO, icc.origin(),
                        "the Docker daemon sets `icc` to true: containers on the default bridge can reach each other"))
                : Stream.of(Finding.of(INFO, daemon.origin(),
                        "the Docker daemon does not set `icc` to false: containers on the default bridge can reach each other"));
    }
}
