package dev.shipshape.load.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineAddressTest {

    @Test
    void optionsWinOverTheEnvironmentAndTheEnvironmentOverTheDefaults() throws Exception {
        Map<String, String> environment = Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/certs", "DOCKER_API_VERSION", "1.40");
        EngineAddress fromEnvironment = EngineAddress.resolve(null, null, null, null, environment);
        assertThat(fromEnvironment).isEqualTo(new EngineAddress(java.net.URI.create("tcp://10.0.0.5:2376"), true, Path.of("/certs"), "1.40"));
        assertThat(fromEnvironment.isPlainTcp()).isFalse();

        EngineAddress fromOptions = EngineAddress.resolve("unix:///run/docker.sock", false, Path.of("/other"), "1.41", environment);
        assertThat(fromOptions.socketPath()).contains(Path.of("/run/docker.sock"));
        assertThat(fromOptions.tlsVerify()).isFalse();
        assertThat(fromOptions.apiVersion()).isEqualTo("1.41");

        EngineAddress defaults = EngineAddress.resolve(null, null, null, null, Map.of());
        assertThat(defaults.toString()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(defaults.tlsVerify()).isFalse();
        assertThat(defaults.apiVersion()).isNull();
        assertThat(EngineAddress.resolve("tcp://10.0.0.5:2375", null, null, null, Map.of()).isPlainTcp()).isTrue();
    }

    @Test
    void badHostsAndVersionsAreOneClearLine() {
        assertThatThrownBy(() -> EngineAddress.resolve("ssh://admin@box", null, null, null, Map.of()))
                .isInstanceOf(EngineUnavailable.class).hasMessageStartingWith("ssh:// hosts are not supported yet");
        assertThatThrownBy(() -> EngineAddress.resolve("tcp://10.0.0.5", null, null, null, Map.of()))
                .hasMessage("'tcp://10.0.0.5' needs a host and a port, e.g. tcp://10.0.0.5:2376");
        assertThatThrownBy(() -> EngineAddress.resolve(null, null, null, "latest", Map.of()))
                .hasMessage("'latest' is not a Docker API version (they look like 1.41)");
    }

    @Test
    void apiVersionsCompareAsNumbers() {
        assertThat(EngineApi.compare("1.9", "1.41")).isNegative();
        assertThat(EngineApi.compare("1.41", "1.41")).isZero();
        assertThat(EngineApi.compare("2.0", "1.99")).isPositive();
    }
}
