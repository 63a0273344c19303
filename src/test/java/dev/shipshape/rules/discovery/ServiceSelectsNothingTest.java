package dev.shipshape.rules.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a Service in one file and workloads in others are enough to judge its selector. */
class ServiceSelectsNothingTest {

    private static final Origin SELECTOR = Origin.at("web-service.yaml", 7, 3);

    @Test
    void aServiceFrontingPodsThatNoScannedManifestDescribesIsNotJudged() {
        Inventory inventory = Inventory.builder()
                .add(deployment("worker", "worker-deployment.yaml", Map.of("app", "worker"), List.of()))
                .add(service("prometheus", Map.of("prometheus", "self")))
                .build();
        assertThat(new ServiceSelectsNothing().check(inventory).toList()).isEmpty();
    }

    @Test
    void aWorkloadWithTheServicesNameInAnotherFileShowsWhatItFronts() {
        Inventory inventory = Inventory.builder()
                .add(deployment("web", "web-deployment.yaml", Map.of("app", "web"), List.of()))
                .add(service("web", Map.of("app", "webapp")))
                .build();
        assertThat(new ServiceSelectsNothing().check(inventory).toList()).extracting(Finding::origin).containsExactly(SELECTOR);
    }

    @Test
    void aSelectorThatMatchesAWorkloadsOwnLabelsIsJudged() {
        Inventory inventory = Inventory.builder()
                .add(deployment("frontend", "frontend.yaml", Map.of("app", "frontend"),
                        List.of(new KeyValue("team", "shop", Origin.at("frontend.yaml", 6, 5)))))
                .add(service("shop", Map.of("team", "shop")))
                .build();
        assertThat(new ServiceSelectsNothing().check(inventory).toList()).extracting(Finding::message)
                .containsExactly("Service 'shop' selects team=shop, which matches the pods of no scanned workload in namespace 'default'");
    }

    @Test
    void aWorkloadOfTheSameNameInAnotherNamespaceShowsNothing() {
        Inventory inventory = Inventory.builder()
                .add(new Workload("Deployment", "web", "staging", SourceKind.KUBERNETES, Origin.at("web-deployment.yaml", 2, 1), 20,
                        Setting.unset(SELECTOR), Setting.unset(SELECTOR), List.of(), List.of(), Map.of("app", "web")))
                .add(service("web", Map.of("app", "webapp")))
                .build();
        assertThat(new ServiceSelectsNothing().check(inventory).toList()).isEmpty();
    }

    private static Workload deployment(String name, String file, Map<String, String> podLabels, List<KeyValue> labels) {
        Origin origin = Origin.at(file, 2, 1);
        Container container = Container.builder(name, "container '" + name + "'", false, Origin.at(file, 16, 11)).build();
        return new Workload("Deployment", name, null, SourceKind.KUBERNETES, origin, 20, Setting.unset(origin),
                Setting.unset(origin), List.of(container), labels, podLabels);
    }

    private static ServiceEndpoint service(String name, Map<String, String> selector) {
        return new ServiceEndpoint(name, null, Origin.at("web-service.yaml", 2, 1), LabelSelector.of(selector), true,
                SELECTOR, false, "ClusterIP", List.of());
    }
}
