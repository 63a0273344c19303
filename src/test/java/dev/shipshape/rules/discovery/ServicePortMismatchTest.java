package dev.shipshape.rules.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.ServiceEndpoint.ServicePort;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a Service port's target is matched against the ports the selected containers declare. */
class ServicePortMismatchTest {

    private static final Origin POD = Origin.at("app.k8s.yaml", 16, 11);
    private static final Origin TARGET = Origin.at("app.k8s.yaml", 40, 7);

    @Test
    void aNumericTargetMatchesAContainerPortByNumber() {
        assertThat(findings(service("80", "8080"), container(port("8080", "http")))).isEmpty();
        assertThat(findings(service("80", "8080"), container(port("08080", null)))).isEmpty();
        assertThat(findings(service("80", "8081"), container(port("8080", "http")))).extracting(Finding::message)
                .containsExactly("Service 'app' port 80 sends traffic to container port 8081, which no container of "
                        + "Deployment 'app' declares (declared: 8080)");
    }

    @Test
    void aNumericTargetIsNotJudgedWhenNoContainerDeclaresPorts() {
        assertThat(findings(service("80", "8081"), container())).isEmpty();
    }

    @Test
    void anUnsetTargetIsTheServicePortItself() {
        assertThat(findings(service("8080", null), container(port("8080", null)))).isEmpty();
        assertThat(findings(service("9000", null), container(port("8080", null)))).extracting(Finding::origin)
                .containsExactly(Origin.at("app.k8s.yaml", 38, 7));
    }

    @Test
    void aNamedTargetMustBeAPortNameExactly() {
        assertThat(findings(service("80", "http"), container(port("8080", "http")))).isEmpty();
        assertThat(findings(service("80", "HTTP"), container(port("8080", "http")))).extracting(Finding::origin)
                .containsExactly(TARGET);
        assertThat(findings(service("80", "http"), container())).extracting(Finding::message)
                .containsExactly("Service 'app' port 80 sends traffic to the port named 'http', which no container of "
                        + "Deployment 'app' declares (no container port has a name)");
    }

    @Test
    void anUndeclaredNumberIsNoEvidenceWhenAnotherPortOfTheServiceMatches() {
        ServiceEndpoint twoPorts = new ServiceEndpoint("app", null, Origin.at("app.k8s.yaml", 30, 1),
                LabelSelector.of(Map.of("app", "app")), true, Origin.at("app.k8s.yaml", 35, 3), false, "ClusterIP",
                List.of(new ServicePort("80", Setting.of("8080", TARGET), TARGET),
                        new ServicePort("5005", Setting.unset(Origin.at("app.k8s.yaml", 42, 7)), Origin.at("app.k8s.yaml", 42, 7))));
        assertThat(new ServicePortMismatch().check(inventory(twoPorts, deployment(List.of(container(port("8080", null))))))
                .toList()).isEmpty();
    }

    @Test
    void aTargetPortOfZeroIsThePortItself() {
        assertThat(findings(service("8080", "0"), container(port("8080", null)))).isEmpty();
        assertThat(findings(service("9000", "0"), container(port("8080", null)))).extracting(Finding::origin)
                .containsExactly(Origin.at("app.k8s.yaml", 38, 7));
    }

    @Test
    void aHeadlessServiceIsNotJudged() {
        ServiceEndpoint headless = new ServiceEndpoint("app", null, Origin.at("app.k8s.yaml", 30, 1),
                LabelSelector.of(Map.of("app", "app")), true, Origin.at("app.k8s.yaml", 35, 3), true, "ClusterIP",
                List.of(new ServicePort("80", Setting.of("web", TARGET), TARGET)));
        assertThat(new ServicePortMismatch().check(inventory(headless, deployment(List.of(container(port("8080", "http"))))))
                .toList()).isEmpty();
    }

    @Test
    void aSidecarInitContainerMayServeThePort() {
        ContainerBuilder sidecar = Container.builder("proxy", "init container 'proxy' in Deployment 'app'", true, POD);
        sidecar.ports.add(port("15001", "proxy"));
        Workload workload = deployment(List.of(container(port("8080", "http")), sidecar.build()));
        assertThat(new ServicePortMismatch().check(inventory(service("80", "proxy"), workload)).toList()).isEmpty();
    }

    private static List<Finding> findings(ServiceEndpoint service, Container container) {
        return new ServicePortMismatch().check(inventory(service, deployment(List.of(container)))).toList();
    }

    private static Inventory inventory(ServiceEndpoint service, Workload workload) {
        return Inventory.builder().add(workload).add(service).build();
    }

    private static ServiceEndpoint service(String port, String targetPort) {
        Origin item = Origin.at("app.k8s.yaml", 38, 7);
        Setting<String> target = targetPort == null ? Setting.unset(item) : Setting.of(targetPort, TARGET);
        return new ServiceEndpoint("app", null, Origin.at("app.k8s.yaml", 30, 1), LabelSelector.of(Map.of("app", "app")),
                true, Origin.at("app.k8s.yaml", 35, 3), false, "ClusterIP", List.of(new ServicePort(port, target, item)));
    }

    private static Container container(Port... ports) {
        ContainerBuilder builder = Container.builder("app", "container 'app' in Deployment 'app'", false, POD);
        builder.ports.addAll(List.of(ports));
        return builder.build();
    }

    private static Port port(String containerPort, String name) {
        return new Port(Setting.unset(POD), null, containerPort, "tcp", POD, name);
    }

    private static Workload deployment(List<Container> containers) {
        return new Workload("Deployment", "app", "default", SourceKind.KUBERNETES, Origin.at("app.k8s.yaml", 2, 1), 25,
                Setting.unset(POD), Setting.unset(POD), containers, List.of(), Map.of("app", "app"));
    }
}
