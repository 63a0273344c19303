package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SpreadTerm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a pod's replicas may run: anti-affinity, topology spread, nodeSelector. */
class SchedulingReaderTest {

    private static final String FILE = "app.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void readsAntiAffinityTopologySpreadAndEachNodeSelectorEntryAtItsKey() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      nodeSelector:
                        kubernetes.io/os: linux
                        disktype: ssd
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 100
                              podAffinityTerm:
                                topologyKey: kubernetes.io/hostname
                                labelSelector:
                                  matchLabels: {app: web}
                      topologySpreadConstraints:
                        - maxSkew: 1
                          topologyKey: topology.kubernetes.io/zone
                          whenUnsatisfiable: ScheduleAnyway
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.diagnostics()).isEmpty();
        Scheduling scheduling = result.inventory().workloads().getFirst().scheduling();
        assertThat(scheduling).isEqualTo(new Scheduling(Setting.unset(at(2, 1)), true, true, List.of(), List.of(
                Setting.of("kubernetes.io/os=linux", at(9, 9)), Setting.of("disktype=ssd", at(10, 9))), List.of(
                new SpreadTerm(Optional.of(LabelSelector.of(Map.of("app", "web"))), List.of(), Optional.empty(), at(14, 15)),
                // a constraint without labelSelector counts no pod, so it spreads nothing
                new SpreadTerm(Optional.empty(), List.of(), Optional.empty(), at(20, 11)))));
        assertThat(scheduling.spreadsReplicas()).isTrue();
    }

    @Test
    void emptyAntiAffinitySpreadAndSelectorOrOtherAffinitiesSpreadNothing() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: one
                spec:
                  affinity:
                    podAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution: []
                    podAntiAffinity: {}
                  topologySpreadConstraints: []
                  nodeSelector: {}
                  containers:
                    - name: app
                      image: nginx:1.27
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: two
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(workload -> workload.scheduling())
                .containsExactly(Scheduling.unset(at(2, 1)), Scheduling.unset(at(17, 1)));
    }

    @Test
    void aPodsOwnNodeSelectorCountsAndAValueThatIsNoStringIsReported() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  nodeSelector:
                    zone: [a, b]
                    pool: "7"
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(7, 11), "the nodeSelector 'zone' should be a string, not a list"));
        Scheduling scheduling = result.inventory().workloads().getFirst().scheduling();
        assertThat(scheduling.placementConstraints()).containsExactly(Setting.of("pool=7", at(8, 5)));
        assertThat(scheduling.spreadsReplicas()).isFalse();
    }

    @Test
    void aWorkloadWithoutPodSpecHasNoScheduling() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                """);

        assertThat(result.inventory().workloads().getFirst().scheduling()).isEqualTo(Scheduling.unset(at(2, 1)));
    }
}
