package dev.shipshape.rules.security;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.DaemonSocket;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Flags a Docker socket that more users may write to than root and the docker group. */
public final class DaemonSocketTooOpen implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-120", "daemon-socket-too-open")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Docker socket is writable by more than root and the docker group")
            .rationale("""
                    Whoever can write to the daemon's socket can start a privileged container with \
                    the host's root file system mounted: write access is root on the host. A \
                    world-writable socket gives that to every local user and every process that \
                    runs as one; a socket owned by another group gives it to that group's members.""")
            .remediation("Give the socket back to `root:docker` with mode 0660 (`chown root:docker /var/run/docker.sock; "
                    + "chmod 660 /var/run/docker.sock`), and remove whatever set it otherwise: `SocketMode=`/`SocketGroup=` "
                    + "in docker.socket, or dockerd's `--group`/`\"group\"` in daemon.json.")
            .appliesTo(SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("3.15"), Reference.cisDocker("3.16"))
            .build();

    private static final Set<String> TRUSTED_GROUPS = Set.of("root", "docker");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        return daemon.socket().flatMap(DaemonSocketTooOpen::problem).stream();
    }

    private static java.util.Optional<Finding> problem(DaemonSocket socket) {
        List<String> problems = new ArrayList<>();
        if (socket.isWorldWritable()) problems.add("is writable by every user (mode " + socket.modeText() + ")");
        if (!TRUSTED_GROUPS.contains(socket.group()) && socket.isGroupWritable()) {
            problems.add("belongs to group '" + socket.group() + "', whose members can write to it");
        }
        if (problems.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(Finding.of(INFO, socket.origin(), "the Docker socket " + socket.path() + " "
                + String.join(" and ", problems) + ": write access to it is root on the host"));
    }
}
