package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.cluster.RealKubernetesCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code shipshape audit kubernetes} against a real API server (kube-apiserver 1.20 with etcd): the same
 * findings as {@code scan} of the manifests applied, the live state of pods, least privilege with the
 * shipped ClusterRole, and one clear line for each cluster it cannot audit.
 */
class AuditKubernetesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RealKubernetesCluster cluster;

    @TempDir
    Path folder;

    @BeforeAll
    static void startCluster() {
        cluster = RealKubernetesCluster.shared();
    }

    /** The command as Main runs it, with no KUBECONFIG or HOME from the developer's shell. */
    private static CliRun audit(String... args) {
        CommandLine commandLine = ShipshapeCommand.commandLine();
        AuditKubernetesCommand command = commandLine.getSubcommands().get("audit").getSubcommands().get("kubernetes").getCommand();
        command.environment = Map.of();
        List<String> all = new ArrayList<>(List.of("audit", "kubernetes"));
        all.addAll(List.of(args));
        return CliRun.on(commandLine, all.toArray(String[]::new));
    }

    private static CliRun auditAsAdmin(String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", cluster.kubeconfig().toString()));
        all.addAll(List.of(args));
        return audit(all.toArray(String[]::new));
    }

    /** "rule | object | message" of every finding of a JSON report. */
    private static TreeSet<String> findings(String json, boolean withObject) throws IOException {
        TreeSet<String> findings = new TreeSet<>();
        for (JsonNode finding : JSON.readTree(json).path("findings")) {
            findings.add(finding.path("rule").asText() + " | "
                    + (withObject ? finding.path("location").path("object").asText() + " | " : "") + finding.path("message").asText());
        }
        return findings;
    }

    private static List<String> diagnostics(String json) throws IOException {
        List<String> diagnostics = new ArrayList<>();
        for (JsonNode diagnostic : JSON.readTree(json).path("diagnostics")) {
            diagnostics.add(diagnostic.path("level").asText() + " | " + diagnostic.path("location").path("object").asText() + " | "
                    + diagnostic.path("message").asText());
        }
        return diagnostics;
    }

    @Test
    void auditOfTheAppliedExamplesEqualsTheScanOfTheirFiles() throws IOException {
        for (String example : List.of("insecure", "hardened")) {
            String namespace = "examples-" + example;
            Path manifest = Path.of("examples", example, "k8s.yaml");
            cluster.kubectl("create", "namespace", namespace);
            // The one live difference: kube-apiserver 1.20 serves PodDisruptionBudgets only as policy/v1beta1 (the same object)
            cluster.kubectlWithNamespace(namespace, Files.readString(manifest, StandardCharsets.UTF_8)
                    .replace("apiVersion: policy/v1\n", "apiVersion: policy/v1beta1\n"));

            CliRun scan = CliRun.of("scan", manifest.toString(), "--format", "json");
            CliRun audit = auditAsAdmin("--namespace", namespace, "--format", "json");

            assertThat(audit.err()).isEmpty();
            assertThat(findings(audit.out(), false)).isEqualTo(findings(scan.out(), false));
            assertThat(audit.exitCode()).isEqualTo(scan.exitCode());
            assertThat(diagnostics(audit.out())).isEmpty();
            assertThat(audit.exitCode()).isEqualTo(scan.exitCode());
            if (example.equals("insecure")) {
                assertThat(findings(audit.out(), false)).hasSize(18);
                assertThat(findings(audit.out(), true)).allMatch(finding -> finding.contains(" | Deployment/examples-insecure/web | "));
            } else {
                assertThat(findings(audit.out(), false)).isEmpty();
                assertThat(audit.exitCode()).isEqualTo(ExitCodes.OK);
            }
        }
    }

    @Test
    void textAndSarifNameTheLiveObject() throws IOException {
        cluster.kubectl("create", "namespace", "named");
        cluster.kubectl("create", "deployment", "api", "--namespace", "named", "--image", "registry.example.com/api:1.0");

        CliRun text = auditAsAdmin("--namespace", "named", "--rule", "privilege-escalation-allowed", "--no-color");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(text.out()).startsWith("Deployment/named/api: medium privilege-escalation-allowed container 'api' in Deployment 'api' "
                + "does not set allowPrivilegeEscalation: false");
        // the kubeconfig's context, and the objects judged: the Deployment alone (this control plane runs no controller manager)
        String server = cluster.server().replaceAll("/+$", "");
        assertThat(server).startsWith("https://127.0.0.1:");
        assertThat(text.out()).endsWith("\naudited 1 object of cluster admin (" + server + "); 1 rule ran\n");

        CliRun sarif = auditAsAdmin("--namespace", "named", "--rule", "privilege-escalation-allowed", "--format", "sarif");
        JsonNode result = JSON.readTree(sarif.out()).path("runs").get(0).path("results").get(0);
        assertThat(result.path("locations").get(0).path("logicalLocations").get(0).path("name").asText()).isEqualTo("Deployment/named/api");
        assertThat(result.path("locations").get(0).has("physicalLocation")).isFalse();
    }

    @Test
    void jsonAndHtmlNameTheClusterAsTheTextDoesAndNoCredentials() throws IOException {
        cluster.kubectl("create", "namespace", "reported");
        cluster.kubectl("create", "deployment", "api", "--namespace", "reported", "--image", "registry.example.com/api:1.0");
        String server = cluster.server().replaceAll("/+$", "");

        CliRun json = auditAsAdmin("--namespace", "reported", "--rule", "privilege-escalation-allowed", "--format", "json");
        assertThat(json.err()).isEmpty();
        assertThat(JSON.readTree(json.out()).path("coverage").path("cluster").toString())
                .isEqualTo("{\"name\":\"admin\",\"server\":\"" + server + "\"}");

        CliRun html = auditAsAdmin("--namespace", "reported", "--rule", "privilege-escalation-allowed", "--format", "html");
        assertThat(html.err()).isEmpty();
        assertThat(html.out()).contains(" in 1 object of cluster <span id=\"cluster\">admin (" + server + ")</span>, 1 rules run.");

        for (CliRun report : List.of(json, html)) assertThat(report.out()).doesNotContain(cluster.adminToken());
    }

    @Test
    void estateRulesJudgeOnlyTheApplicationsTheClusterHolds() throws IOException {
        cluster.kubectl("create", "namespace", "estate");
        cluster.kubectlWithNamespace("estate", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, labels: {app.kubernetes.io/instance: shop}}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "registry.example.com/web:2.1"}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, labels: {app.kubernetes.io/instance: shop}}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, labels: {app.kubernetes.io/instance: shop}}
                spec:
                  defaultBackend: {service: {name: webb, port: {number: 80}}}
                ---
                # the release 'blog' has nothing else in the cluster: its Ingress is not judged
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: blog, labels: {app.kubernetes.io/instance: blog}}
                spec:
                  defaultBackend: {service: {name: blog, port: {number: 80}}}
                """);

        CliRun audit = auditAsAdmin("--namespace", "estate", "--rule", "ingress-backend-missing", "--format", "json");
        assertThat(audit.err()).isEmpty();
        assertThat(findings(audit.out(), true)).containsExactly("ingress-backend-missing | Ingress/estate/shop | Ingress 'shop' routes to "
                + "Service 'webb', which the scanned set does not define in namespace estate");
    }

    @Test
    void runningPodsGiveLiveFindingsAndControllersObjectsAreJudgedOnceThroughTheirOwner() throws IOException {
        String ns = "live";
        cluster.kubectl("create", "namespace", ns);
        cluster.kubectlWithNamespace(ns, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "registry.example.com/web:2.1"}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: solo}
                spec:
                  containers: [{name: app, image: "registry.example.com/app:1.0"}]
                """);
        String deploymentUid = cluster.kubectl("get", "deployment", "web", "-n", ns, "-o", "jsonpath={.metadata.uid}");
        // No controller-manager runs: the ReplicaSet and Pod the Deployment would make are made here, owned as it would own them
        cluster.kubectlWithNamespace(ns, """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web-5d8f
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: "%s", controller: true}]
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "registry.example.com/web:2.1"}]
                """.formatted(deploymentUid));
        String replicaSetUid = cluster.kubectl("get", "replicaset", "web-5d8f", "-n", ns, "-o", "jsonpath={.metadata.uid}");
        cluster.kubectlWithNamespace(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-5d8f-x2k9q
                  labels: {app: web}
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: "%s", controller: true}]
                spec:
                  containers: [{name: web, image: "registry.example.com/web:2.1"}]
                """.formatted(replicaSetUid));
        // a pod of an operator's kind (Argo's Rollout), which the audit does not read: judged itself, but not "bare"
        cluster.kubectlWithNamespace(ns, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: canary-7c9
                  ownerReferences: [{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: canary,
                                     uid: "0b6e7f1c-2f0a-4c55-9d1e-3a8f4b2c1d00", controller: true}]
                spec:
                  containers: [{name: app, image: "registry.example.com/app:1.0"}]
                """);
        writeStatus(ns, "web-5d8f-x2k9q", "web", true, 0, "docker-pullable://registry.example.com/web@sha256:" + "a".repeat(64));
        writeStatus(ns, "solo", "app", false, 7, "docker://sha256:" + "b".repeat(64));

        CliRun live = auditAsAdmin("--namespace", ns, "--format", "json",
                "--rule", "container-restarting,container-unhealthy,image-without-digest");
        assertThat(findings(live.out(), true)).containsExactly(
                "container-restarting | Pod/live/solo | container 'app' in Pod 'solo' has been restarted 7 times",
                "container-unhealthy | Pod/live/solo | container 'app' in Pod 'solo' is running but not ready: its readiness probe fails",
                "image-without-digest | Pod/live/solo | container 'app' in Pod 'solo' runs image 'registry.example.com/app:1.0' ("
                        + "bbbbbbbbbbbb), which has no registry digest: it was built or loaded on this host and cannot be verified");

        writeStatus(ns, "web-5d8f-x2k9q", "web", true, 12, "docker-pullable://registry.example.com/web@sha256:" + "a".repeat(64));
        CliRun all = auditAsAdmin("--namespace", ns, "--format", "json");
        TreeSet<String> objects = new TreeSet<>();
        for (String finding : findings(all.out(), true)) objects.add(finding.split(" \\| ")[1]);
        // the ReplicaSet and its Pod are judged through the Deployment; the Pod's state shows at the Pod
        assertThat(objects).containsExactly("Deployment/live/web", "Pod/live/canary-7c9", "Pod/live/solo", "Pod/live/web-5d8f-x2k9q");
        assertThat(findings(all.out(), true)).contains("missing-restart-policy | Pod/live/solo | Pod 'solo' is a bare Pod: nothing "
                + "recreates it when its node fails or it is evicted").noneMatch(finding -> finding.startsWith("missing-restart-policy | Pod/live/canary"));
        JsonNode suppressed = JSON.readTree(all.out()).path("suppressed");
        assertThat(suppressed).hasSize(1);
        assertThat(suppressed.get(0).toString()).contains("\"rule\":\"missing-restart-policy\"").contains("Pod/live/canary-7c9")
                .contains("made by Rollout canary, which recreates it (the audit does not read that kind)");
        assertThat(findings(all.out(), true)).filteredOn(finding -> finding.contains("Pod/live/web-5d8f-x2k9q")).containsExactly(
                "container-restarting | Pod/live/web-5d8f-x2k9q | container 'web' in Deployment 'web' has been restarted 12 times");
    }

    private static void writeStatus(String namespace, String pod, String container, boolean ready, int restarts, String imageId) {
        String status = """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "%s", "namespace": "%s"},
                 "status": {"phase": "Running", "containerStatuses": [{"name": "%s", "ready": %s, "restartCount": %d,
                   "image": "x", "imageID": "%s", "state": {"running": {"startedAt": "2026-12-07T10:00:00Z"}}}]}}
                """.formatted(pod, namespace, container, ready, restarts, imageId);
        String current = cluster.kubectl("get", "pod", pod, "-n", namespace, "-o", "json");
        try {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(current);
            object.set("status", JSON.readTree(status).path("status"));
            RealKubernetesCluster.Result replaced = cluster.tryKubectl(JSON.writeValueAsString(object), "replace", "--raw",
                    "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/status", "-f", "-");
            assertThat(replaced.exitCode()).as(replaced.output()).isZero();
        } catch (IOException notJson) {
            throw new IllegalStateException(notJson);
        }
    }

    @Test
    void leastPrivilegeWithTheShippedClusterRole() throws IOException {
        String ns = "least";
        cluster.kubectl("create", "namespace", ns);
        cluster.kubectl("create", "secret", "generic", "db", "--namespace", ns, "--from-literal=password=hunter2");
        cluster.kubectl("create", "deployment", "shop", "--namespace", ns, "--image", "registry.example.com/shop:3.0");
        String auditor = "--context=auditor";

        CliRun nothing = auditAsAdmin(auditor, "--namespace", ns);
        assertThat(nothing).isEqualTo(new CliRun(ExitCodes.USAGE, "", "shipshape: these credentials may list none of the kinds the audit "
                + "reads (403 Forbidden for each): bind them to the ClusterRole of deploy/kubernetes/audit-rbac.yaml\n"));

        String shipped = Files.readString(Path.of("deploy/kubernetes/audit-rbac.yaml"), StandardCharsets.UTF_8);
        cluster.tryKubectl(null, "create", "namespace", "shipshape-system");
        assertThat(cluster.apply(shipped)).contains("clusterrole.rbac.authorization.k8s.io/shipshape-audit",
                "serviceaccount/shipshape-audit", "clusterrolebinding.rbac.authorization.k8s.io/shipshape-audit");
        // The same role without its Secrets rule: Secrets are then a note, and everything else is still audited
        String withoutSecrets = shipped.substring(0, shipped.indexOf("---"))
                .replace("name: shipshape-audit", "name: audit-without-secrets")
                .replace("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [list]\n", "");
        cluster.apply(withoutSecrets);
        cluster.kubectl("create", "rolebinding", "auditor-partial", "--namespace", ns, "--clusterrole=audit-without-secrets", "--user=auditor");
        awaitAllowed(ns, "deployments", true);

        CliRun partial = auditAsAdmin(auditor, "--namespace", ns, "--format", "json");
        assertThat(partial.exitCode()).as(partial.err()).isEqualTo(ExitCodes.FINDINGS);
        // (infos say which kinds the loader does not check yet: they depend on the rules of this release, not on access)
        assertThat(diagnostics(partial.out())).filteredOn(diagnostic -> !diagnostic.startsWith("info")).containsExactly("warning | Secret (namespace least) | not checked: these credentials may not "
                + "list secrets (403 Forbidden); grant get and list on secrets in group '' (deploy/kubernetes/audit-rbac.yaml)");
        CliRun asAdmin = auditAsAdmin("--namespace", ns, "--format", "json");
        assertThat(findings(partial.out(), true)).isNotEmpty().isEqualTo(findings(asAdmin.out(), true));

        cluster.kubectl("delete", "rolebinding", "auditor-partial", "--namespace", ns);
        cluster.kubectl("create", "clusterrolebinding", "auditor-full", "--clusterrole=shipshape-audit", "--user=auditor");
        awaitAllowed(ns, "secrets", true);
        CliRun full = auditAsAdmin(auditor, "--format", "json");
        assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(diagnostics(full.out())).noneMatch(diagnostic -> diagnostic.contains("403"))
                .anySatisfy(diagnostic -> assertThat(diagnostic).matches("info \\| RBAC defaults \\| not judged: \\d+ RBAC objects that "
                        + "the API server itself creates and restores at every start \\(label kubernetes.io/bootstrapping=rbac-defaults\\)"));
        assertThat(findings(full.out(), true)).noneMatch(finding -> finding.contains("system:"));
        assertThat(findings(full.out(), true)).isEqualTo(findings(auditAsAdmin("--format", "json").out(), true));
        // read-only: the role lets the auditor read no Secret by name and change nothing
        assertThat(canI("get", "secrets", ns)).isEqualTo("no");
        assertThat(canI("create", "deployments", ns)).isEqualTo("no");
        assertThat(canI("delete", "pods", ns)).isEqualTo("no");
        assertThat(canI("create", "pods/exec", ns)).isEqualTo("no");
        cluster.kubectl("delete", "clusterrolebinding", "auditor-full");
    }

    private static String canI(String verb, String resource, String namespace) {
        return cluster.tryKubectl(null, "--context=auditor", "auth", "can-i", verb, resource, "--namespace", namespace).output().strip();
    }

    /** RBAC changes reach the API server's authorizer through its informers, a moment after they are stored. */
    private static void awaitAllowed(String namespace, String resource, boolean allowed) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!canI("list", resource, namespace).equals(allowed ? "yes" : "no")) {
            assertThat(Instant.now()).as("RBAC for " + resource).isBefore(deadline);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void eachClusterItCannotAuditIsOneLineAndExitTwo() throws IOException {
        String server = cluster.server();
        String ca = cluster.certificateAuthority().toString();
        Path otherCa = otherCertificateAuthority();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path unreachable = kubeconfig("unreachable", "https://127.0.0.1:" + closedPort, ca, cluster.adminToken());
        Path wrongCa = kubeconfig("wrong-ca", server, otherCa.toString(), cluster.adminToken());
        Path expired = kubeconfig("expired", server, ca, "0123456789abcdef0123456789abcdef");
        Path garbage = Files.writeString(folder.resolve("garbage"), "clusters: [this is: not, a kubeconfig\n", StandardCharsets.UTF_8);
        Path missing = folder.resolve("missing");

        assertThat(audit()).isEqualTo(usage("no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create ~/.kube/config"));
        assertThat(audit("--kubeconfig", missing.toString())).isEqualTo(usage("kubeconfig " + missing + " does not exist"));
        assertThat(auditAsAdmin("--context", "prod")).isEqualTo(usage("kubeconfig " + cluster.kubeconfig()
                + " has no context 'prod' (it has: admin, auditor)"));
        assertThat(audit("--kubeconfig", unreachable.toString())).isEqualTo(usage("cannot reach https://127.0.0.1:" + closedPort
                + ": connection refused"));
        assertThat(audit("--kubeconfig", wrongCa.toString())).isEqualTo(usage("cannot verify " + server + ": its certificate is not "
                + "signed by the kubeconfig's certificate authority, or the TLS handshake failed (wrong CA or wrong server?)"));
        assertThat(audit("--kubeconfig", expired.toString())).isEqualTo(usage(server + " refused the credentials (401 Unauthorized): "
                + "the token or certificate is wrong or expired"));
        CliRun notKubeconfig = audit("--kubeconfig", garbage.toString());
        assertThat(notKubeconfig.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notKubeconfig.out()).isEmpty();
        assertThat(notKubeconfig.err()).startsWith("shipshape: kubeconfig " + garbage + " is not a kubeconfig file: ")
                .doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1);
        assertThat(audit("--kubeconfig", cluster.kubeconfig().toString(), "-n", "a", "-A").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static CliRun usage(String message) {
        return new CliRun(ExitCodes.USAGE, "", "shipshape: " + message + "\n");
    }

    private Path kubeconfig(String name, String server, String ca, String token) throws IOException {
        return Files.writeString(folder.resolve(name + ".kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s", certificate-authority: "%s"}}]
                users: [{name: u, user: {token: "%s"}}]
                contexts: [{name: %s, context: {cluster: c, user: u}}]
                current-context: %s
                """.formatted(server, ca, token, name, name), StandardCharsets.UTF_8);
    }

    private Path otherCertificateAuthority() throws IOException {
        Path key = folder.resolve("other-ca.key");
        Path certificate = folder.resolve("other-ca.crt");
        try {
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                    "-out", certificate.toString(), "-days", "2", "-subj", "/CN=other-ca").redirectErrorStream(true).start();
            openssl.getInputStream().readAllBytes();
            assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return certificate;
    }
}
