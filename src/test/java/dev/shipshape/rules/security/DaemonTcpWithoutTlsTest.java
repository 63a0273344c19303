package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The host address forms dockerd accepts, beyond what the fixtures show. */
class DaemonTcpWithoutTlsTest {

    private static final Origin TOP = Origin.at("daemon.json", 1, 1);

    @Test
    void socketsThatAreNotTcpAreNeverFlagged() {
        assertThat(findings(null, null, "unix:///var/run/docker.sock", "fd://", "npipe:////./pipe/docker_engine", " ")).isEmpty();
    }

    @Test
    void anAddressWithoutASchemeIsTcp() {
        assertThat(findings(null, null, ":2375")).extracting(Finding::message)
                .containsExactly("the Docker daemon listens on :2375 without `tlsverify`: anyone who reaches that port is root on the host");
    }

    @Test
    void tlsverifySilencesEveryTcpHost() {
        assertThat(findings(null, true, "tcp://0.0.0.0:2376", "0.0.0.0:2377")).isEmpty();
    }

    @Test
    void tlsAloneIsCalledOutAsUnauthenticated() {
        assertThat(findings(true, false, "tcp://0.0.0.0:2376")).extracting(Finding::message).singleElement()
                .asString().endsWith("(`tls: true` encrypts the connection but does not authenticate clients)");
    }

    @Test
    void eachTcpHostIsReportedAtItsOwnEntry() {
        assertThat(findings(null, null, "tcp://10.0.0.5:2375", "unix:///run/docker.sock", "tcp://127.0.0.1:2375"))
                .extracting(finding -> finding.origin().line())
                .containsExactly(2, 4);
    }

    private static List<Finding> findings(Boolean tls, Boolean tlsVerify, String... hosts) {
        List<Setting<String>> hostSettings = Stream.iterate(0, index -> index + 1).limit(hosts.length)
                .map(index -> Setting.of(hosts[index], Origin.at("daemon.json", index + 2, 5)))
                .toList();
        DaemonConfig daemon = new DaemonConfig(TOP, hostSettings, new Setting<>(tls, TOP), new Setting<>(tlsVerify, TOP),
                Setting.unset(TOP), Setting.unset(TOP), Setting.unset(TOP), Setting.unset(TOP), List.of());
        return new DaemonTcpWithoutTls().check(daemon).toList();
    }
}
