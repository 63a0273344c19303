package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.ServiceEndpoint.ServicePort;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A core Service: its selector, type, headlessness and ports. */
class ServiceReaderTest {

    private static final String FILE = "svc.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static List<ServiceEndpoint> services(String yaml) {
        LoadResult result = load(yaml);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).isEmpty();
        return result.inventory().services();
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void readsSelectorTypeAndPortsWithTheirOrigins() {
        List<ServiceEndpoint> services = services("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                spec:
                  type: NodePort
                  selector:
                    app: web
                    tier: "1"
                  ports:
                    - name: http
                      port: 80
                      targetPort: http
                    - port: 8443
                      targetPort: 8443
                      nodePort: 30443
                    - port: 9090
                """);

        assertThat(services).containsExactly(new ServiceEndpoint("web", "shop", at(2, 1),
                LabelSelector.of(Map.of("app", "web", "tier", "1")), true, at(8, 3), false, "NodePort", List.of(
                        new ServicePort("80", Setting.of("http", at(14, 7)), at(12, 7), "http"),
                        new ServicePort("8443", Setting.of("8443", at(16, 7)), at(15, 7)),
                        // no targetPort: the same as port, unset at the port's item
                        new ServicePort("9090", Setting.unset(at(18, 7)), at(18, 7))), at(7, 3), List.of(), List.of()));
        assertThat(services.getFirst().description()).isEqualTo("Service 'web'");
    }

    @Test
    void keepsTheAnnotationsEachAtItsKey() {
        List<ServiceEndpoint> services = services("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    networking.gke.io/load-balancer-type: Internal
                    example.com/count: 3
                spec:
                  type: LoadBalancer
                  selector: {app: api}
                """);

        assertThat(services.getFirst().annotations()).containsExactly(
                new KeyValue("networking.gke.io/load-balancer-type", "Internal", at(6, 5)),
                new KeyValue("example.com/count", "3", at(7, 5)));
    }

    @Test
    void clusterIpNoneIsHeadlessAndTheTypeDefaultsToClusterIp() {
        List<ServiceEndpoint> services = services("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: db-headless
                spec:
                  clusterIP: None
                  selector: {app: db}
                  ports:
                    - {port: 5432, name: pg}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                spec:
                  clusterIP: 192.0.2.20
                  selector: {app: db}
                """);

        assertThat(services).containsExactly(
                new ServiceEndpoint("db-headless", null, at(2, 1), LabelSelector.of(Map.of("app", "db")), true, at(7, 3),
                        true, "ClusterIP", List.of(new ServicePort("5432", Setting.unset(at(9, 7)), at(9, 7), "pg"))),
                new ServiceEndpoint("db", null, at(12, 1), LabelSelector.of(Map.of("app", "db")), true, at(17, 3),
                        false, "ClusterIP", List.of()));
    }

    @Test
    void aServiceWithoutOrWithAnEmptySelectorHasNone() {
        List<ServiceEndpoint> services = services("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: external
                spec:
                  type: ExternalName
                  externalName: db.example.com
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: empty-selector
                spec:
                  selector: {}
                  ports:
                    - port: 80
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: bare}
                """);

        LabelSelector none = LabelSelector.of(Map.of());
        assertThat(services).containsExactly(
                // the selector's origin is its key when written, else the Service's kind
                new ServiceEndpoint("external", null, at(2, 1), none, false, at(2, 1), false, "ExternalName", List.of(),
                        at(6, 3), List.of(), List.of()),
                new ServiceEndpoint("empty-selector", null, at(10, 1), none, false, at(14, 3), false, "ClusterIP",
                        List.of(new ServicePort("80", Setting.unset(at(16, 7)), at(16, 7)))),
                new ServiceEndpoint("bare", null, at(19, 1), none, false, at(19, 1), false, "ClusterIP", List.of()));
    }

    @Test
    void selectorValuesAndPortsThatCannotBeReadAreReportedAndTheRestKept() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: [web]
                    tier: api
                  ports:
                    - targetPort: 8080
                    - 80
                    - port: 81
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(7, 10), "the label 'app' should be a string, not a list"),
                Diagnostic.warning(at(10, 7), "a Service port without 'port'"),
                Diagnostic.warning(at(11, 7), "an item of 'ports' should be a mapping, not a scalar"));
        assertThat(result.inventory().services()).containsExactly(new ServiceEndpoint("web", null, at(2, 1),
                LabelSelector.of(Map.of("tier", "api")), true, at(6, 3), false, "ClusterIP",
                List.of(new ServicePort("81", Setting.unset(at(12, 7)), at(12, 7)))));
    }
}
