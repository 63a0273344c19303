package dev.shipshape.rules.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Kubernetes workloads from different files meet on a node. */
class HostPortConflictTest {

    @Test
    void twoDeploymentsFromDifferentFilesAreAlternativesTheSchedulerKeepsApart() {
        assertThat(findings(workload("Deployment", "minio", "standalone.yaml"), workload("Deployment", "minio-distributed", "distributed.yaml")))
                .isEmpty();
    }

    @Test
    void aDaemonSetHoldsThePortOnEveryNode() {
        assertThat(findings(workload("DaemonSet", "node-exporter", "exporter.yaml"), workload("Deployment", "agent", "agent.yaml")))
                .extracting(Finding::origin, Finding::message)
                .containsExactly(tuple(Origin.at("exporter.yaml", 21, 15),
                        "container 'node-exporter' in DaemonSet 'node-exporter' publishes host port 9100/tcp, which container "
                                + "'agent' in Deployment 'agent' already publishes (agent.yaml:21): a node can run only one of them"));
    }

    @Test
    void twoManifestsOfOneObjectDoNotClash() {
        assertThat(findings(workload("DaemonSet", "node-exporter", "base/exporter.yaml"),
                workload("DaemonSet", "node-exporter", "overlays/prod/exporter.yaml"))).isEmpty();
    }

    @Test
    void composeServicesClashOnlyWithinOneFile() {
        assertThat(findings(compose("web", "compose.yaml"), compose("web2", "other/compose.yaml"))).isEmpty();
        assertThat(findings(compose("web", "compose.yaml"), compose("web2", "compose.yaml"))).hasSize(1);
    }

    private static List<Finding> findings(Workload... workloads) {
        Inventory.Builder inventory = Inventory.builder();
        for (Workload workload : workloads) inventory.add(workload);
        return new HostPortConflict().check(inventory.build()).toList();
    }

    private static Workload workload(String kind, String name, String file) {
        Origin at = Origin.at(file, 21, 15);
        ContainerBuilder container = Container.builder(name, "container '" + name + "' in " + kind + " '" + name + "'", false,
                Origin.at(file, 16, 11));
        container.ports.add(new Port(Setting.unset(at), "9100", "9100", "tcp", at));
        return new Workload(kind, name, null, SourceKind.KUBERNETES, Origin.at(file, 2, 1), 30, Setting.unset(at),
                Setting.unset(at), List.of(container.build()), List.of(), Map.of("app", name));
    }

    private static Workload compose(String name, String file) {
        Origin service = Origin.at(file, name.length(), 3);
        Origin port = Origin.at(file, name.length() + 3, 9);
        ContainerBuilder container = Container.builder(name, "service '" + name + "'", false, service);
        container.ports.add(new Port(Setting.unset(port), "8080", "80", "tcp", port));
        return new Workload("service", name, null, SourceKind.COMPOSE, service, 10, Setting.unset(service),
                Setting.unset(service), List.of(container.build()), List.of(), Map.of());
    }
}
