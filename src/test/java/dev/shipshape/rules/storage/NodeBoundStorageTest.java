package dev.shipshape.rules.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeBoundStorageTest {

    private static final Origin AT = Origin.at("k8s.yaml", 2, 1);

    private static List<Finding> findingsFor(String hostPath, boolean readOnly) {
        Origin mountOrigin = Origin.at("k8s.yaml", 30, 13);
        Setting<Boolean> readOnlySetting = readOnly ? Setting.of(true, mountOrigin) : Setting.unset(mountOrigin);
        ContainerBuilder builder = Container.builder("agent", "container 'agent' in Deployment 'agent'", false, AT);
        builder.mounts.add(new Mount(Mount.Type.HOST_PATH, hostPath, "/host", readOnlySetting, mountOrigin));
        Container container = builder.build();
        Workload deployment = new Workload("Deployment", "agent", null, SourceKind.KUBERNETES, AT, 40,
                Setting.unset(AT), Setting.unset(AT), List.of(container), List.of(), Map.of());
        return new NodeBoundStorage().check(deployment, container).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "/proc,                        false",
            "/sys/fs/cgroup,               false",
            "/dev/log,                     false",
            "/lib/modules,                 false",
            "/usr,                         false",
            "/etc/ssl/certs,               false",
            "/var/run/docker.sock,         false",
            "/run/containerd/containerd.sock, false",
            "/etc/localtime,               true",
            "/usr/share/zoneinfo/Europe/Paris, true",
    })
    void leavesOutWhatEveryNodeHas(String hostPath, boolean readOnly) {
        assertThat(findingsFor(hostPath, readOnly)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/etc/localtime,       false",
            "/usr/local/app-data,  true",
            "/srv/data,            true",
            "/procedures,          false",
            "/var/lib/app,         false",
    })
    void reportsStorageThatStaysOnTheNode(String hostPath, boolean readOnly) {
        assertThat(findingsFor(hostPath, readOnly)).singleElement()
                .satisfies(finding -> assertThat(finding.message()).startsWith(
                        "container 'agent' in Deployment 'agent' mounts hostPath " + hostPath + " at /host"));
    }
}
