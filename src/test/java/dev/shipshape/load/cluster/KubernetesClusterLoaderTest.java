package dev.shipshape.load.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.cluster.RealKubernetesCluster;
import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live reader against a real kube-apiserver 1.20: pages, the versions 1.20 serves, Secrets without their values. */
class KubernetesClusterLoaderTest {

    private static RealKubernetesCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RealKubernetesCluster.shared();
    }

    private static ClusterTarget namespace(String namespace) {
        return new ClusterTarget(Optional.of(cluster.kubeconfig().toString()), Optional.empty(), Optional.of(namespace));
    }

    @Test
    void readsEveryPageAndTheVersionsTheServerServes() throws Exception {
        String ns = "paged";
        cluster.kubectl("create", "namespace", ns);
        for (int i = 0; i < 7; i++) {
            cluster.kubectl("create", "deployment", "app-" + i, "--namespace", ns, "--image", "registry.example.com/app:1." + i);
        }
        cluster.kubectlWithNamespace(ns, """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers: [{name: backup, image: "registry.example.com/backup:2.0"}]
                ---
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: app-0}
                spec:
                  minAvailable: 1
                  selector: {matchLabels: {app: app-0}}
                """);

        KubernetesClusterLoader.Audited audited = new KubernetesClusterLoader(3, 2).load(namespace(ns), Map.of());

        assertThat(audited.serverVersion()).isEqualTo("v1.20.2");
        assertThat(audited.objectsRead()).isEqualTo(9);
        assertThat(audited.result().inventory().workloads()).extracting(Workload::kind, Workload::name).containsExactlyInAnyOrder(
                tuple("CronJob", "nightly"),
                tuple("Deployment", "app-0"), tuple("Deployment", "app-1"),
                tuple("Deployment", "app-2"), tuple("Deployment", "app-3"),
                tuple("Deployment", "app-4"), tuple("Deployment", "app-5"),
                tuple("Deployment", "app-6"));
        assertThat(audited.result().inventory().disruptionBudgets()).extracting(DisruptionBudget::name).containsExactly("app-0");
        assertThat(audited.result().inventory().workloads()).allSatisfy(workload ->
                assertThat(workload.origin().toString()).isEqualTo(workload.kind() + "/paged/" + workload.name()));
    }

    @Test
    void secretsAreListedWithoutTheirValues() throws Exception {
        String ns = "secret-values";
        cluster.kubectl("create", "namespace", ns);
        cluster.kubectl("create", "secret", "generic", "db", "--namespace", ns, "--from-literal=password=hunter2");
        ClusterKind secrets = ClusterKinds.ALL.stream().filter(kind -> kind.kind().equals("Secret")).findFirst().orElseThrow();

        try (ClusterConnection connection = ClusterConnection.open(namespace(ns), Map.of())) {
            List<ObjectNode> listed = new PagedList(connection, 500).all(secrets, "v1", Optional.of(ns));
            assertThat(listed).singleElement().satisfies(secret -> {
                assertThat(secret.properties()).extracting(Map.Entry::getKey).containsExactly("apiVersion", "kind", "metadata");
                assertThat(secret.path("metadata").path("name").asText()).isEqualTo("db");
                assertThat(secret.toString()).doesNotContain("aHVudGVyMg==").doesNotContain("hunter2");
            });
        }
    }
}
