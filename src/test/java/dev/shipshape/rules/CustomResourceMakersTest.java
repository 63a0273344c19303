package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.LabelSelector.Requirement;
import dev.shipshape.model.ObjectIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourceMakersTest {

    private static final CustomResourceMakers MAKERS = CustomResourceMakers.of(new KubernetesLoader().load("monitoring.yaml", """
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: {name: k8s, namespace: monitoring, labels: {team: platform}}
            spec: {replicas: 2}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: Alertmanager
            metadata: {name: example, namespace: monitoring}
            spec: {replicas: 3}
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: Kafka
            metadata: {name: events}
            spec: {kafka: {replicas: 3}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: monitoring}
            spec:
              selector: {matchLabels: {app: web}}
              template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx:1.27}]}}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: monitoring}
            spec: {gatewayClassName: nginx}
            """).inventory());

    private static List<String> names(List<ObjectIdentity> resources) {
        return resources.stream().map(ObjectIdentity::description).toList();
    }

    @Test
    void podsFitWhenNameKindOrLabelsAccountForEveryRequiredLabel() {
        assertThat(names(MAKERS.couldMakePods(LabelSelector.of(Map.of("app.kubernetes.io/name", "prometheus", "prometheus", "k8s")), "monitoring")))
                .containsExactly("Prometheus 'k8s'");
        assertThat(names(MAKERS.couldMakePods(LabelSelector.of(Map.of("team", "platform")), "monitoring"))).containsExactly("Prometheus 'k8s'");
        assertThat(names(MAKERS.couldMakePods(LabelSelector.of(Map.of("strimzi.io/name", "events-kafka")), null)))
                .as("a name the resource's name starts").containsExactly("Kafka 'events'");
        assertThat(names(MAKERS.couldMakePods(new LabelSelector(Map.of(), List.of(new Requirement("app", "In", List.of("alertmanager", "x")))),
                "monitoring"))).containsExactly("Alertmanager 'example'");
    }

    @Test
    void podsDoNotFitWhenOneRequiredLabelIsUnaccountedFor() {
        assertThat(MAKERS.couldMakePods(LabelSelector.of(Map.of("app.kubernetes.io/name", "alertmanager", "alertmanager", "main")), "monitoring"))
                .isEmpty();
        assertThat(MAKERS.couldMakePods(LabelSelector.of(Map.of("app.kubernetes.io/name", "prometheus")), "default"))
                .as("another namespace").isEmpty();
        assertThat(MAKERS.couldMakePods(new LabelSelector(Map.of(), List.of(new Requirement("app", "NotIn", List.of("x")))), "monitoring"))
                .as("a selector that requires no label fits nothing").isEmpty();
        assertThat(MAKERS.couldMakePods(LabelSelector.of(Map.of("app", "web")), "monitoring"))
                .as("a Deployment is no custom resource; a Gateway is one, but 'web' is not its name").isEmpty();
    }

    @Test
    void kindsNamedBySelectorAreListedEvenWhenTheyDoNotFit() {
        LabelSelector main = LabelSelector.of(Map.of("app.kubernetes.io/name", "alertmanager", "alertmanager", "main"));
        assertThat(names(MAKERS.ofKindsNamedBy(main, "monitoring"))).containsExactly("Alertmanager 'example'");
        assertThat(CustomResourceMakers.describe(MAKERS.ofKindsNamedBy(main, "monitoring"))).isEqualTo("Alertmanager 'example'");
        assertThat(MAKERS.ofKindsNamedBy(LabelSelector.of(Map.of("app", "web")), "monitoring")).isEmpty();
    }

    @Test
    void namedObjectsFitOperatorNamingHabits() {
        assertThat(names(MAKERS.couldMakeNamed("events-kafka-bootstrap", null))).containsExactly("Kafka 'events'");
        assertThat(names(MAKERS.couldMakeNamed("events", "default"))).containsExactly("Kafka 'events'");
        assertThat(names(MAKERS.couldMakeNamed("my-events", "default"))).containsExactly("Kafka 'events'");
        assertThat(names(MAKERS.couldMakeNamed("prometheus-operated", "monitoring"))).containsExactly("Prometheus 'k8s'");
        assertThat(names(MAKERS.couldMakeNamed("alertmanager-example-0", "monitoring"))).containsExactly("Alertmanager 'example'");
        assertThat(MAKERS.couldMakeNamed("eventstore", "default")).as("a name is matched whole, between dashes").isEmpty();
        assertThat(MAKERS.couldMakeNamed("web", "monitoring")).isEmpty();
    }

    @Test
    void describeGroupsByKindAndShortensLongLists() {
        List<ObjectIdentity> many = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new ObjectIdentity("Prometheus", "monitoring.coreos.com/v1", "p" + i, null, Map.of(),
                        dev.shipshape.model.Origin.at("a.yaml", i, 1)))
                .toList();
        List<ObjectIdentity> mixed = new java.util.ArrayList<>(many);
        mixed.add(new ObjectIdentity("Alertmanager", "monitoring.coreos.com/v1", "main", null, Map.of(), dev.shipshape.model.Origin.at("a.yaml", 9, 1)));
        assertThat(CustomResourceMakers.describe(mixed))
                .isEqualTo("Alertmanager 'main'; Prometheus 'p1', 'p2', 'p3', 'p4', 'p5' and 2 more");
    }
}
