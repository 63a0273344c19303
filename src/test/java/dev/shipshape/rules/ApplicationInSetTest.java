package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.load.yaml.JsonDocument;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationInSetTest {

    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            %s
            spec:
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            %s
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """;

    private static String ingress(String metadata) {
        return INGRESS.formatted(metadata);
    }

    private static String deployment(String metadata) {
        return DEPLOYMENT.formatted(metadata);
    }

    /** Loads each (path, text) pair as a file of that path, and asks about the Ingress of the first. */
    private static boolean holdsIngressApplication(String... pathsAndTexts) {
        Inventory.Builder set = Inventory.builder();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            set.addAll(new KubernetesLoader().load(pathsAndTexts[i], pathsAndTexts[i + 1]).inventory());
        }
        Inventory inventory = set.build();
        Route route = inventory.kubernetes().routes().getFirst();
        return ApplicationInSet.of(inventory).holds(route.origin(), route.namespace());
    }

    @Test
    void anUnlabelledObjectsApplicationIsItsFolderAndNamespace() {
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/deployment.yaml", deployment(""))).isTrue();
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "blog/deployment.yaml", deployment(""))).isFalse();
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/deployment.yaml", deployment("  namespace: blog")))
                .isFalse();
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress("  namespace: default"), "shop/deployment.yaml", deployment("")))
                .as("an unstated namespace is default").isTrue();
    }

    @Test
    void aFolderThatHoldsTheOtherCounts() {
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/base/deployment.yaml", deployment(""))).isTrue();
        assertThat(holdsIngressApplication("shop/overlays/prod/ingress.yaml", ingress(""), "shop/deployment.yaml", deployment(""))).isTrue();
        assertThat(holdsIngressApplication("ingress.yaml", ingress(""), "k8s/deployment.yaml", deployment("")))
                .as("the current folder holds every relative one").isTrue();
        assertThat(holdsIngressApplication("shop/overlays/prod/ingress.yaml", ingress(""), "shop/base/deployment.yaml", deployment("")))
                .as("sibling folders are separate").isFalse();
        assertThat(holdsIngressApplication("/srv/shop/ingress.yaml", ingress(""), "shop/deployment.yaml", deployment(""))).isFalse();
    }

    @Test
    void theSameFileCountsWhateverTheNamespace() {
        assertThat(holdsIngressApplication("shop.yaml", ingress("") + "---\n" + deployment("  namespace: staging"))).isTrue();
    }

    @Test
    void onlyObjectsThatRunOrFrontPodsShowTheApplication() {
        String otherIngress = ingress("").replace("name: web", "name: admin");
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/admin.yaml", otherIngress)).isFalse();
        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {a: b}\n";
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/config.yaml", configMap)).isFalse();
        String service = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n";
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/service.yaml", service)).isTrue();
        String prometheus = "apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s}\nspec: {replicas: 2}\n";
        assertThat(holdsIngressApplication("shop/ingress.yaml", ingress(""), "shop/prometheus.yaml", prometheus)).isTrue();
    }

    @Test
    void aLabelledObjectsApplicationIsItsLabelWherever() {
        for (String label : ApplicationInSet.APPLICATION_LABELS) {
            String own = "  labels: {%s: shop}".formatted(label);
            assertThat(holdsIngressApplication("a/ingress.yaml", ingress(own), "b/deployment.yaml", deployment(own))).as(label).isTrue();
            assertThat(holdsIngressApplication("a/ingress.yaml", ingress(own), "a/deployment.yaml",
                    deployment("  labels: {%s: blog}".formatted(label)))).as(label).isFalse();
        }
        assertThat(holdsIngressApplication("a/ingress.yaml", ingress("  labels: {release: shop}"), "a/deployment.yaml",
                deployment("  labels: {app.kubernetes.io/instance: shop}"))).as("the same value of another label").isFalse();
        assertThat(holdsIngressApplication("shop.yaml", ingress("  labels: {release: shop}") + "---\n" + deployment("")))
                .as("labels decide, also within one file").isFalse();
    }

    @Test
    void liveObjectsShareTheCluster() throws Exception {
        Inventory inventory = Inventory.builder()
                .addAll(new KubernetesLoader().load("shop/deployment.yaml", deployment("")).inventory())
                .build();
        ApplicationInSet applications = ApplicationInSet.of(inventory);
        assertThat(applications.holds(Origin.live("Ingress/default/web"), null)).as("a live object and a file").isFalse();

        JsonNode deployment = new ObjectMapper().readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "default"},
                 "spec": {"selector": {"matchLabels": {"app": "web"}}, "template": {"metadata": {"labels": {"app": "web"}},
                  "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}""");
        Inventory live = new KubernetesLoader().load(List.of(JsonDocument.live("Deployment/default/web", deployment))).inventory();
        assertThat(ApplicationInSet.of(live).holds(Origin.live("Ingress/default/web"), "default")).isTrue();
        assertThat(ApplicationInSet.of(live).holds(Origin.live("Ingress/shop/web"), "shop")).isFalse();
    }
}
