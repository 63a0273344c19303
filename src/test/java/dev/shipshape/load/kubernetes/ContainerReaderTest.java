package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.EnvVar.ValueSource;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one container takes from its item: identity, image, ports, environment, probes, limits. */
class ContainerReaderTest {

    private static final String FILE = "pod.k8s.yaml";

    private static List<Container> containers(String yaml) {
        LoadResult result = new KubernetesLoader().load(FILE, yaml);
        assertThat(result.diagnostics()).isEmpty();
        return result.inventory().workloads().getFirst().containers();
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void initAndEphemeralContainersAreNamedForWhatTheyAre() {
        List<Container> containers = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: x
                spec:
                  containers:
                    - name: app
                      image: app:1
                  initContainers:
                    - image: setup:1
                      name: setup
                  ephemeralContainers:
                    - name: dbg
                      image: busybox:1.36
                """);

        assertThat(containers).extracting(Container::description).containsExactly(
                "init container 'setup' in Pod 'x'", "container 'app' in Pod 'x'", "ephemeral container 'dbg' in Pod 'x'");
        assertThat(containers).extracting(Container::init).containsExactly(true, false, false);
        assertThat(containers).extracting(Container::name).containsExactly("setup", "app", "dbg");
        // a container's origin is its name key, wherever it is written in the item
        assertThat(containers).extracting(Container::origin).containsExactly(at(11, 7), at(7, 7), at(13, 7));
        assertThat(containers.getFirst().image()).isEqualTo(Setting.of("setup:1", at(10, 7)));
    }

    @Test
    void readsPortsPublishedOrNot() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      ports:
                        - containerPort: 8080
                          name: http
                        - containerPort: 53
                          protocol: UDP
                          hostPort: 53
                          name: dns
                        - containerPort: 9090
                          hostPort: 9090
                          hostIP: 127.0.0.1
                        - containerPort: 7070
                          hostPort: 0
                """).getFirst();

        // a port keeps its name, published or not (a Service's targetPort may refer to it)
        assertThat(container.ports()).containsExactly(
                new Port(Setting.unset(at(10, 11)), null, "8080", "tcp", at(10, 11), "http"),
                new Port(Setting.unset(at(12, 11)), "53", "53", "udp", at(14, 11), "dns"),
                new Port(Setting.of("127.0.0.1", at(18, 11)), "9090", "9090", "tcp", at(17, 11), null),
                new Port(Setting.unset(at(19, 11)), null, "7070", "tcp", at(19, 11), null));
        assertThat(container.ports()).extracting(Port::isPublished).containsExactly(false, true, true, false);
    }

    @Test
    void readsTheEnvironmentBySourceOfItsValues() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      env:
                        - name: MODE
                          value: production
                        - name: URL
                          value: "http://$(HOST):80"
                        - name: EMPTY
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef: {name: db, key: password}
                        - name: POD_IP
                          valueFrom:
                            fieldRef: {fieldPath: status.podIP}
                      envFrom:
                        - secretRef:
                            name: api-keys
                        - prefix: CFG_
                          configMapRef:
                            name: settings
                """).getFirst();

        assertThat(container.environment()).containsExactly(
                new EnvVar("MODE", "production", ValueSource.LITERAL, false, at(10, 11)),
                new EnvVar("URL", "http://$(HOST):80", ValueSource.LITERAL, true, at(12, 11)),
                new EnvVar("EMPTY", "", ValueSource.LITERAL, false, at(14, 11)),
                new EnvVar("DB_PASSWORD", null, ValueSource.SECRET, false, at(15, 11)),
                new EnvVar("POD_IP", null, ValueSource.REFERENCE, false, at(18, 11)),
                new EnvVar("", null, ValueSource.SECRET, false, at(22, 11)),
                new EnvVar("CFG_", null, ValueSource.REFERENCE, false, at(24, 11)));
    }

    @Test
    void readsProbesAndLimits() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      readinessProbe:
                        httpGet: {path: /ready, port: 8080}
                      livenessProbe:
                        tcpSocket: {port: 8080}
                      startupProbe:
                        exec: {command: [cat, /tmp/started]}
                      resources:
                        requests:
                          memory: 64Mi
                        limits:
                          memory: 128Mi
                          cpu: 0.5
                """).getFirst();

        assertThat(container.probes()).containsExactly(
                new Probe(Probe.Kind.READINESS, false, at(9, 7)),
                new Probe(Probe.Kind.LIVENESS, false, at(11, 7)),
                new Probe(Probe.Kind.STARTUP, false, at(13, 7)));
        assertThat(container.resources()).isEqualTo(new Resources(
                Setting.of("128Mi", at(19, 11)), Setting.of("0.5", at(20, 11)), Setting.unset(at(7, 7)),
                Setting.of("64Mi", at(17, 11)), Setting.unset(at(7, 7))));
    }

    @Test
    void withoutProbesOrLimitsTheyStayUnsetAndARequestIsKept() {
        Container container = containers("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      resources:
                        requests:
                          cpu: 100m
                """).getFirst();

        assertThat(container.probes()).isEmpty();
        assertThat(container.resources()).isEqualTo(new Resources(Setting.unset(at(7, 7)), Setting.unset(at(7, 7)),
                Setting.unset(at(7, 7)), Setting.unset(at(7, 7)), Setting.of("100m", at(10, 11))));
        assertThat(container.image()).isEqualTo(Setting.unset(at(7, 7)));
        assertThat(container.ports()).isEmpty();
        assertThat(container.environment()).isEmpty();
        assertThat(container.mounts()).isEmpty();
    }
}
