package dev.shipshape.rules.security;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonSwitchRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;

/** Flags a daemon that does not switch privilege escalation off for every container it starts. */
public final class DaemonNoNewPrivilegesDisabled extends DaemonSwitchRule {

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

    public DaemonNoNewPrivilegesDisabled() {
        super(INFO, "no-new-privileges", true, DaemonConfig::noNewPrivileges, "setuid binaries in containers can gain privileges");
    }
}
