package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.SlowClient.Kind;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each phase of a connection has its deadline ({@link ConnectionLimits}), met by the server closing
 * the connection, neither before the deadline nor long after it; kept-alive connections of real
 * clients survive their idle wait; a client over its cap is refused with one warning line.
 */
class ConnectionLimitsTest {

    /** Short deadlines, so that the test waits seconds: handshake 1 s, headers 1 s, body 2 s, idle 2 s. */
    private static final ConnectionLimits SHORT = new ConnectionLimits(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(2), 0);
    /** How late after its deadline a close may come on a busy machine (the scheduler, the test's own read). */
    private static final Duration SLACK = Duration.ofMillis(1500);

    @TempDir
    Path folder;

    private DecisionLog log;
    private Gate gate;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<SlowClient> clients = new ArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeEach
    void gate() throws Exception {
        log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), Clock.systemUTC());
        gate = new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log);
    }

    @AfterEach
    void stop() throws Exception {
        SlowClient.closeAll(clients);
        for (AutoCloseable closeable : running.reversed()) closeable.close();
        log.close();
    }

    private GateServer serve(Optional<SSLContext> tls, ConnectionLimits limits) throws Exception {
        GateServer server = GateServer.start(new InetSocketAddress("127.0.0.1", 0), tls,
                EnumSet.of(GateServer.Door.DOCKER_PLUGIN, GateServer.Door.KUBERNETES), gate, 4, limits, warnings::add);
        running.add(server);
        return server;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NOTHING,           1000",
        "HALF_REQUEST_LINE, 1000",
        "ENDLESS_HEADERS,   1000",
        "SLOW_BODY,         2000",
    })
    void aSlowPlainClientIsClosedAtItsPhasesDeadline(Kind kind, long deadlineMillis) throws Exception {
        GateServer server = serve(Optional.empty(), SHORT);
        SlowClient client = SlowClient.tcp("127.0.0.2", server.address(), kind);
        clients.add(client);
        long started = System.nanoTime();

        Duration closedAfter = client.closedWithin(Duration.ofMillis(deadlineMillis).plus(SLACK));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(closedAfter).as("%s still open after %d ms", kind, waited).isNotNull();
        assertThat(waited).as("closed too early").isGreaterThanOrEqualTo(deadlineMillis - 100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NOTHING", "TLS_RECORD_START"})
    void anUnfinishedHandshakeIsClosedAtTheHandshakeDeadline(Kind kind) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "EC");
        GateServer server = serve(Optional.of(PemTls.context(certificate.certificate(), certificate.key())),
                new ConnectionLimits(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 0));
        SlowClient client = SlowClient.tcp("127.0.0.2", server.address(), kind);
        clients.add(client);
        long started = System.nanoTime();

        Duration closedAfter = client.closedWithin(Duration.ofSeconds(1).plus(SLACK));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(closedAfter).as("still open after %d ms", waited).isNotNull();
        assertThat(waited).isGreaterThanOrEqualTo(900);
        assertThat(metrics(server, certificate.clientContext()))
                .contains("shipshape_connections_timed_out_total{listener=\"gate\",phase=\"handshake\"} 1\n");
    }

    @Test
    void afterTheHandshakeTheHeadersHaveTheirOwnDeadline() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "EC");
        GateServer server = serve(Optional.of(PemTls.context(certificate.certificate(), certificate.key())),
                new ConnectionLimits(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), 0));
        SlowClient client = SlowClient.tls("127.0.0.2", server.address(), certificate.clientContext(), Kind.ENDLESS_HEADERS);
        clients.add(client);

        assertThat(client.closedWithin(Duration.ofSeconds(1).plus(SLACK))).isNotNull();
        assertThat(metrics(server, certificate.clientContext()))
                .contains("shipshape_connections_timed_out_total{listener=\"gate\",phase=\"headers\"} 1\n");
    }

    @Test
    void aKeptAliveConnectionServesAgainAfterWaitingLessThanItsIdleTime() throws Exception {
        GateServer server = serve(Optional.empty(), SHORT);
        try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
            socket.setSoTimeout(10_000);
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 OK\r\n");
            Thread.sleep(1500); // longer than the headers' deadline, shorter than the idle time

            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 OK\r\n");
            long idleFrom = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            long idleMillis = Duration.ofNanos(System.nanoTime() - idleFrom).toMillis();

            // idle 2 s, then 1 s for the next request's headers
            assertThat(idleMillis).isBetween(2900L, 3000L + SLACK.toMillis());
        }
        assertThat(metrics(server, null)).contains("shipshape_connections_timed_out_total{listener=\"gate\",phase=\"idle\"} 1\n");
    }

    @Test
    void theUnixSocketRelayClosesTheClientWhenTheListenerBehindItDoes() throws Exception {
        GateServer server = serve(Optional.empty(), SHORT.uncapped());
        UnixSocketRelay relay = UnixSocketRelay.start(folder.resolve("plugins/shipshape.sock"), server.address());
        running.add(relay);
        SlowClient client = SlowClient.unix(relay.socket(), Kind.HALF_REQUEST_LINE);
        clients.add(client);

        Duration closedAfter = StarvationTest.within(Duration.ofSeconds(1).plus(SLACK).plusSeconds(1),
                () -> client.closedWithin(Duration.ofSeconds(10)));

        assertThat(closedAfter).isNotNull().isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void onlyTheUnixSocketsOwnerMayConnect() throws Exception {
        GateServer server = serve(Optional.empty(), SHORT.uncapped());
        UnixSocketRelay relay = UnixSocketRelay.start(folder.resolve("plugins/owner.sock"), server.address());
        running.add(relay);

        assertThat(java.nio.file.Files.getPosixFilePermissions(relay.socket())).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aClientOverItsCapIsRefusedAndOthersAreServed() throws Exception {
        GateServer server = serve(Optional.empty(), new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 3));
        for (int index = 0; index < 3; index++) clients.add(SlowClient.tcp("127.0.0.3", server.address(), Kind.NOTHING));
        Thread.sleep(200); // the first three are the ones held
        SlowClient fourth = SlowClient.tcp("127.0.0.3", server.address(), Kind.NOTHING);
        clients.add(fourth);
        SlowClient fifth = SlowClient.tcp("127.0.0.3", server.address(), Kind.NOTHING);
        clients.add(fifth);

        assertThat(fourth.closedWithin(Duration.ofSeconds(2))).isNotNull();
        assertThat(fifth.closedWithin(Duration.ofSeconds(2))).isNotNull();
        assertThat(clients.getFirst().closedWithin(Duration.ofMillis(300))).as("the first three stay").isNull();
        assertThat(metrics(server, null)).contains("shipshape_connections_refused_total{listener=\"gate\"} 2\n");
        // one line for the first refusal, none for the next within the minute
        assertThat(warnings).containsExactly("shipshape serve: warning: refused 1 connection from 127.0.0.3 on the gate listener: "
                + "it already holds 3, the cap per client (--max-connections-per-client)");
    }

    @Test
    void aClosedConnectionGivesItsPlaceBack() throws Exception {
        GateServer server = serve(Optional.empty(), new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10), 1));
        try (SlowClient first = SlowClient.tcp("127.0.0.4", server.address(), Kind.NOTHING)) {
            assertThat(first.closedWithin(Duration.ofMillis(300))).isNull();
        }
        Thread.sleep(200);
        SlowClient second = SlowClient.tcp("127.0.0.4", server.address(), Kind.NOTHING);
        clients.add(second);

        assertThat(second.closedWithin(Duration.ofMillis(500))).isNull();
        assertThat(warnings).isEmpty();
    }

    /** One keep-alive request for /healthz on an open socket; the answer's head and body. */
    private static String exchange(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write("GET /healthz HTTP/1.1\r\nHost: gate\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        while (!answer.toString().endsWith("\r\n\r\n{}")) {
            int next = in.read();
            if (next < 0) break;
            answer.append((char) next);
        }
        return answer.toString();
    }

    private static String metrics(GateServer server, SSLContext tls) throws Exception {
        return get(server, tls == null ? "http" : "https", tls, "/metrics");
    }

    /** The body of a GET, or "" when the server gives no HTTP answer. */
    private static String get(GateServer server, String scheme, SSLContext tls, String path) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) builder.sslContext(tls);
        try (HttpClient client = builder.build()) {
            return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + server.address().getPort() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException noHttpAnswer) {
            return "";
        }
    }
}
