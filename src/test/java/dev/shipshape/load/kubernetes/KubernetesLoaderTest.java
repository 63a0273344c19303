package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file level: documents, {@code kind: List}, kinds read or skipped, and input that is not a manifest. */
class KubernetesLoaderTest {

    private static final String FILE = "app.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void readsEveryDocumentAndSkipsEmptyOnes() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: one
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                ---
                ---
                # only a comment
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: two
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(Workload::description)
                .containsExactly("Pod 'one'", "Deployment 'two'");
        assertThat(result.inventory().workloads()).extracting(Workload::origin).containsExactly(at(2, 1), at(14, 1));
        assertThat(result.inventory().workloads()).extracting(Workload::lastLine).containsExactly(8, 22);
        assertThat(result.filesRead()).isEmpty();
    }

    @Test
    void readsTheItemsOfAListAsObjectsOfTheirOwn() {
        LoadResult result = load("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Pod
                    metadata:
                      name: a
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: a
                    spec:
                      ports:
                        - port: 80
                  - apiVersion: apps/v1
                    kind: DaemonSet
                    metadata:
                      name: b
                    spec:
                      template:
                        spec:
                          containers:
                            - name: agent
                              image: agent:2
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(Workload::description)
                .containsExactly("Pod 'a'", "DaemonSet 'b'");
        assertThat(result.inventory().workloads()).extracting(Workload::origin).containsExactly(at(5, 5), at(20, 5));
        // an item ends on its own last line, not where the next "- " starts
        assertThat(result.inventory().workloads()).extracting(Workload::lastLine).containsExactly(11, 28);
    }

    @Test
    void recognisedKindsWithoutAModelPlaceAreReadSilently() {
        LoadResult result = load("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: web}
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).isEmpty();
        assertThat(result.inventory().services()).isEmpty();
        assertThat(result.inventory().disruptionBudgets()).isEmpty();
    }

    @Test
    void readsServicesAndDisruptionBudgetsBesideWorkloadsInDocumentsAndLists() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                          ports:
                            - {name: http, containerPort: 8080}
                ---
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                    spec:
                      selector:
                        app: web
                      ports:
                        - port: 80
                          targetPort: http
                  - apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata:
                      name: web
                    spec:
                      maxUnavailable: 1
                      selector:
                        matchLabels: {app: web}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: admin
                spec:
                  selector: {app: admin}
                """);

        assertThat(result.diagnostics()).isEmpty();
        Workload web = result.inventory().workloads().getFirst();
        assertThat(result.inventory().workloads()).extracting(Workload::description).containsExactly("Deployment 'web'");
        assertThat(result.inventory().services()).extracting(ServiceEndpoint::name, ServiceEndpoint::origin, ServiceEndpoint::selectorOrigin)
                .containsExactly(tuple("web", at(20, 5), at(24, 7)), tuple("admin", at(39, 1), at(43, 3)));
        ServiceEndpoint webService = result.inventory().services().getFirst();
        assertThat(webService.ports()).containsExactly(
                new ServiceEndpoint.ServicePort("80", Setting.of("http", at(28, 11)), at(27, 11)));
        // what a discovery rule joins: the Service selects the pods, and its targetPort names one of their ports
        assertThat(webService.selector().matches(web.podLabels())).isTrue();
        assertThat(result.inventory().services().getLast().selector().matches(web.podLabels())).isFalse();
        assertThat(web.containers().getFirst().ports()).extracting(Port::name).containsExactly("http");
        assertThat(result.inventory().disruptionBudgets()).containsExactly(
                new DisruptionBudget("web", null, at(30, 5), LabelSelector.of(Map.of("app", "web")), Setting.unset(at(30, 5)),
                        Setting.of("1", at(34, 7))));
        assertThat(result.inventory().disruptionBudgets().getFirst().selector().matches(web.podLabels())).isTrue();
    }

    @Test
    void aServiceOfAnotherApiGroupIsNoCoreServiceButItsPodTemplateIsRead() {
        LoadResult result = load("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: hello}
                spec:
                  template:
                    spec:
                      containers:
                        - image: hello:1
                ---
                apiVersion: example.com/v1
                kind: PodDisruptionBudget
                metadata: {name: custom}
                """);

        assertThat(result.diagnostics()).containsExactly(
                new Diagnostic(Diagnostic.Level.INFO, at(11, 1), "skipped 1 object of kinds not checked: PodDisruptionBudget"));
        assertThat(result.inventory().services()).isEmpty();
        assertThat(result.inventory().disruptionBudgets()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(Workload::description)
                .containsExactly("Service 'hello' (spec.template)");
    }

    @Test
    void otherKindsAreCountedInOneInfoPerFile() {
        LoadResult result = load("""
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata: {name: high}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w1}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w2}
                """);

        assertThat(result.diagnostics()).containsExactly(new Diagnostic(Diagnostic.Level.INFO, at(2, 1),
                "skipped 3 objects of kinds not checked: PriorityClass, Widget"));
    }

    @Test
    void aSyntaxErrorKeepsTheDocumentsBeforeIt() {
        // a Helm template is not YAML: the error is a diagnostic, never a crash
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: before
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                ---
                {{- if .Values.enabled }}
                apiVersion: v1
                kind: Pod
                {{- end }}
                """);

        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("before");
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(diagnostic.origin()).isEqualTo(at(10, 3));
            assertThat(diagnostic.message()).startsWith("YAML syntax error");
        });
    }

    @Test
    void aDocumentThatIsNoMappingIsReportedAndTheNextOneStillRead() {
        LoadResult result = load("""
                - just
                - a list
                ---
                plain text
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: after
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(1, 1), "a Kubernetes object should be a mapping, not a list"),
                Diagnostic.warning(at(4, 1), "a Kubernetes object should be a mapping, not a scalar"));
        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("after");
    }

    @Test
    void anObjectWithoutKindIsSkippedAndOneWithoutApiVersionStillRead() {
        LoadResult result = load("""
                apiVersion: v1
                metadata:
                  name: nameless-kind
                ---
                kind: Pod
                metadata:
                  name: no-api-version
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(1, 1), "the object has no 'kind'; skipped"),
                Diagnostic.warning(at(5, 1), "the object has no 'apiVersion'"));
        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("no-api-version");
    }

    @Test
    void containersThatAreNoListAreReportedAndTheWorkloadKept() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers: nginx
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(8, 19), "'containers' should be a list, not a scalar"));
        assertThat(result.inventory().workloads()).singleElement()
                .satisfies(workload -> assertThat(workload.containers()).isEmpty());
    }

    @Test
    void aWorkloadWithoutPodSpecIsReported() {
        LoadResult result = load("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                """);

        assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(at(2, 1),
                "CronJob 'nightly' has no pod spec at 'spec.jobTemplate.spec.template.spec'"));
        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("nightly");
    }

    @Test
    void aContainerWithoutANameIsReportedAndStillChecked() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - image: nginx:1.27
                      securityContext:
                        privileged: true
                    - just-a-string
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(7, 7), "a container without a 'name'"),
                Diagnostic.warning(at(10, 7), "an item of 'containers' should be a mapping, not a scalar"));
        Container container = result.inventory().workloads().getFirst().containers().getFirst();
        assertThat(container.name()).isEqualTo("<unnamed>");
        assertThat(container.origin()).isEqualTo(at(7, 7));
        assertThat(container.privileged().isTrue()).isTrue();
    }

    @Test
    void valuesOfTheWrongTypeAreReportedWhereTheyAreWritten() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: [app, web]
                spec:
                  replicas: many
                  template:
                    spec:
                      hostNetwork: yes-please
                      containers:
                        - name: app
                          image: [nginx]
                          securityContext:
                            privileged: sometimes
                          ports: 80
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(5, 11), "'labels' should be a mapping, not a list"),
                Diagnostic.warning(at(7, 13), "'replicas' should be a whole number, not a scalar"),
                Diagnostic.warning(at(10, 20), "'hostNetwork' should be true or false, not a scalar"),
                Diagnostic.warning(at(13, 18), "'image' should be a string, not a list"),
                Diagnostic.warning(at(15, 25), "'privileged' should be true or false, not a scalar"),
                Diagnostic.warning(at(16, 18), "'ports' should be a list, not a scalar"));
        Workload workload = result.inventory().workloads().getFirst();
        assertThat(workload.replicas().isSet()).isFalse();
        Container container = workload.containers().getFirst();
        assertThat(container.image().isSet()).isFalse();
        assertThat(container.privileged().isSet()).isFalse();
        assertThat(container.networkMode().isSet()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "---\n", "42", "kind: [Pod]", "kind: List\nitems: {a: 1}", "kind: Pod\nspec: []",
            "kind: Pod\nmetadata: []\nspec:\n  containers: [{name: a, env: 3, envFrom: [1], volumeMounts: [{}]}]",
            "&a [*a]", "kind: Pod\nspec: &s\n  containers:\n    - name: a\n  x: *s", "\t\u0000garbage: {",
            "kind: Service\nspec: []", "kind: Service\nspec: {selector: [a], ports: {a: 1}, type: [x], clusterIP: {}}",
            "kind: Service\nspec: {ports: [{port: [80], targetPort: {a: 1}}, [], null]}",
            "kind: PodDisruptionBudget\nspec: {selector: {matchExpressions: {a: 1}, matchLabels: [x]}}",
            "kind: PodDisruptionBudget\nspec: {selector: {matchExpressions: [{key: [k], operator: {}, values: x}, null]}}",
            "kind: StatefulSet\nspec: {volumeClaimTemplates: [{metadata: []}, null], updateStrategy: [], serviceName: {},"
                    + " template: {spec: {hostAliases: [{ip: [1], hostnames: x}, {}], affinity: [], nodeSelector: [],"
                    + " topologySpreadConstraints: {}, volumes: [{name: v, emptyDir: [x]}]}}}",
            "kind: Deployment\nspec: {strategy: {type: [x], rollingUpdate: []}, template: {spec: {affinity: {podAntiAffinity: 1}}}}"})
    void neverThrowsOnMalformedInput(String text) {
        assertThatCode(() -> load(text)).doesNotThrowAnyException();
    }
}
