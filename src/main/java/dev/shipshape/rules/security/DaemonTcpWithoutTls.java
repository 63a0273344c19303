package dev.shipshape.rules.security;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.DaemonRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags each TCP socket of a daemon that does not verify client certificates. dockerd reads a
 * {@code hosts} entry without a scheme ({@code "0.0.0.0:2375"}) as TCP too.
 */
public final class DaemonTcpWithoutTls implements DaemonRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-116", "daemon-tcp-without-tls")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Docker daemon listens on TCP without TLS client verification")
            .rationale("""
                    The Engine API has no authentication of its own: a client that reaches a TCP \
                    socket without `tlsverify` can start a privileged container with the host's root \
                    mounted, so anyone who reaches that port is root on the host. `tls` alone encrypts \
                    the connection but still accepts every client.""")
            .remediation("Set `\"tlsverify\": true` with `tlscacert`, `tlscert` and `tlskey` in "
                    + "/etc/docker/daemon.json and restart dockerd, or remove the `tcp://` entry from `hosts` "
                    + "and reach the daemon over its unix socket or SSH (`DOCKER_HOST=ssh://user@host`).")
            .appliesTo(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("2.7"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(DaemonConfig daemon) {
        if (daemon.tlsVerify().isTrue()) return Stream.empty();
        boolean encryptedOnly = daemon.tls().isTrue();
        return daemon.hosts().stream()
                .filter(host -> isTcp(host.value()))
                .map(host -> Finding.of(INFO, host.origin(), message(host, encryptedOnly)));
    }

    private static boolean isTcp(String host) {
        if (host == null || host.isBlank()) return false;
        String trimmed = host.strip();
        return trimmed.startsWith("tcp://") || !trimmed.contains("://");
    }

    private static String message(Setting<String> host, boolean encryptedOnly) {
        String message = "the Docker daemon listens on " + host.value().strip()
                + " without `tlsverify`: anyone who reaches that port is root on the host";
        return encryptedOnly
                ? message + " (`tls: true` encrypts the connection but does not authenticate clients)"
                : message;
    }
}
