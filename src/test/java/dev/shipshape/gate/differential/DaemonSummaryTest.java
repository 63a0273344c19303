package dev.shipshape.gate.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.gate.observe.ContainerSummary;
import dev.shipshape.gate.observe.MountSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daemon's side of the comparison, on inspect documents shaped as dockerd 20.10 returns them. */
class DaemonSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DaemonSummary summaries = new DaemonSummary(
            name -> json(name.equals("rootfs")
                    ? "{\"Name\":\"rootfs\",\"Driver\":\"local\",\"Options\":{\"type\":\"ext4\",\"o\":\"bind\",\"device\":\"/\"}}"
                    : "{\"Name\":\"" + name + "\",\"Driver\":\"local\",\"Options\":null}"),
            id -> json("{\"Name\":\"/web\"}"), "host", Path.of("/srv/dockerd"));

    @Test
    void usersAreReadAsRuncReadsThem() {
        assertThat(DaemonSummary.runcUser("+0")).isEqualTo("0");
        assertThat(DaemonSummary.runcUser("-0")).isEqualTo("0");
        assertThat(DaemonSummary.runcUser("00")).isEqualTo("0");
        assertThat(DaemonSummary.runcUser("+0:+0")).isEqualTo("0:0");
        assertThat(DaemonSummary.runcUser("1000:1000")).isEqualTo("1000:1000");
        assertThat(DaemonSummary.runcUser("root")).isEqualTo("root");
        assertThat(DaemonSummary.runcUser("")).isEmpty();
    }

    @Test
    void localVolumeOptionsAreReadAsMountWillMountThem() {
        assertThat(summaries.hostMount("local", Map.of("type", "none", "o", "bind", "device", "/srv"))).isEqualTo("bind /srv");
        assertThat(summaries.hostMount("local", Map.of("type", "ext4", "o", "rbind,ro", "device", "/"))).isEqualTo("bind /");
        assertThat(summaries.hostMount("", Map.of("type", "none", "o", "bind", "device", "etc"))).isEqualTo("bind /srv/dockerd/etc");
        assertThat(summaries.hostMount("local", Map.of("type", "proc", "device", "proc"))).isEqualTo("proc proc");
        assertThat(summaries.hostMount("local", Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m"))).isEmpty();
        assertThat(summaries.hostMount("local", Map.of("type", "nfs", "device", ":/export", "o", "addr=10.0.0.1"))).isEmpty();
        assertThat(summaries.hostMount("local", Map.of())).isEmpty();
        assertThat(summaries.hostMount("rexray", Map.of("o", "bind", "device", "/"))).isEmpty();
    }

    @Test
    void aContainerInspectIsSummarisedAsTheRuntimeWillActOnIt() {
        JsonNode inspect = json("""
                {"Config":{"User":"+0:00","ExposedPorts":{"80/tcp":{}}},
                 "HostConfig":{"Privileged":true,"CapAdd":["cap_net_admin"],"CapDrop":["CAP_ALL"],"ReadonlyRootfs":true,
                  "SecurityOpt":["label=disable","no-new-privileges:true","apparmor:unconfined"],"MaskedPaths":[],
                  "NetworkMode":"default","PidMode":"container:0123abcd","IpcMode":"shareable","UsernsMode":"host","CgroupnsMode":"host",
                  "VolumesFrom":["db:ro"],
                  "Devices":[{"PathOnHost":"/dev/mem","PathInContainer":"","CgroupPermissions":"rwm"}],"DeviceCgroupRules":["c 1:1 rwm"],
                  "PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]},"Tmpfs":{"/run":"ro,size=1m"}},
                 "Mounts":[{"Type":"volume","Name":"rootfs","Driver":"local","Destination":"/host","RW":true},
                  {"Type":"volume","Name":"%s","Driver":"local","Destination":"/anonymous","RW":true},
                  {"Type":"bind","Source":"/etc","Destination":"/config","RW":false}]}
                """.formatted("a".repeat(64)));

        ContainerSummary summary = summaries.container(inspect);

        assertThat(summary).isEqualTo(new ContainerSummary(true, "0:0", List.of("NET_ADMIN"), List.of("ALL"), true, true,
                List.of("apparmor=unconfined"), "unconfined",
                List.of(new MountSummary("volume", "", "/anonymous", false), new MountSummary("bind", "/etc", "/config", true),
                        new MountSummary("bind", "/", "/host", false), new MountSummary("tmpfs", "", "/run", true)),
                "bridge", "container:web", "shareable", "", "host", "", List.of("db:ro"), List.of("/dev/mem:/dev/mem:rwm", "c 1:1 rwm (device cgroup rule)"),
                List.of(":8080->80/tcp")));
    }

    @Test
    void aModelledCgroupNamespaceModeThatIsTheDaemonsDefaultIsWhatTheDaemonStoresForNone() {
        ContainerSummary stated = summaries.exec(json("{\"ProcessConfig\":{}}"));
        ContainerSummary host = new ContainerSummary(false, "", List.of(), List.of(), false, false, List.of(), "default", List.of(),
                "bridge", "", "private", "", "", "host", List.of(), List.of(), List.of());
        ContainerSummary privateMode = new ContainerSummary(false, "", List.of(), List.of(), false, false, List.of(), "default", List.of(),
                "bridge", "", "private", "", "", "private", List.of(), List.of(), List.of());

        assertThat(summaries.withStoredDefaults(host)).isEqualTo(stated);
        assertThat(summaries.withStoredDefaults(privateMode)).isEqualTo(privateMode);
    }

    @Test
    void aDifferenceNamesTheFieldAndBothValues() {
        ContainerSummary modelled = summaries.exec(json("{\"ProcessConfig\":{\"privileged\":false,\"user\":\"+0\"}}"));
        ContainerSummary stored = summaries.exec(json("{\"ProcessConfig\":{\"privileged\":true,\"user\":\"0\"}}"));

        assertThat(SummaryDiff.between(modelled, stored)).containsExactly("privileged: the gate modelled false, the daemon stored true");
        assertThat(SummaryDiff.between(stored, stored)).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
