package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Mount.Type;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** volumeMounts joined with the pod's volumes. */
class VolumeMountReaderTest {

    private static final String FILE = "pod.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void joinsEachMountWithItsVolume() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      volumeMounts:
                        - name: docker
                          mountPath: /var/run/docker.sock
                        - name: scratch
                          mountPath: /tmp
                          readOnly: false
                        - name: cache
                          mountPath: /cache
                        - name: data
                          mountPath: /data
                        - name: tls
                          mountPath: /tls
                          readOnly: true
                        - name: settings
                          mountPath: /etc/app
                        - name: info
                          mountPath: /etc/podinfo
                  volumes:
                    - name: docker
                      hostPath:
                        path: /var/run/docker.sock
                        type: Socket
                    - name: scratch
                      emptyDir: {}
                    - name: cache
                      emptyDir:
                        medium: Memory
                    - name: data
                      persistentVolumeClaim:
                        claimName: web-data
                    - name: tls
                      secret:
                        secretName: web-tls
                    - name: settings
                      configMap:
                        name: web-settings
                    - name: info
                      downwardAPI:
                        items: []
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads().getFirst().containers().getFirst().mounts()).containsExactly(
                // a hostPath mount points at the path on the host, the others at their volumeMount
                new Mount(Type.HOST_PATH, "/var/run/docker.sock", "/var/run/docker.sock", Setting.unset(at(10, 11)), at(29, 9)),
                new Mount(Type.EMPTY_DIR, null, "/tmp", Setting.of(false, at(14, 11)), at(12, 11)),
                new Mount(Type.TMPFS, null, "/cache", Setting.unset(at(15, 11)), at(15, 11)),
                new Mount(Type.CLAIM, "web-data", "/data", Setting.unset(at(17, 11)), at(17, 11)),
                new Mount(Type.SECRET, "web-tls", "/tls", Setting.of(true, at(21, 11)), at(19, 11)),
                new Mount(Type.CONFIG, "web-settings", "/etc/app", Setting.unset(at(22, 11)), at(22, 11)),
                new Mount(Type.OTHER, null, "/etc/podinfo", Setting.unset(at(24, 11)), at(24, 11)));
    }

    @Test
    void anEmptyDirInMemoryIsATmpfsAndItsSizeLimitIsKeptAtItsKey() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  initContainers:
                    - name: warm
                      image: app:1
                      volumeMounts:
                        - {name: shm, mountPath: /dev/shm}
                  containers:
                    - name: app
                      image: app:1
                      volumeMounts:
                        - name: shm
                          mountPath: /dev/shm
                        - name: scratch
                          mountPath: /scratch
                        - name: pages
                          mountPath: /hugepages
                        - name: plain
                          mountPath: /plain
                  volumes:
                    - name: shm
                      emptyDir:
                        medium: Memory
                        sizeLimit: 256Mi
                    - name: scratch
                      emptyDir: {sizeLimit: 2Gi}
                    - name: pages
                      emptyDir:
                        medium: HugePages
                    - name: plain
                      emptyDir:
                """);

        assertThat(result.diagnostics()).isEmpty();
        List<Container> containers = result.inventory().workloads().getFirst().containers();
        // the one limit of a volume, at its key, for every container that mounts it; the source of an emptyDir is none
        assertThat(containers).flatExtracting(Container::mounts).containsExactly(
                new Mount(Type.TMPFS, null, "/dev/shm", Setting.unset(at(10, 11)), at(10, 11), Setting.of("256Mi", at(27, 9))),
                new Mount(Type.TMPFS, null, "/dev/shm", Setting.unset(at(15, 11)), at(15, 11), Setting.of("256Mi", at(27, 9))),
                new Mount(Type.EMPTY_DIR, null, "/scratch", Setting.unset(at(17, 11)), at(17, 11), Setting.of("2Gi", at(29, 18))),
                new Mount(Type.EMPTY_DIR, null, "/hugepages", Setting.unset(at(19, 11)), at(19, 11), Setting.unset(at(19, 11))),
                new Mount(Type.EMPTY_DIR, null, "/plain", Setting.unset(at(21, 11)), at(21, 11), Setting.unset(at(21, 11))));
    }

    @Test
    void onlyTheMediumMemoryMakesATmpfs() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      volumeMounts:
                        - {name: lower, mountPath: /a}
                        - {name: empty, mountPath: /b}
                  volumes:
                    - {name: lower, emptyDir: {medium: memory}}
                    - {name: empty, emptyDir: {medium: ""}}
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads().getFirst().containers().getFirst().mounts())
                .extracting(Mount::type).containsExactly(Type.EMPTY_DIR, Type.EMPTY_DIR);
    }

    @Test
    void everyContainerMountingAHostPathPointsAtTheSamePath() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: logs
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: prepare
                          image: busybox:1.36
                          volumeMounts:
                            - {name: varlog, mountPath: /var/log}
                      containers:
                        - name: shipper
                          image: shipper:1
                          volumeMounts:
                            - name: varlog
                              mountPath: /host/var/log
                              readOnly: true
                      volumes:
                        - name: varlog
                          hostPath: {path: /var/log}
                """);

        assertThat(result.diagnostics()).isEmpty();
        List<Container> containers = result.inventory().workloads().getFirst().containers();
        assertThat(containers).flatExtracting(Container::mounts).containsExactly(
                new Mount(Type.HOST_PATH, "/var/log", "/var/log", Setting.unset(at(12, 15)), at(22, 22)),
                new Mount(Type.HOST_PATH, "/var/log", "/host/var/log", Setting.of(true, at(19, 15)), at(22, 22)));
        assertThat(containers).flatExtracting(Container::mounts).allMatch(Mount::isHostPath);
    }

    @Test
    void aStatefulSetsClaimTemplatesAreClaimVolumes() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  template:
                    spec:
                      containers:
                        - name: postgres
                          image: postgres:17
                          volumeMounts:
                            - name: pgdata
                              mountPath: /var/lib/postgresql/data
                  volumeClaimTemplates:
                    - metadata:
                        name: pgdata
                      spec:
                        accessModes: [ReadWriteOnce]
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads().getFirst().containers().getFirst().mounts()).containsExactly(
                new Mount(Type.CLAIM, "pgdata", "/var/lib/postgresql/data", Setting.unset(at(12, 15)), at(12, 15)));
    }

    @Test
    void aMountOfAnUndeclaredVolumeIsReportedAndKept() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: app:1
                      volumeMounts:
                        - name: missing
                          mountPath: /data
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(10, 11), "the volumeMount names no volume of the pod: 'missing'"));
        assertThat(result.inventory().workloads().getFirst().containers().getFirst().mounts()).containsExactly(
                new Mount(Type.OTHER, null, "/data", Setting.unset(at(10, 11)), at(10, 11)));
    }
}
