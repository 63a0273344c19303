package dev.shipshape.load.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of what the gate reads from the wire: the authorization plugin's envelope,
 * the Go-faithful JSON reader of request bodies, and the admission webhook's AdmissionReview. Each
 * must end without an exception and within {@link #BOUND} per input (after a warm-up, so that class
 * loading and instrumentation are not counted), and a judged Docker request whose body cannot be read
 * must be refused, never let through as {@link GateInput.NotInspected}. An ordinary build runs each test once
 * per seed in {@code src/test/resources/dev/shipshape/load/gate/GateReaderFuzzTestInputs/<test>/};
 * {@code fuzz/run.sh} fuzzes them for longer, {@code fuzz/ci.sh} for seconds.
 */
class GateReaderFuzzTest {

    private static final List<String> METHODS = List.of("POST", "GET", "HEAD", "DELETE", "PUT", "post");
    /** Version prefixes: none, current, the oldest allowed, too old, not a version. */
    private static final List<String> VERSIONS = List.of("", "/v1.41", "/v1.24", "/v1.23", "/v1..2");
    private static final List<String> PATHS = List.of("/containers/create", "/containers/web/exec", "/services/create",
            "/services/abc/update", "/plugins/pull", "/plugins/p/upgrade", "/volumes/create", "/networks/create", "/build",
            "/swarm/init", "/containers/web/start", "/containers/json", "/exec/x/start", "//containers/create",
            "/containers/create/", "/CONTAINERS/create", "/containers/%2e%2e/exec");
    private static final List<String> QUERIES = List.of("", "?name=web", "?name=%zz", "?remote=x&name=", "?networkmode=host",
            "?name=a;b", "#frag");
    private static final List<GoType> BODY_TYPES = List.of(EngineBodies.CONTAINER_CREATE, EngineBodies.EXEC, EngineBodies.SERVICE_SPEC,
            EngineBodies.PLUGIN_PRIVILEGES, EngineBodies.VOLUME_CREATE, EngineBodies.NETWORK_CREATE, EngineBodies.SWARM_INIT);

    /** Far beyond what reading a few kilobytes takes (well under a millisecond), so that only a blow-up trips it. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    @BeforeAll
    static void warmUp() {
        byte[] review = "{\"kind\":\"AdmissionReview\",\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\",\"kind\":{\"kind\":\"Pod\",\"version\":\"v1\"},\"operation\":\"CREATE\",\"object\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"b\"}]}}}}"
                .getBytes(StandardCharsets.UTF_8);
        if (AdmissionRequest.parse(review) instanceof AdmissionRequest.Readable(AdmissionRequest request)) AdmissionObjects.read(request);
        byte[] envelope = "{\"RequestMethod\":\"POST\",\"RequestUri\":\"/v1.41/containers/create\",\"RequestBody\":\"e30=\"}"
                .getBytes(StandardCharsets.UTF_8);
        if (AuthzRequest.parse(envelope) instanceof AuthzRequest.Readable(AuthzRequest request)) DockerRequests.read(request);
    }

    /** Any bytes as the daemon's envelope: read, and what it names read as dockerd would. */
    @FuzzTest(maxDuration = "2m")
    void authzEnvelopeIsReadOrRefused(FuzzedDataProvider data) {
        byte[] envelope = data.consumeRemainingAsBytes();
        if (timed(() -> AuthzRequest.parse(envelope)) instanceof AuthzRequest.Readable(AuthzRequest request)) {
            assertNeverAllowedByReadingFailure(request, timed(() -> DockerRequests.read(request)));
        }
    }

    /**
     * A well-formed envelope around a fuzzed method, target and body (the body last in the input, the
     * choices in its final bytes, so that a real request body with a few bytes after it is a seed).
     */
    @FuzzTest(maxDuration = "2m")
    void dockerRequestIsNeverAllowedByReadingFailure(FuzzedDataProvider data) {
        String method = pick(data, METHODS);
        String target = pick(data, VERSIONS) + pick(data, PATHS) + pick(data, QUERIES);
        boolean withBody = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        String envelope = "{\"User\":\"\",\"UserAuthNMethod\":\"\",\"RequestMethod\":\"%s\",\"RequestUri\":\"%s\",\"RequestBody\":%s,\"RequestHeaders\":{\"Content-Type\":\"application/json\"}}"
                .formatted(method, target, withBody ? "\"" + Base64.getEncoder().encodeToString(body) + "\"" : "null");
        AuthzRequest.Parsed parsed = timed(() -> AuthzRequest.parse(envelope.getBytes(StandardCharsets.UTF_8)));
        AuthzRequest request = assertInstanceOf(AuthzRequest.Readable.class, parsed, envelope).request();
        assertNeverAllowedByReadingFailure(request, timed(() -> DockerRequests.read(request)));
    }

    /** Any bytes as a request body of any judged endpoint's Go type. */
    @FuzzTest(maxDuration = "2m")
    void goJsonReadsOrCallsUndecidable(FuzzedDataProvider data) {
        GoType type = pick(data, BODY_TYPES);
        byte[] body = data.consumeRemainingAsBytes();
        GoJson.Read read = timed(() -> GoJson.read(body, type));
        if (read instanceof GoJson.Undecidable(String problem)) assertFalse(problem.isBlank());
    }

    /** Any bytes as an AdmissionReview: read, and its object read, as the webhook does. */
    @FuzzTest(maxDuration = "2m")
    void admissionReviewIsReadOrUnreadable(FuzzedDataProvider data) {
        byte[] review = data.consumeRemainingAsBytes();
        if (timed(() -> AdmissionRequest.parse(review)) instanceof AdmissionRequest.Readable(AdmissionRequest request)) {
            GateInput input = timed(() -> AdmissionObjects.read(request));
            assertTrue(!AdmissionObjects.judges(request) || !(input instanceof GateInput.NotInspected),
                    () -> "a judged " + request.operation() + " of a " + request.kind() + " was not inspected");
        }
    }

    /**
     * A request goes through unjudged only when it is a read, is an endpoint nothing is judged on, or
     * is a build or swarm init whose reader saw it is not the guarded action; the body of any other
     * judged endpoint, when missing or not readable as dockerd reads it, is a refusal.
     */
    private static void assertNeverAllowedByReadingFailure(AuthzRequest request, DockerRequest read) {
        String call = request.method() + " " + request.rawUri();
        Optional<EngineEndpoints.Endpoint> endpoint = read.endpoint();
        if (endpoint.isEmpty()) {
            boolean readOnly = request.method().equals("GET") || request.method().equals("HEAD");
            assertTrue(readOnly || read.input() instanceof GateInput.Refused, () -> call + " routes nowhere, yet was " + read.input());
            return;
        }
        if (endpoint.get().handling() != EngineEndpoints.Handling.JUDGED) return;
        EngineEndpoints.Reading reading = endpoint.get().reading();
        if (reading == EngineEndpoints.Reading.BUILD || read.input() instanceof GateInput.Refused) return;
        assertTrue(request.body().isPresent(), () -> call + " has no body, yet was " + read.input());
        GoType type = switch (reading) {
            case CONTAINER_CREATE -> EngineBodies.CONTAINER_CREATE;
            case CONTAINER_EXEC -> EngineBodies.EXEC;
            case SERVICE_CREATE, SERVICE_UPDATE -> EngineBodies.SERVICE_SPEC;
            case PLUGIN_PULL, PLUGIN_UPGRADE -> EngineBodies.PLUGIN_PRIVILEGES;
            case VOLUME_CREATE -> EngineBodies.VOLUME_CREATE;
            case NETWORK_CREATE -> EngineBodies.NETWORK_CREATE;
            case SWARM_INIT -> EngineBodies.SWARM_INIT;
            case BUILD, NONE -> throw new AssertionError(call + " is judged without a body to read");
        };
        assertInstanceOf(GoJson.Decoded.class, GoJson.read(request.body().get(), type),
                () -> call + ": a body the reader cannot decode was " + read.input());
        assertTrue(reading == EngineEndpoints.Reading.SWARM_INIT || !(read.input() instanceof GateInput.NotInspected),
                () -> call + " is judged, yet was not inspected");
    }

    private static <T> T timed(Supplier<T> reading) {
        long start = System.nanoTime();
        T read = reading.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) <= 0, () -> "reading took " + took.toMillis() + " ms, over the bound of " + BOUND.toMillis() + " ms");
        return read;
    }

    private static <T> T pick(FuzzedDataProvider data, List<T> choices) {
        return choices.get(data.consumeInt(0, choices.size() - 1));
    }
}
