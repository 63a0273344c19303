package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input is normal input: every request gets a proper answer (never a 500 with a stack trace),
 * and the server goes on serving. After each test a real decision still works.
 */
class BadInputTest {

    private static final String ANSWER_TO_CREATE = "{\"Allow\":true,\"Msg\":\"\"}";

    @TempDir
    static Path folder;

    static RunningGate gate;

    @BeforeAll
    static void serve() throws Exception {
        gate = RunningGate.start(folder, Policy.DEFAULT, Enforcement.DEFAULT,
                EnumSet.of(GateServer.Door.DOCKER_PLUGIN, GateServer.Door.KUBERNETES), Optional.empty(), Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    @AfterEach
    void stillServes() throws Exception {
        assertThat(gate.post("/AuthZPlugin.AuthZReq", RunningGate.authzRequest("", "POST", "/v1.41/containers/create",
                JudgeTest.HARDENED)).body()).isEqualTo(ANSWER_TO_CREATE);
        assertThat(gate.get("/healthz").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /validate | ''                         | the request has no body: expected an AdmissionReview
            /validate | '{"apiVersion":"admission' | the body is not JSON: expected an AdmissionReview
            /validate | 'null'                     | the body is not a JSON object: expected an AdmissionReview
            /mutate   | '{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"x"}}' | expected apiVersion admission.k8s.io/v1, not 'admission.k8s.io/v1beta1': list only v1 in the webhook's admissionReviewVersions
            /validate | '{"apiVersion":"v1","kind":"Status"}' | expected kind AdmissionReview, not 'Status'
            """)
    void whatIsNoAdmissionReviewIsABadRequest(String path, String body, String problem) throws Exception {
        HttpResponse<String> response = gate.post(path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningGate.json(response.body()).path("error").asText()).isEqualTo(problem);
    }

    @Test
    void anUnknownKindIsAdmittedUninspected() throws Exception {
        String review = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-1\","
                + "\"kind\":{\"group\":\"example.com\",\"version\":\"v1\",\"kind\":\"Widget\"},\"resource\":{\"group\":\"example.com\","
                + "\"version\":\"v1\",\"resource\":\"widgets\"},\"operation\":\"CREATE\",\"object\":{\"kind\":\"Widget\"}}}";

        assertThat(gate.post("/validate", review).body())
                .isEqualTo("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":\"u-1\",\"allowed\":true}}");
    }

    @Test
    void aPodWhoseSpecIsGarbageIsUndecidedAndDeniedByDefault() throws Exception {
        String review = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-2\","
                + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},\"resource\":{\"group\":\"\",\"version\":\"v1\","
                + "\"resource\":\"pods\"},\"operation\":\"CREATE\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
                + "\"metadata\":{\"name\":\"x\"},\"spec\":{\"containers\":\"not a list\"}}}}";

        assertThat(gate.post("/validate", review).body()).isEqualTo("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
                + "\"response\":{\"uid\":\"u-2\",\"allowed\":false,\"status\":{\"code\":403,\"message\":\"shipshape denied: "
                + "undecidable-request: the Pod cannot be read: 'containers' should be a list, not a scalar "
                + "(set \\\"enforce\\\" in .shipshape.yaml to change this)\"}}}");
    }

    @Test
    void emptyAndTruncatedAuthorizationRequestsAreDeniedNotFailed() throws Exception {
        for (String body : new String[] {"", "{\"RequestMethod\":\"POST\",\"RequestUri\":\"/v1.41/containers/cre", "{}", "[1]"}) {
            HttpResponse<String> response = gate.post("/AuthZPlugin.AuthZReq", body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RunningGate.json(response.body()).path("Allow").asBoolean(true)).as(body).isFalse();
            assertThat(RunningGate.json(response.body()).path("Msg").asText()).as(body).startsWith("shipshape denied: undecidable-request: ");
        }
    }

    @Test
    void aBodyOf20MegabytesIsRefusedWith413() throws Exception {
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        for (String path : new String[] {"/validate", "/AuthZPlugin.AuthZReq", "/mutate"}) {
            HttpResponse<String> response = gate.post(path, huge);

            assertThat(response.statusCode()).as(path).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"error\":\"the request body is larger than 8388608 bytes\"}");
        }
    }

    @Test
    void aChunkedBodyOf20MegabytesIsRefusedToo() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gate.server().address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int index = 0; index < 20; index++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void unknownPathsAndWrongMethodsGetTheirStatus() throws Exception {
        assertThat(gate.get("/").statusCode()).isEqualTo(404);
        assertThat(gate.get("/validatex").statusCode()).isEqualTo(404);
        assertThat(gate.post("/AuthZPlugin.Nope", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = gate.get("/validate");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(wrongMethod.body()).isEqualTo("{\"error\":\"use POST\"}");
        assertThat(gate.post("/metrics", "").statusCode()).isEqualTo(405);
    }

    @Test
    void aClientThatHangsUpMidBodyDoesNotStopTheServer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gate.server().address().getPort())) {
            socket.getOutputStream().write("POST /validate HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"apiVer"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + gate.server().address().getPort() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void notReadyWhileWarmingUpYetDecidesRequests() throws Exception {
        gate.gate().warmingUp();
        try {
            HttpResponse<String> response = gate.get("/readyz");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"error\":\"warming up\"}");
            assertThat(gate.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(gate.post("/AuthZPlugin.AuthZReq", RunningGate.authzRequest("", "POST", "/v1.41/containers/create",
                    JudgeTest.HARDENED)).body()).isEqualTo(ANSWER_TO_CREATE);
        } finally {
            gate.gate().warmedUp();
        }
        assertThat(gate.get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void aGateStoppingWhileWarmingUpStaysStopping() throws Exception {
        gate.gate().warmingUp();
        gate.gate().stopping();
        gate.gate().warmedUp();
        try {
            assertThat(gate.get("/readyz").body()).isEqualTo("{\"error\":\"shutting down\"}");
        } finally {
            gate.gate().readiness().set(Readiness.READY);
        }
    }

    @Test
    void readinessTurnsOffWhenShuttingDown() throws Exception {
        gate.gate().stopping();
        try {
            HttpResponse<String> response = gate.get("/readyz");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"error\":\"shutting down\"}");
            assertThat(gate.get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            gate.gate().readiness().set(Readiness.READY);
        }
    }
}
