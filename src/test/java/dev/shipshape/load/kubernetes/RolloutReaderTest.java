package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Deployment's strategy, a StatefulSet's or DaemonSet's updateStrategy; nothing for the other kinds. */
class RolloutReaderTest {

    private static final String FILE = "app.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Workload onlyWorkload(String yaml) {
        LoadResult result = load(yaml);
        assertThat(result.diagnostics()).isEmpty();
        return result.inventory().workloads().getFirst();
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void readsADeploymentsStrategyTypeAndMaxUnavailableAtTheirKeys() {
        Workload workload = onlyWorkload("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  strategy:
                    type: RollingUpdate
                    rollingUpdate:
                      maxSurge: 1
                      maxUnavailable: 25%
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(workload.rollout()).isEqualTo(new Rollout(
                Setting.of("RollingUpdate", at(7, 5)), Setting.of("25%", at(10, 7)),
                Setting.unset(at(2, 1)), Setting.unset(at(2, 1))));
    }

    @Test
    void aRecreateDeploymentHasNoMaxUnavailable() {
        Workload workload = onlyWorkload("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: db
                spec:
                  strategy: {type: Recreate}
                  template:
                    spec:
                      containers:
                        - name: app
                          image: postgres:17
                """);

        assertThat(workload.rollout()).isEqualTo(new Rollout(
                Setting.of("Recreate", at(6, 14)), Setting.unset(at(2, 1)), Setting.unset(at(2, 1)), Setting.unset(at(2, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"StatefulSet", "DaemonSet"})
    void readsTheUpdateStrategyOfStatefulSetsAndDaemonSets(String kind) {
        Workload workload = onlyWorkload("""
                apiVersion: apps/v1
                kind: %s
                metadata:
                  name: agent
                spec:
                  updateStrategy:
                    type: OnDelete
                    rollingUpdate:
                      maxUnavailable: 2
                  template:
                    spec:
                      containers:
                        - name: app
                          image: agent:1
                """.formatted(kind));

        assertThat(workload.rollout().strategy()).isEqualTo(Setting.of("OnDelete", at(7, 5)));
        assertThat(workload.rollout().maxUnavailable()).isEqualTo(Setting.of("2", at(9, 7)));
    }

    @Test
    void aDeploymentWithoutStrategyOrWithoutTypeLeavesItUnsetAtTheWorkload() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: plain
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: surge-only
                spec:
                  strategy:
                    rollingUpdate:
                      maxUnavailable: 0
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(Workload::rollout).containsExactly(
                Rollout.unset(at(2, 1)),
                new Rollout(Setting.unset(at(13, 1)), Setting.of("0", at(19, 7)), Setting.unset(at(13, 1)), Setting.unset(at(13, 1))));
    }

    @Test
    void kindsWithoutAnUpdateStrategyIgnoreOneWritten() {
        // a Pod has no rollout, whatever its spec says; a Deployment's "updateStrategy" is not its key
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: one
                spec:
                  strategy: {type: Recreate}
                  containers:
                    - name: app
                      image: nginx:1.27
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: two
                spec:
                  updateStrategy: {type: OnDelete}
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.inventory().workloads()).extracting(Workload::rollout)
                .containsExactly(Rollout.unset(at(2, 1)), Rollout.unset(at(12, 1)));
    }

    @Test
    void aStrategyThatIsNoMappingIsReported() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  strategy: Recreate
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(6, 13), "'strategy' should be a mapping, not a scalar"));
        assertThat(result.inventory().workloads().getFirst().rollout()).isEqualTo(Rollout.unset(at(2, 1)));
    }
}
