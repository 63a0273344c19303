package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Suppression;
import org.junit.jupiter.api.Test;

/** {@code ignore.shipshape.dev/<rule>} annotations on objects and pod templates. */
class SuppressionAnnotationsTest {

    private static final String FILE = "app.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void anObjectsAnnotationCoversTheObjectsLines() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: node-agent
                  annotations:
                    ignore.shipshape.dev/host-network: "the agent reads the node's interfaces"
                    description: not a suppression
                    ignore.shipshape.dev/privileged-container:
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      containers:
                        - name: agent
                          image: agent:1
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.suppressions()).containsExactly(
                new Suppression("host-network", "the agent reads the node's interfaces", FILE, 6, 20, at(11, 5)),
                new Suppression("privileged-container", null, FILE, 6, 20, at(13, 5)));
    }

    @Test
    void aPodTemplatesAnnotationCoversTheWholeWorkload() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    metadata:
                      annotations:
                        ignore.shipshape.dev/missing-probe: batch worker, no endpoint
                    spec:
                      containers:
                        - name: app
                          image: app:1
                """);

        assertThat(result.suppressions()).containsExactly(
                new Suppression("missing-probe", "batch worker, no endpoint", FILE, 1, 13, at(9, 9)));
    }

    @Test
    void recognisedKindsOtherThanWorkloadsCarrySuppressionsToo() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    ignore.shipshape.dev/service-selects-nothing: selector set by the operator
                spec:
                  ports:
                    - port: 80
                """);

        assertThat(result.suppressions()).containsExactly(
                new Suppression("service-selects-nothing", "selector set by the operator", FILE, 1, 9, at(6, 5)));
    }

    @Test
    void anItemOfAListIsItsOwnRange() {
        LoadResult result = load("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Pod
                    metadata:
                      name: a
                      annotations:
                        ignore.shipshape.dev/privileged-container: debugging pod
                    spec:
                      containers:
                        - name: app
                          image: app:1
                  - apiVersion: v1
                    kind: Pod
                    metadata:
                      name: b
                    spec:
                      containers:
                        - name: app
                          image: app:1
                """);

        assertThat(result.suppressions()).containsExactly(
                new Suppression("privileged-container", "debugging pod", FILE, 4, 13, at(9, 9)));
    }

    @Test
    void anAnnotationWithoutARuleNameIsReported() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    ignore.shipshape.dev/: everything
                spec:
                  containers:
                    - name: app
                      image: app:1
                """);

        assertThat(result.suppressions()).isEmpty();
        assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(at(6, 5),
                "the annotation 'ignore.shipshape.dev/' names no rule; write ignore.shipshape.dev/<rule-name>"));
    }
}
