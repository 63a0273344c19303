package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each kind keeps its pod spec, and what a workload takes from its object. */
class WorkloadReaderTest {

    private static final String FILE = "app.k8s.yaml";

    private static Workload onlyWorkload(String yaml) {
        LoadResult result = new KubernetesLoader().load(FILE, yaml);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).hasSize(1);
        return result.inventory().workloads().getFirst();
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    /** A pod template (metadata + spec) indented to sit under the given path of keys. */
    private static String manifest(String apiVersion, String kind, String... pathToTemplate) {
        StringBuilder yaml = new StringBuilder("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: web\n");
        String indent = "";
        if (pathToTemplate.length == 0) {
            yaml.append("spec:\n  restartPolicy: Never\n  containers:\n    - name: app\n      image: nginx:1.27\n");
            return yaml.toString();
        }
        yaml.append("spec:\n  replicas: 3\n");
        indent = "  ";
        for (String key : pathToTemplate) {
            yaml.append(indent).append(key).append(":\n");
            indent += "  ";
        }
        yaml.append(indent).append("metadata:\n").append(indent).append("  labels:\n")
                .append(indent).append("    app: web\n")
                .append(indent).append("spec:\n").append(indent).append("  restartPolicy: Never\n")
                .append(indent).append("  containers:\n").append(indent).append("    - name: app\n")
                .append(indent).append("      image: nginx:1.27\n");
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Deployment,            apps/v1, true",
            "ReplicaSet,            apps/v1, true",
            "ReplicationController, v1,      true",
            "StatefulSet,           apps/v1, true",
            "DaemonSet,             apps/v1, false",
            "Job,                   batch/v1, false"})
    void findsThePodSpecUnderSpecTemplate(String kind, String apiVersion, boolean hasReplicas) {
        Workload workload = onlyWorkload(manifest(apiVersion, kind, "template"));

        assertThat(workload.kind()).isEqualTo(kind);
        assertThat(workload.source()).isEqualTo(SourceKind.KUBERNETES);
        assertThat(workload.origin()).isEqualTo(at(2, 1));
        assertThat(workload.replicas()).isEqualTo(hasReplicas ? Setting.of(3, at(6, 3)) : Setting.unset(at(2, 1)));
        assertThat(workload.restartPolicy()).isEqualTo(Setting.of("Never", at(12, 7)));
        assertThat(workload.podLabels()).isEqualTo(Map.of("app", "web"));
        assertThat(workload.containers()).singleElement().satisfies(container -> {
            assertThat(container.description()).isEqualTo("container 'app' in " + kind + " 'web'");
            assertThat(container.origin()).isEqualTo(at(14, 11));
            assertThat(container.image()).isEqualTo(Setting.of("nginx:1.27", at(15, 11)));
        });
        assertThat(workload.lastLine()).isEqualTo(15);
        // nothing written about rollout, placement, hosts or claims: unset at the workload, or empty
        assertThat(workload.rollout()).isEqualTo(Rollout.unset(at(2, 1)));
        assertThat(workload.scheduling()).isEqualTo(Scheduling.unset(at(2, 1)));
        assertThat(workload.serviceName()).isEqualTo(Setting.unset(at(2, 1)));
        assertThat(workload.claimTemplates()).isEmpty();
        assertThat(workload.extraHosts()).isEmpty();
        assertThat(workload.dependencies()).isEmpty();
        assertThat(workload.links()).isEmpty();
    }

    @Test
    void findsACronJobsPodSpecUnderItsJobTemplate() {
        Workload workload = onlyWorkload(manifest("batch/v1", "CronJob", "jobTemplate", "spec", "template"));

        assertThat(workload.replicas()).isEqualTo(Setting.unset(at(2, 1)));
        assertThat(workload.restartPolicy()).isEqualTo(Setting.of("Never", at(14, 11)));
        assertThat(workload.podLabels()).isEqualTo(Map.of("app", "web"));
        assertThat(workload.containers()).extracting(Container::origin).containsExactly(at(16, 15));
        assertThat(workload.containers()).extracting(Container::description)
                .containsExactly("container 'app' in CronJob 'web'");
    }

    @Test
    void findsAPodsSpecUnderSpec() {
        Workload workload = onlyWorkload(manifest("v1", "Pod"));

        assertThat(workload.replicas()).isEqualTo(Setting.unset(at(2, 1)));
        assertThat(workload.restartPolicy()).isEqualTo(Setting.of("Never", at(6, 3)));
        assertThat(workload.containers()).extracting(Container::origin).containsExactly(at(8, 7));
        assertThat(workload.containers()).extracting(Container::description).containsExactly("container 'app' in Pod 'web'");
    }

    @Test
    void takesNameNamespaceAndLabelsFromMetadataAndPodLabelsFromTheTemplate() {
        Workload workload = onlyWorkload("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop
                  labels:
                    tier: backend
                    tier: api
                spec:
                  template:
                    metadata:
                      labels:
                        app: api
                        app: api-v2
                    spec:
                      containers:
                        - name: app
                          image: api:1
                """);

        assertThat(workload.name()).isEqualTo("api");
        assertThat(workload.namespace()).isEqualTo("shop");
        assertThat(workload.labels()).containsExactly(
                new KeyValue("tier", "backend", at(7, 5)), new KeyValue("tier", "api", at(8, 5)));
        assertThat(workload.podLabels()).isEqualTo(Map.of("app", "api-v2"));
        assertThat(workload.replicas()).isEqualTo(Setting.unset(at(2, 1)));
        assertThat(workload.restartPolicy()).isEqualTo(Setting.unset(at(2, 1)));
    }

    @Test
    void aPodsOwnLabelsAreItsPodLabels() {
        Workload workload = onlyWorkload("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(workload.labels()).containsExactly(new KeyValue("app", "web", at(6, 5)));
        assertThat(workload.podLabels()).isEqualTo(Map.of("app", "web"));
        assertThat(workload.namespace()).isNull();
    }

    @Test
    void fallsBackToGenerateNameThenToUnnamed() {
        Workload generated = onlyWorkload("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  generateName: migrate-
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: migrate:1
                """);
        Workload unnamed = onlyWorkload("""
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(generated.name()).isEqualTo("migrate-");
        assertThat(unnamed.name()).isEqualTo("<unnamed>");
        assertThat(unnamed.containers().getFirst().description()).isEqualTo("container 'app' in Pod '<unnamed>'");
    }
}
