package dev.shipshape.rules.security;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.GroupMembers;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Lists the users who may use the Docker daemon through its socket's group: each of them is root on the host. */
public final class DockerGroupMembers implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-121", "docker-group-members")
            .pillar(Pillar.SECURITY)
            .severity(Severity.INFO)
            .title("Users in the docker group are root on the host")
            .rationale("""
                    Members of the group that owns the Docker socket can run any container, \
                    including a privileged one with the host's root mounted, without a password \
                    and without sudo's log: each of them is root on the host. The list should be \
                    short, known and reviewed.""")
            .remediation("Review the members (`getent group docker`) and remove those who do not need the daemon "
                    + "(`gpasswd -d <user> docker`); give the others sudo with logging, or rootless Docker.")
            .appliesTo(SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("1.1.2"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        return daemon.socketGroup()
                .filter(group -> !group.members().isEmpty())
                .map(DockerGroupMembers::finding)
                .stream();
    }

    private static Finding finding(GroupMembers group) {
        int count = group.members().size();
        return Finding.of(INFO, group.origin(), "%s in group '%s' can use the Docker daemon, and so %s root on the host: %s"
                .formatted(count == 1 ? "1 user" : count + " users", group.group(), count == 1 ? "is" : "each is",
                        String.join(", ", group.members())));
    }
}
