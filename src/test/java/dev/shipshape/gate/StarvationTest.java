package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.SlowClient.Kind;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, "servers that cannot be starved": while {@value #ATTACKERS} clients hold connections
 * without finishing a request or a TLS handshake, a real request still gets its answer within
 * {@link #BOUND}, on each listener (the plugin over plain HTTP and over its unix socket, the webhook
 * over HTTPS). The attackers come from 127.0.0.2, the real client from 127.0.0.1, as an attacker and
 * dockerd or the API server would be different clients. The servers run with the default limits.
 */
class StarvationTest {

    private static final int ATTACKERS = 16;
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final String ALLOWED = "{\"Allow\":true,\"Msg\":\"\"}";
    private static final String ATTACKER_ADDRESS = "127.0.0.2";

    @TempDir
    static Path folder;

    private static GateServer plugin;
    private static GateServer webhook;
    private static UnixSocketRelay relay;
    private static DecisionLog log;
    private static SSLContext clientTls;
    private static HttpClient http;
    private static HttpClient https;

    private final List<SlowClient> attackers = new ArrayList<>();

    @BeforeAll
    static void serve() throws Exception {
        log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), Clock.systemUTC());
        Gate gate = new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log);
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "EC");
        plugin = GateServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), EnumSet.of(GateServer.Door.DOCKER_PLUGIN), gate, 4);
        webhook = GateServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.of(PemTls.context(certificate.certificate(), certificate.key())),
                EnumSet.of(GateServer.Door.KUBERNETES), gate, 4);
        relay = UnixSocketRelay.start(folder.resolve("plugins/shipshape.sock"), plugin.address());
        clientTls = certificate.clientContext();
        http = HttpClient.newBuilder().connectTimeout(BOUND).build();
        https = HttpClient.newBuilder().connectTimeout(BOUND).sslContext(clientTls).build();
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        https.close();
        relay.close();
        plugin.close();
        webhook.close();
        log.close();
    }

    @AfterEach
    void hangUp() {
        SlowClient.closeAll(attackers);
    }

    @ParameterizedTest
    @EnumSource(names = {"NOTHING", "HALF_REQUEST_LINE", "ENDLESS_HEADERS", "SLOW_BODY"})
    void thePluginAnswersWhileSlowClientsHoldItsConnections(Kind kind) throws Exception {
        for (int index = 0; index < ATTACKERS; index++) attackers.add(SlowClient.tcp(ATTACKER_ADDRESS, plugin.address(), kind));
        Thread.sleep(300);

        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plugin.address().getPort()
                        + "/AuthZPlugin.AuthZReq")).timeout(BOUND.multipliedBy(2))
                .POST(HttpRequest.BodyPublishers.ofString(createHardened())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).isEqualTo(ALLOWED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }

    @ParameterizedTest
    @EnumSource(names = {"NOTHING", "HALF_REQUEST_LINE", "ENDLESS_HEADERS", "SLOW_BODY"})
    void thePluginAnswersOnItsUnixSocketWhileSlowClientsHoldConnectionsThere(Kind kind) throws Exception {
        for (int index = 0; index < ATTACKERS; index++) attackers.add(SlowClient.unix(relay.socket(), kind));
        Thread.sleep(300);

        long started = System.nanoTime();
        String body = createHardened();
        String answer;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(relay.socket()));
            channel.write(ByteBuffer.wrap(("POST /AuthZPlugin.AuthZReq HTTP/1.1\r\nHost: plugin.moby.localhost\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII)));
            answer = within(BOUND.multipliedBy(2), () -> SlowClient.readAll(channel));
        }

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n" + ALLOWED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }

    @ParameterizedTest
    @EnumSource(names = {"NOTHING", "TLS_RECORD_START"})
    void theWebhookAnswersWhileClientsHoldUnfinishedHandshakes(Kind kind) throws Exception {
        for (int index = 0; index < ATTACKERS; index++) attackers.add(SlowClient.tcp(ATTACKER_ADDRESS, webhook.address(), kind));
        Thread.sleep(300);

        assertValidateAnswers();
    }

    @ParameterizedTest
    @EnumSource(names = {"HALF_REQUEST_LINE", "ENDLESS_HEADERS", "SLOW_BODY"})
    void theWebhookAnswersWhileClientsStallInsideTheirTlsSession(Kind kind) throws Exception {
        for (int index = 0; index < ATTACKERS; index++) {
            attackers.add(SlowClient.tls(ATTACKER_ADDRESS, webhook.address(), clientTls, kind));
        }
        Thread.sleep(300);

        assertValidateAnswers();
    }

    private void assertValidateAnswers() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + webhook.address().getPort()
                        + "/validate")).timeout(BOUND.multipliedBy(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(AdmissionWebhookTest.fixture("deployment-create.json"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RunningGate.json(answer.body()).path("response").path("allowed").asBoolean(false)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }

    /** The callable's result, or a failure when it takes longer than {@code limit}. */
    static <T> T within(Duration limit, java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread thread = Thread.ofVirtual().start(task);
        try {
            return task.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } finally {
            thread.interrupt();
        }
    }

    static String createHardened() {
        return RunningGate.authzRequest("", "POST", "/v1.41/containers/create", JudgeTest.HARDENED);
    }
}
