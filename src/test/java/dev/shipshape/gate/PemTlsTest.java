package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from the PEM files Kubernetes keeps certificates in, in each key encoding cert-manager and openssl write. */
class PemTlsTest {

    @TempDir
    Path folder;

    /** Serves /healthz over HTTPS with this context and asks it, trusting only the certificate. */
    private static String handshake(SSLContext server, SelfSignedCertificate certificate) throws Exception {
        Gate gate = new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()),
                DecisionLog.to(new ByteArrayOutputStream(), Clock.systemUTC()));
        try (GateServer https = GateServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.of(server),
                EnumSet.of(GateServer.Door.KUBERNETES), gate, 2);
                HttpClient client = HttpClient.newBuilder().sslContext(certificate.clientContext()).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + https.address().getPort() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    @Test
    void servesWithPkcs8RsaAndEcKeys() throws Exception {
        for (String algorithm : SelfSignedCertificate.algorithms()) {
            SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, algorithm);

            assertThat(handshake(PemTls.context(certificate.certificate(), certificate.key()), certificate)).isEqualTo("200 {}");
        }
    }

    @Test
    void servesWithAPkcs1RsaKey() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "RSA");
        Path pkcs1 = folder.resolve("rsa.key");
        Files.writeString(pkcs1, SelfSignedCertificate.pem("RSA PRIVATE KEY", certificate.innerKey()), StandardCharsets.US_ASCII);

        assertThat(handshake(PemTls.context(certificate.certificate(), pkcs1), certificate)).isEqualTo("200 {}");
    }

    @Test
    void servesWithASec1EcKeyThatNamesItsCurve() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "EC");
        Path sec1 = folder.resolve("ec.key");
        Files.writeString(sec1, SelfSignedCertificate.pem("EC PRIVATE KEY", withCurve(certificate.innerKey())), StandardCharsets.US_ASCII);

        assertThat(handshake(PemTls.context(certificate.certificate(), sec1), certificate)).isEqualTo("200 {}");
    }

    /** openssl's SEC1 form: the key with {@code [0] parameters} naming the curve (P-256) after the private key. */
    private static byte[] withCurve(byte[] sec1) {
        byte[] curve = {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
        int position = SelfSignedCertificate.contentStart(sec1, 0);
        int end = position + SelfSignedCertificate.length(sec1, 0);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (position < end) {
            int next = SelfSignedCertificate.contentStart(sec1, position) + SelfSignedCertificate.length(sec1, position);
            content.write(sec1, position, next - position);
            if (sec1[position] == 0x04) content.writeBytes(curve);
            position = next;
        }
        byte[] inner = content.toByteArray();
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.write(inner.length);
        sequence.writeBytes(inner);
        return sequence.toByteArray();
    }

    @Test
    void saysWhyAFileCannotBeUsed() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "RSA");
        Path empty = Files.writeString(folder.resolve("empty.key"), "nothing here\n");
        Path encrypted = Files.writeString(folder.resolve("encrypted.key"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemTls.context(certificate.certificate(), empty)).isInstanceOf(PemTls.Unusable.class)
                .hasMessage(empty + " holds no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        assertThatThrownBy(() -> PemTls.context(certificate.certificate(), encrypted)).isInstanceOf(PemTls.Unusable.class)
                .hasMessage(encrypted + " holds an encrypted key: decrypt it first (openssl pkcs8 -in encrypted.key -out key.pem)");
        assertThatThrownBy(() -> PemTls.context(certificate.key(), certificate.key())).isInstanceOf(PemTls.Unusable.class)
                .hasMessageStartingWith(certificate.key() + " holds no");
        assertThatThrownBy(() -> PemTls.context(folder.resolve("missing.crt"), certificate.key())).isInstanceOf(PemTls.Unusable.class)
                .hasMessageStartingWith("cannot read " + folder.resolve("missing.crt"));
    }
}
