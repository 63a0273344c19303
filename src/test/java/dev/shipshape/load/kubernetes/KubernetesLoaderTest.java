package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Workload;
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
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                ---
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
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web}
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).isEmpty();
    }

    @Test
    void otherKindsAreCountedInOneInfoPerFile() {
        LoadResult result = load("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
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
                "skipped 3 objects of kinds not checked: ConfigMap, Widget"));
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
            "&a [*a]", "kind: Pod\nspec: &s\n  containers:\n    - name: a\n  x: *s", "\t\u0000garbage: {"})
    void neverThrowsOnMalformedInput(String text) {
        assertThatCode(() -> load(text)).doesNotThrowAnyException();
    }
}
