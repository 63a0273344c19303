package dev.shipshape.gate.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.DecisionLog;
import dev.shipshape.gate.Gate;
import dev.shipshape.gate.Judge;
import dev.shipshape.load.docker.PrivateDockerEngine;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request framings where what dockerd hands its authorization plugin could differ from what it then
 * decodes: chunked bodies (with and without trailers), a body over the 1 MiB that dockerd shows a
 * plugin, Content-Type values dockerd's {@code sendBody} does not take for JSON, two Content-Type
 * headers, and a Content-Length of 0 followed by a body. Each is a privileged container create sent
 * byte for byte to a real dockerd 20.10 with the plugin enforcing the default policy. dockerd shows the
 * plugin the body of a chunked request (trailers or not) and of any {@code application/json} type its
 * first Content-Type header names (parameters and letter case aside): shipshape judges it and denies
 * the privilege. It shows no body for the rest, yet would decode some of them: shipshape refuses
 * those as {@code missing-body}. No container is made in any case. And strings with a NUL inside,
 * which Go keeps: let through as the gate models them, and unable to start.
 */
class WireShapesThroughGateTest {

    @TempDir
    static Path folder;

    static PluginDaemon daemon;
    static DecisionLog log;
    static RawHttp http;

    @BeforeAll
    static void start() throws IOException {
        log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), Clock.systemUTC());
        daemon = PluginDaemon.start(new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log));
        http = new RawHttp(daemon.engine.socket());
        int swarmPort = PrivateDockerEngine.freePort();
        daemon.engine.docker("swarm", "init", "--advertise-addr", "127.0.0.1:" + swarmPort, "--listen-addr", "127.0.0.1:" + swarmPort,
                "--data-path-port", Integer.toString(PrivateDockerEngine.freeUdpPort()));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (daemon != null) daemon.close();
        } finally {
            if (log != null) log.close();
        }
    }

    /**
     * One framing of the privileged create, and how it must be answered.
     *
     * @param status  the status dockerd answers
     * @param answer  how shipshape's refusal starts, after the plugin's name
     */
    record Shape(String name, Endpoint endpoint, String headers, byte[] body, int status, String answer) {

        Shape(String name, String headers, byte[] body, int status, String answer) {
            this(name, Endpoint.CONTAINER, headers, body, status, answer);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final byte[] PRIVILEGED = DifferentialCorpus.host("\"Privileged\":true").getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String MISSING_BODY = "shipshape denied: missing-body: the body of POST /containers/create did not reach shipshape";
    private static final String PRIVILEGED_DENIED = "shipshape denied: privileged-container";
    static final String SERVICE_NAME = "wire-service";
    private static final String SERVICE_MISSING_BODY = "shipshape denied: missing-body: the body of POST /services/create did not reach shipshape";
    /** The docker CLI's hardened service, with a bind mount of the host's {@code /}. */
    private static final byte[] SERVICE_BINDING_ROOT = DifferentialCorpus.resource("service-hardened.cli.json")
            .replace("\"Name\":\"api\"", "\"Name\":\"" + SERVICE_NAME + "\"")
            .replace("\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/data\"}]",
                    "\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/\",\"Target\":\"/host\"}]")
            .getBytes(StandardCharsets.UTF_8);

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("chunked", JSON + "Transfer-Encoding: chunked\r\n", chunked(PRIVILEGED, ""), 403, PRIVILEGED_DENIED),
                new Shape("chunked, with a trailer", JSON + "Transfer-Encoding: chunked\r\nTrailer: X-Shipshape\r\n",
                        chunked(PRIVILEGED, "X-Shipshape: 1\r\n"), 403, PRIVILEGED_DENIED),
                new Shape("over 1 MiB (spaces after the object)", JSON + "Content-Length: " + padded().length + "\r\n", padded(), 403, MISSING_BODY),
                new Shape("Content-Type text/plain", "Content-Type: text/plain\r\n" + length(PRIVILEGED), PRIVILEGED, 403, MISSING_BODY),
                new Shape("no Content-Type", length(PRIVILEGED), PRIVILEGED, 403, MISSING_BODY),
                new Shape("Content-Type with a charset", "Content-Type: application/json; charset=utf-8\r\n" + length(PRIVILEGED),
                        PRIVILEGED, 403, PRIVILEGED_DENIED),
                new Shape("Content-Type in capitals", "Content-Type: APPLICATION/JSON\r\n" + length(PRIVILEGED), PRIVILEGED, 403, PRIVILEGED_DENIED),
                new Shape("two Content-Types, text/plain first", "Content-Type: text/plain\r\n" + JSON + length(PRIVILEGED),
                        PRIVILEGED, 403, MISSING_BODY),
                new Shape("two Content-Types, application/json first", JSON + "Content-Type: text/plain\r\n" + length(PRIVILEGED),
                        PRIVILEGED, 403, PRIVILEGED_DENIED),
                new Shape("Content-Length 0, then the body", JSON + "Content-Length: 0\r\n", PRIVILEGED, 403, MISSING_BODY),
                new Shape("service, Content-Type text/plain", Endpoint.SERVICE, "Content-Type: text/plain\r\n" + length(SERVICE_BINDING_ROOT),
                        SERVICE_BINDING_ROOT, 403, SERVICE_MISSING_BODY),
                new Shape("service, no Content-Type", Endpoint.SERVICE, length(SERVICE_BINDING_ROOT), SERVICE_BINDING_ROOT, 403,
                        SERVICE_MISSING_BODY),
                new Shape("service, chunked", Endpoint.SERVICE, JSON + "Transfer-Encoding: chunked\r\n", chunked(SERVICE_BINDING_ROOT, ""),
                        403, "shipshape denied: sensitive-host-path: service '" + SERVICE_NAME + "' mounts host path /"));
    }

    /** Where a shape is sent, and where what it would make is looked up. */
    enum Endpoint {
        /** The container is named in the query. */
        CONTAINER("/v1.41/containers/create?name=%s", "/v1.41/containers/%s/json"),
        /** The service is named in its body ({@value #SERVICE_NAME}). */
        SERVICE("/v1.41/services/create", "/v1.41/services/%s");

        final String create;
        final String inspect;

        Endpoint(String create, String inspect) {
            this.create = create;
            this.inspect = inspect;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void isRefusedAndNothingIsCreated(Shape shape) {
        String name = shape.endpoint() == Endpoint.SERVICE ? SERVICE_NAME : "wire-" + Integer.toHexString(shape.name().hashCode());
        byte[] head = ("POST " + shape.endpoint().create.formatted(name) + " HTTP/1.1\r\nHost: docker\r\n" + shape.headers()
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head);
        request.writeBytes(shape.body());

        RawHttp.Response response = http.sendRaw(request.toByteArray());

        assertThat(response.status()).as(response.body()).isEqualTo(shape.status());
        assertThat(response.json().path("message").asText()).startsWith("authorization denied by plugin " + daemon.plugin + ": " + shape.answer());
        assertThat(http.send("GET", shape.endpoint().inspect.formatted(name), null).status()).as("it was made").isEqualTo(404);
    }

    /**
     * A NUL inside a string is kept by Go's decoder and stored by dockerd as sent: the gate models the
     * same string (the differential corpus checks that), reads none of these as {@code /}, uid 0 or the
     * host network, and so lets them be created. None of them can then start: Go's system calls refuse
     * a path with a NUL, and no user or network has such a name.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            a bind of /\\u0000  | "Binds":["/\\u0000:/host"]       | error while creating mount source path '/\\u0000': mkdir /\\u0000: invalid argument
            user 0\\u0000       | "User":"0\\u0000"                | unable to find user 0\\u0000: no matching entries in passwd file
            network host\\u0000 | "NetworkMode":"host\\u0000"      | Could not attach to network host\\u0000: rpc error: code = NotFound desc = network host\\u0000 not found
            """)
    void aNulInAStringIsCreatedAsModelledButCannotStart(String what, String setting, String startError) {
        String name = "wire-nul-" + Integer.toHexString(what.hashCode());
        String body = setting.startsWith("\"User\"")
                ? DifferentialCorpus.hardenedCreate().replace("\"User\":\"1000:1000\"", setting)
                : setting.startsWith("\"NetworkMode\"")
                        ? DifferentialCorpus.hardenedCreate().replace("\"NetworkMode\":\"none\"", setting)
                        : DifferentialCorpus.host(setting);

        RawHttp.Response created = http.send("POST", "/v1.41/containers/create?name=" + name, body.getBytes(StandardCharsets.UTF_8));
        RawHttp.Response started = http.send("POST", "/v1.41/containers/" + name + "/start", null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(started.status()).as(started.body()).isEqualTo(500);
        assertThat(started.json().path("message").asText()).isEqualTo(startError.replace("\\u0000", "\u0000"));
        assertThat(http.get("/v1.41/containers/" + name + "/json").path("State").path("Running").asBoolean()).isFalse();
    }

    private static String length(byte[] body) {
        return "Content-Length: " + body.length + "\r\n";
    }

    private static byte[] chunked(byte[] body, String trailer) {
        int half = body.length / 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, half);
        out.writeBytes(("\r\n" + Integer.toHexString(body.length - half) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, half, body.length - half);
        out.writeBytes(("\r\n0\r\n" + trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The privileged body followed by spaces to one byte over 1 MiB: Go's decoder skips them, dockerd shows the plugin no body. */
    private static byte[] padded() {
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        System.arraycopy(PRIVILEGED, 0, body, 0, PRIVILEGED.length);
        return body;
    }
}
