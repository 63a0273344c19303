package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import org.junit.jupiter.api.Test;

/** A StatefulSet's volumeClaimTemplates and serviceName. */
class ClaimTemplateReaderTest {

    private static final String FILE = "db.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void readsEachTemplateAtItsNameKeyAndTheServiceName() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db-headless
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: postgres
                          image: postgres:17
                          volumeMounts:
                            - name: pgdata
                              mountPath: /var/lib/postgresql/data
                            - name: wal
                              mountPath: /wal
                  volumeClaimTemplates:
                    - metadata:
                        name: pgdata
                      spec:
                        accessModes: [ReadWriteOnce]
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata: {name: wal}
                      spec:
                        resources: {requests: {storage: 1Gi}}
                """);

        assertThat(result.diagnostics()).isEmpty();
        Workload workload = result.inventory().workloads().getFirst();
        assertThat(workload.serviceName()).isEqualTo(Setting.of("db-headless", at(6, 3)));
        assertThat(workload.claimTemplates()).containsExactly(Setting.of("pgdata", at(20, 9)), Setting.of("wal", at(25, 18)));
        // the containers still mount the templates as claims
        assertThat(workload.containers().getFirst().mounts()).extracting(Mount::type, Mount::source, Mount::origin).containsExactly(
                tuple(Mount.Type.CLAIM, "pgdata", at(14, 15)),
                tuple(Mount.Type.CLAIM, "wal", at(16, 15)));
    }

    @Test
    void templatesWithoutANameAreReportedAndLeftOut() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app:1
                  volumeClaimTemplates:
                    - spec: {accessModes: [ReadWriteOnce]}
                    - metadata: {name: ""}
                    - data
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(12, 7), "a volumeClaimTemplate without a 'metadata.name'"),
                Diagnostic.warning(at(13, 7), "a volumeClaimTemplate without a 'metadata.name'"),
                Diagnostic.warning(at(14, 7), "an item of 'volumeClaimTemplates' should be a mapping, not a scalar"));
        Workload workload = result.inventory().workloads().getFirst();
        assertThat(workload.claimTemplates()).isEmpty();
        assertThat(workload.serviceName()).isEqualTo(Setting.unset(at(2, 1)));
    }

    @Test
    void onlyAStatefulSetHasClaimTemplatesAndAServiceName() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  serviceName: web
                  volumeClaimTemplates:
                    - metadata: {name: data}
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app:1
                          volumeMounts:
                            - {name: data, mountPath: /data}
                """);

        // a Deployment's pods cannot mount a claim template: the mount names no volume
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(15, 16), "the volumeMount names no volume of the pod: 'data'"));
        Workload workload = result.inventory().workloads().getFirst();
        assertThat(workload.claimTemplates()).isEmpty();
        assertThat(workload.serviceName()).isEqualTo(Setting.unset(at(2, 1)));
        assertThat(workload.containers()).flatExtracting(Container::mounts).extracting(Mount::type)
                .containsExactly(Mount.Type.OTHER);
    }
}
