package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.cluster.RealKubernetesCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * shipshape's admission webhook called by a real API server (kube-apiserver 1.20): {@code shipshape serve
 * --kubernetes} runs in this JVM with a certificate from a CA the test makes, and Validating and Mutating
 * webhook configurations point the server at it, for the namespaces labelled {@code shipshape-webhook}
 * only (other tests share this server). The last test stops shipshape to see both failure policies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookAgainstApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAIL = "webhook-fail";
    private static final String IGNORE = "webhook-ignore";

    @TempDir
    static Path folder;

    private static RealKubernetesCluster cluster;
    private static ServeCommand serve;
    private static CompletableFuture<Integer> serving;
    private static StringWriter serveErr;
    private static Path decisionLog;

    @BeforeAll
    static void registerShipshape() throws Exception {
        cluster = RealKubernetesCluster.shared();
        Path ca = certificateAuthorityAndServerCertificate();
        Path config = Files.writeString(folder.resolve(".shipshape.yaml"), "enforce:\n  deny-at: critical\n", StandardCharsets.UTF_8);
        decisionLog = folder.resolve("decisions.jsonl");
        serve = new ServeCommand();
        CommandLine commandLine = new CommandLine(serve);
        serveErr = new StringWriter();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(serveErr, true));
        serving = CompletableFuture.supplyAsync(() -> commandLine.execute("--kubernetes", "--bind", "127.0.0.1", "--port", "0",
                "--tls-cert", folder.resolve("server.crt").toString(), "--tls-key", folder.resolve("server.key").toString(),
                "--decision-log", decisionLog.toString(), "--config", config.toString(), "--threads", "4"));
        assertThat(serve.awaitStarted(Duration.ofSeconds(30))).as(serveErr::toString).isTrue();
        int port = serve.servers().getFirst().address().getPort();

        for (String namespace : List.of(FAIL, IGNORE)) {
            cluster.apply("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: %s, labels: {shipshape-webhook: %s}}
                    """.formatted(namespace, namespace));
        }
        String caBundle = Base64.getEncoder().encodeToString(Files.readAllBytes(ca));
        cluster.apply(webhookConfiguration("ValidatingWebhookConfiguration", "validate", port, caBundle));
        cluster.apply(webhookConfiguration("MutatingWebhookConfiguration", "mutate", port, caBundle));
    }

    /** Two webhooks on one path: the same shipshape, failing closed for one namespace and open for the other. */
    private static String webhookConfiguration(String kind, String path, int port, String caBundle) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: %s
                metadata: {name: shipshape-test-%s}
                webhooks:
                """.formatted(kind, path));
        for (String namespace : List.of(FAIL, IGNORE)) {
            yaml.append("""
                      - name: %s.%s.shipshape.test
                        admissionReviewVersions: ["v1"]
                        sideEffects: None
                        failurePolicy: %s
                        timeoutSeconds: 5
                        clientConfig:
                          url: https://127.0.0.1:%d/%s
                          caBundle: %s
                        namespaceSelector: {matchLabels: {shipshape-webhook: %s}}
                        rules:
                          - apiGroups: ["", "apps"]
                            apiVersions: ["v1"]
                            operations: [CREATE, UPDATE]
                            resources: [pods, deployments]
                    """.formatted(path, namespace, namespace.equals(FAIL) ? "Fail" : "Ignore", port, path, caBundle, namespace));
        }
        return yaml.toString();
    }

    @AfterAll
    static void unregister() throws Exception {
        cluster.tryKubectl(null, "delete", "validatingwebhookconfiguration", "shipshape-test-validate");
        cluster.tryKubectl(null, "delete", "mutatingwebhookconfiguration", "shipshape-test-mutate");
        if (serving != null && !serving.isDone()) {
            serve.stop();
            serving.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void aPrivilegedPodIsDeniedWithShipshapesMessage() {
        RealKubernetesCluster.Result created = cluster.tryKubectl("""
                apiVersion: v1
                kind: Pod
                metadata: {name: root-shell, namespace: webhook-fail}
                spec:
                  containers:
                    - name: shell
                      image: registry.example.com/shell:1.0
                      securityContext: {privileged: true}
                """, "apply", "-f", "-");

        assertThat(created.exitCode()).isNotZero();
        assertThat(created.output()).contains("admission webhook \"validate.webhook-fail.shipshape.test\" denied the request: ")
                .contains("privileged-container: container 'shell' in Pod 'root-shell' runs privileged");
        assertThat(cluster.tryKubectl(null, "get", "pod", "root-shell", "-n", FAIL).output()).contains("NotFound");
    }

    @Test
    @Order(2)
    void aHardenedDeploymentIsAdmittedWithItsWarningsShown() {
        RealKubernetesCluster.Result created = cluster.tryKubectl("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: shop, namespace: webhook-fail}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: shop}}
                  template:
                    metadata: {labels: {app: shop}}
                    spec:
                      automountServiceAccountToken: false
                      securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: shop
                          image: registry.example.com/shop:2.4.1
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            capabilities: {drop: [ALL]}
                """, "apply", "-f", "-");

        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).contains("Warning: missing-resource-requests: container 'shop' in Deployment 'shop' requests no CPU and no memory")
                .contains("Warning: missing-memory-limit: container 'shop' in Deployment 'shop' sets no memory limit")
                .contains("deployment.apps/shop created");
    }

    @Test
    @Order(3)
    void theMutatingPatchIsStoredExactlyAsIntended() throws IOException {
        cluster.apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: plain, namespace: webhook-fail}
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/app:1.0
                """);

        JsonNode stored = JSON.readTree(cluster.kubectl("get", "pod", "plain", "-n", FAIL, "-o", "json"));
        assertThat(stored.path("spec").path("securityContext")).isEqualTo(JSON.readTree("{\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}"));
        assertThat(stored.path("spec").path("containers").get(0).path("securityContext"))
                .isEqualTo(JSON.readTree("{\"allowPrivilegeEscalation\":false,\"capabilities\":{\"drop\":[\"ALL\"]}}"));
    }

    @Test
    @Order(4)
    void aDryRunIsAnsweredButNotLoggedAsEnforced() throws IOException {
        long before = Files.readAllLines(decisionLog).size();
        RealKubernetesCluster.Result dryRun = cluster.tryKubectl("""
                apiVersion: v1
                kind: Pod
                metadata: {name: dry, namespace: webhook-fail}
                spec:
                  containers: [{name: app, image: "registry.example.com/app:1.0", securityContext: {privileged: true}}]
                """, "apply", "--dry-run=server", "-f", "-");

        assertThat(dryRun.output()).contains("denied the request: ").contains("runs privileged");
        List<String> logged = Files.readAllLines(decisionLog).subList((int) before, Files.readAllLines(decisionLog).size());
        // the validating webhook's decision (the mutating one logs none): denied, and marked as not enforced
        assertThat(logged).singleElement().satisfies(line -> assertThat(line)
                .contains("\"uri\":\"/api/v1/namespaces/webhook-fail/pods/dry\",\"decision\":\"denied\"")
                .contains("\"enforced\":false"));
        assertThat(cluster.tryKubectl(null, "get", "pod", "dry", "-n", FAIL).output()).contains("NotFound");
        // an enforced decision (the privileged pod of the first test) carries no such mark
        assertThat(Files.readAllLines(decisionLog)).filteredOn(line -> line.contains("/pods/root-shell\""))
                .singleElement().satisfies(line -> assertThat(line).doesNotContain("enforced"));
    }

    @Test
    @Order(5)
    void theShippedManifestsAreAcceptedByTheApiServer() throws IOException {
        Path deploy = Path.of("deploy/kubernetes");
        for (String file : List.of("namespace.yaml", "serviceaccount.yaml", "configmap.yaml", "deployment.yaml", "service.yaml",
                "poddisruptionbudget.yaml", "networkpolicy.yaml", "audit-rbac.yaml")) {
            // kube-apiserver 1.20 serves PodDisruptionBudgets only as policy/v1beta1 (the same object)
            String yaml = Files.readString(deploy.resolve(file), StandardCharsets.UTF_8).replace("apiVersion: policy/v1\n", "apiVersion: policy/v1beta1\n");
            RealKubernetesCluster.Result applied = cluster.tryKubectl(yaml, "apply", "-f", "-");
            assertThat(applied.exitCode()).as(file + ": " + applied.output()).isZero();
        }
        // The real webhook configurations would send every pod of this shared server to a Service with no pods: the server
        // validates and admits them in a dry run. certificate.yaml is cert-manager's kind, which this server does not have.
        RealKubernetesCluster.Result webhooks = cluster.tryKubectl(Files.readString(deploy.resolve("webhooks.yaml"), StandardCharsets.UTF_8),
                "apply", "--dry-run=server", "-f", "-");
        assertThat(webhooks.exitCode()).as(webhooks.output()).isZero();
        assertThat(webhooks.output()).contains("validatingwebhookconfiguration.admissionregistration.k8s.io/shipshape created (server dry run)")
                .contains("mutatingwebhookconfiguration.admissionregistration.k8s.io/shipshape created (server dry run)");
        assertThat(cluster.kubectl("get", "deployment", "shipshape", "-n", "shipshape-system", "-o", "jsonpath={.spec.replicas}")).isEqualTo("3");
    }

    @Test
    @Order(6)
    void withShipshapeStoppedFailDeniesAndIgnoreAdmits() throws Exception {
        serve.stop();
        assertThat(serving.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: while-down, namespace: %s}
                spec:
                  containers: [{name: app, image: "registry.example.com/app:1.0"}]
                """;

        RealKubernetesCluster.Result failClosed = cluster.tryKubectl(pod.formatted(FAIL), "apply", "-f", "-");
        assertThat(failClosed.exitCode()).isNotZero();
        assertThat(failClosed.output()).contains("failed calling webhook \"mutate.webhook-fail.shipshape.test\"");

        RealKubernetesCluster.Result failOpen = cluster.tryKubectl(pod.formatted(IGNORE), "apply", "-f", "-");
        assertThat(failOpen.exitCode()).as(failOpen.output()).isZero();
        assertThat(failOpen.output()).contains("pod/while-down created");
    }

    private static Path certificateAuthorityAndServerCertificate() throws IOException, InterruptedException {
        Path ca = folder.resolve("ca.crt");
        Files.writeString(folder.resolve("server.ext"),
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
                        + "subjectAltName=IP:127.0.0.1,DNS:localhost\n", StandardCharsets.US_ASCII);
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=webhook-test-ca",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=shipshape-webhook");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt",
                "-days", "2", "-extfile", "server.ext");
        return ca;
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }
}
