package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admission webhook over HTTPS with a self-signed certificate, answering AdmissionReviews as the
 * API server sends them (src/test/resources/gate/admission): the whole response document, and the patch.
 */
class AdmissionWebhookTest {

    private static final String SUFFIX = " (set \"enforce\" in .shipshape.yaml to change this)";

    @TempDir
    static Path folder;

    static RunningGate gate;

    @BeforeAll
    static void serve() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder, "RSA");
        gate = RunningGate.start(folder, Policy.DEFAULT, Enforcement.DEFAULT, EnumSet.of(GateServer.Door.KUBERNETES),
                Optional.of(PemTls.context(certificate.certificate(), certificate.key())), Optional.of(certificate.clientContext()));
    }

    @AfterAll
    static void stop() throws IOException {
        gate.close();
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = AdmissionWebhookTest.class.getResourceAsStream("/gate/admission/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String uid(String fixture) throws IOException {
        return RunningGate.json(new String(fixture(fixture), StandardCharsets.UTF_8)).path("request").path("uid").asText();
    }

    private static HttpResponse<String> validate(String fixture) throws Exception {
        return gate.post("/validate?timeout=10s", fixture(fixture));
    }

    private static String allowed(String uid) {
        return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":\"" + uid + "\",\"allowed\":true}}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            deployment-create.json
            replicaset-create.json
            statefulset-create.json
            daemonset-create.json
            cronjob-create.json
            pod-create.json
            pod-delete.json
            pod-exec.json
            deployment-scale.json
            configmap-create.json
            """)
    void admitsWhatBreaksNoRule(String fixture) throws Exception {
        HttpResponse<String> response = validate(fixture);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo(allowed(uid(fixture)));
    }

    @Test
    void deniesWithTheFindingsAndWarnsWithTheMilderOnes() throws Exception {
        JsonNode review = RunningGate.json(validate("job-create.json").body());
        JsonNode response = review.path("response");

        assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(review.path("kind").asText()).isEqualTo("AdmissionReview");
        assertThat(response.path("uid").asText()).isEqualTo("4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f8a");
        assertThat(response.path("allowed").asBoolean(true)).isFalse();
        assertThat(response.path("status").path("code").asInt()).isEqualTo(403);
        assertThat(response.path("status").path("message").asText())
                .startsWith("shipshape denied: runs-as-root: container 'migrate' in Job 'migrate' sets neither runAsNonRoot: true "
                        + "nor runAsUser: unless its image sets a non-root USER, it runs as root. To comply: Set `securityContext.runAsNonRoot: true` with `runAsUser: 10001` on the pod or container.")
                .endsWith(SUFFIX);
        List<String> warnings = strings(response.path("warnings"));
        assertThat(warnings).extracting(warning -> warning.substring(0, warning.indexOf(':'))).containsExactly(
                "capabilities-not-dropped", "privilege-escalation-allowed", "writable-root-filesystem",
                "missing-seccomp-profile", "missing-memory-limit", "missing-resource-requests", "missing-cpu-limit");
        assertThat(warnings).allSatisfy(warning -> assertThat(warning.length()).isLessThan(120));
        assertThat(warnings.getFirst()).isEqualTo("capabilities-not-dropped: container 'migrate' in Job 'migrate' keeps every default "
                + "capability: it drops none");
        assertThat(warnings.get(1)).isEqualTo("privilege-escalation-allowed: container 'migrate' in Job 'migrate' does not set "
                + "allowPrivilegeEscalation: false, so it…");
        assertThat(response.size()).isEqualTo(4);
    }

    @Test
    void aPrivilegedDeploymentIsDeniedForEachReason() throws Exception {
        JsonNode response = RunningGate.json(validate("deployment-privileged.json").body()).path("response");

        assertThat(response.path("allowed").asBoolean(true)).isFalse();
        assertThat(response.path("status").path("message").asText()).startsWith("shipshape denied: privileged-container: container 'app' in "
                + "Deployment 'web' runs privileged; runs-as-root: container 'app' in Deployment 'web' sets neither runAsNonRoot: true "
                + "nor runAsUser: unless its image sets a non-root USER, it runs as root; secret-in-environment: container 'app' in "
                + "Deployment 'web' sets DB_PASSWORD to a literal secret. To comply: ");
    }

    @Test
    void anEphemeralDebugContainerIsJudgedOnItsOwn() throws Exception {
        JsonNode response = RunningGate.json(validate("pod-ephemeralcontainers.json").body()).path("response");

        assertThat(response.path("allowed").asBoolean(true)).isFalse();
        assertThat(response.path("status").path("message").asText()).startsWith("shipshape denied: runs-as-root: ephemeral container "
                + "'debugger-8xkqv' in Pod 'web-7d9f8b6c4d-x7k2p' sets neither runAsNonRoot: true nor runAsUser");
    }

    @Test
    void aDryRunIsAnsweredButNotLoggedAsEnforced() throws Exception {
        JsonNode response = RunningGate.json(validate("deployment-privileged-dryrun.json").body()).path("response");

        assertThat(response.path("uid").asText()).isEqualTo("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5c");
        assertThat(response.path("allowed").asBoolean(true)).isFalse();
        JsonNode logged = gate.decisions().stream()
                .filter(line -> line.path("uri").asText().equals("/apis/apps/v1/namespaces/prod/deployments/web")
                        && line.has("enforced"))
                .findFirst().orElseThrow();
        assertThat(logged.path("enforced").asBoolean(true)).isFalse();
        assertThat(logged.path("decision").asText()).isEqualTo("denied");
        assertThat(logged.path("user").asText()).isEqualTo("alice@example.com");
        assertThat(logged.path("method").asText()).isEqualTo("CREATE");
        assertThat(gate.get("/metrics").body()).contains("shipshape_decisions_total{door=\"kubernetes\",decision=\"denied\",dry_run=\"true\"} 1\n");
    }

    @Test
    void mutateAnswersWithTheHardeningPatch() throws Exception {
        JsonNode response = RunningGate.json(gate.post("/mutate?timeout=10s", fixture("deployment-unhardened.json")).body()).path("response");

        assertThat(response.path("uid").asText()).isEqualTo("8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3");
        assertThat(response.path("allowed").asBoolean(false)).isTrue();
        assertThat(response.path("patchType").asText()).isEqualTo("JSONPatch");
        assertThat(new String(Base64.getDecoder().decode(response.path("patch").asText()), StandardCharsets.UTF_8)).isEqualTo("""
                [{"op":"add","path":"/spec/template/spec/securityContext/seccompProfile","value":{"type":"RuntimeDefault"}},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/allowPrivilegeEscalation","value":false},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/capabilities/drop","value":["ALL"]},\
                {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":\
                {"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}}]""");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            deployment-create.json
            pod-create.json
            pod-delete.json
            pod-exec.json
            pod-ephemeralcontainers.json
            configmap-create.json
            """)
    void mutateAddsNothingWhereNothingIsMissing(String fixture) throws Exception {
        assertThat(gate.post("/mutate", fixture(fixture)).body()).isEqualTo(allowed(uid(fixture)));
    }

    @Test
    void mutateNeverDenies() throws Exception {
        JsonNode response = RunningGate.json(gate.post("/mutate", fixture("deployment-privileged.json")).body()).path("response");

        assertThat(response.path("allowed").asBoolean(false)).isTrue();
        assertThat(response.has("patch")).isFalse();
    }

    @Test
    void thresholdAndWarnOnlyComeFromTheEnforceSection(@TempDir Path other) throws Exception {
        Enforcement lenient = new Enforcement(Severity.CRITICAL, Set.of("privileged-container"), Map.of(), Enforcement.Failure.CLOSED, false);
        try (RunningGate plain = RunningGate.start(other, Policy.DEFAULT, lenient, EnumSet.of(GateServer.Door.KUBERNETES),
                Optional.empty(), Optional.empty())) {
            JsonNode response = RunningGate.json(plain.post("/validate", fixture("deployment-privileged.json")).body()).path("response");

            assertThat(response.path("allowed").asBoolean(false)).isTrue();
            assertThat(response.has("status")).isFalse();
            assertThat(strings(response.path("warnings"))).extracting(warning -> warning.substring(0, warning.indexOf(':')))
                    .containsExactly("privileged-container", "runs-as-root", "secret-in-environment", "capabilities-not-dropped",
                            "privilege-escalation-allowed", "writable-root-filesystem");
        }
    }

    @Test
    void theDockerEndpointsAreNotServedHere() throws Exception {
        assertThat(gate.post("/AuthZPlugin.AuthZReq", "{}").statusCode()).isEqualTo(404);
        assertThat(gate.get("/healthz").body()).isEqualTo("{}");
        assertThat(gate.get("/readyz").body()).isEqualTo("{}");
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new java.util.ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
