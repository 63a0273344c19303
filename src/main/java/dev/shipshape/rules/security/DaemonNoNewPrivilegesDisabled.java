package dev.shipshape.rules.security;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags a daemon that does not switch privilege escalation off for every container it starts. */
public final class DaemonNoNewPrivilegesDisabled implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-118", "daemon-no-new-privileges-disabled")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Docker daemon lets containers gain new privileges")
            .rationale("""
                    Without `no-new-privileges`, a process in a container can gain privileges through \
                    setuid and setgid binaries or file capabilities. Setting it daemon-wide protects \
                    every container, also the ones whose authors forgot `security_opt`.""")
            .remediation("Set `\"no-new-privileges\": true` in /etc/docker/daemon.json and restart dockerd.")
            .appliesTo(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("2.14"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        var noNewPrivileges = daemon.noNewPrivileges();
        if (noNewPrivileges.isTrue()) return Stream.empty();
        return noNewPrivileges.isSet()
                ? Stream.of(Finding.of(INFO, noNewPrivileges.origin(),
                        "the Docker daemon sets `no-new-privileges` to false: setuid binaries in containers can gain privileges"))
                : Stream.of(Finding.of(INFO, daemon.origin(),
                        "the Docker daemon does not set `no-new-privileges`: setuid binaries in containers can gain privileges"));
    }
}
