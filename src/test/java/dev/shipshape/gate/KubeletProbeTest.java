package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook answers whatever Host its HTTPS callers name: kubelet's probes and Prometheus call
 * the pod's IP, which the certificate (made for the Service's name) does not list.
 */
class KubeletProbeTest {

    @TempDir
    static Path folder;

    static GateServer webhook;
    static SSLContext client;
    static DecisionLog log;

    @BeforeAll
    static void serve() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "EC");
        log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), java.time.Clock.systemUTC());
        Gate gate = new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, java.time.Clock.systemUTC()), log);
        webhook = GateServer.start(new java.net.InetSocketAddress("127.0.0.1", 0),
                Optional.of(PemTls.context(certificate.certificate(), certificate.key())), EnumSet.of(GateServer.Door.KUBERNETES), gate, 4);
        client = certificate.clientContext();
    }

    @AfterAll
    static void stop() throws Exception {
        webhook.close();
        log.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.244.1.7:8443", "shipshape.shipshape-system.svc:443", "elsewhere.example"})
    void readinessAnswersWhateverHostTheCallerNames(String host) throws Exception {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", webhook.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /readyz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n{}");
        }
    }
}
