package dev.shipshape.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalVolumeMountTest {

    private static LocalVolumeMount local(String type, String options, String device) {
        return LocalVolumeMount.of("local", Map.of("type", type, "o", options, "device", device));
    }

    @ParameterizedTest(name = "type={0} o={1} device={2}")
    @CsvSource(delimiter = '|', value = {
            "none    | bind          | /etc              | BIND   | /etc",
            "ext4    | bind          | /etc              | BIND   | /etc",
            "tmpfs   | rbind,ro      | /var/run/docker.sock | BIND | /var/run/docker.sock",
            "''      | bind          | //srv/../etc/     | BIND   | /etc",
            "none    | bind          | etc               | BIND   | /",
            "none    | bind          | ../../etc         | BIND   | /",
            "proc    | ''            | proc              | KERNEL | /proc",
            "PROC    | nosuid        | ''                | KERNEL | /proc",
            "sysfs   | ''            | sysfs             | KERNEL | /sys",
            "cgroup  | ''            | cgroup            | KERNEL | /sys/fs/cgroup",
            "cgroup2 | ''            | none              | KERNEL | /sys/fs/cgroup",
            "devtmpfs| ''            | devtmpfs          | KERNEL | /dev",
            "bpf     | ''            | bpf               | KERNEL | /sys/fs/bpf",
            "securityfs | ''         | securityfs        | KERNEL | /sys/kernel/security",
            "ext4    | ''            | /dev/vda1         | DISK   | /dev/vda1",
            "xfs     | noatime       | /dev/mapper/vg-data | DISK | /dev/mapper/vg-data",
            "overlay | lowerdir=/var/lib/o/l1:/var/lib/o/l2,upperdir=/var/lib/o/u,workdir=/var/lib/o/w | overlay | OVERLAY | /var/lib/o",
            "overlay | lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w | overlay | OVERLAY | /"})
    void readsTheOptionsAsMountWill(String type, String options, String device, LocalVolumeMount.Kind kind, String hostPath) {
        LocalVolumeMount mount = local(type, options, device);
        assertThat(mount.kind()).isEqualTo(kind);
        assertThat(mount.boundingHostPath()).contains(hostPath);
    }

    @ParameterizedTest(name = "type={0} o={1} device={2}")
    @CsvSource(delimiter = '|', value = {
            "nfs     | addr=10.0.0.5,rw | :/exports     | REMOTE",
            "cifs    | username=x       | //nas/share   | REMOTE",
            "tmpfs   | size=64m         | tmpfs         | REMOTE",
            "''      | uid=1000         | ''            | VOLUME",
            "none    | bind             | ''            | VOLUME",
            "ext4    | ''               | UUID=1234     | VOLUME",
            "overlay | ''               | overlay       | VOLUME"})
    void optionsThatExposeNothingOfTheHost(String type, String options, String device, LocalVolumeMount.Kind kind) {
        LocalVolumeMount mount = local(type, options, device);
        assertThat(mount.kind()).isEqualTo(kind);
        assertThat(mount.exposesHost()).isFalse();
        assertThat(mount.boundingHostPath()).isEmpty();
    }

    @Test
    void anotherDriverIsNotJudged() {
        assertThat(LocalVolumeMount.of("rexray/ebs", Map.of("type", "none", "o", "bind", "device", "/etc")).exposesHost()).isFalse();
        assertThat(LocalVolumeMount.of(null, Map.of("type", "none", "o", "bind", "device", "/etc")).hostPaths()).containsExactly("/etc");
        assertThat(LocalVolumeMount.of(" ", Map.of("type", "proc", "device", "proc")).hostPaths()).containsExactly("/proc");
    }

    @Test
    void aVolumeMountOfItIsTheVolumeAndTheBindItAmountsTo() {
        Origin origin = Origin.at("compose.yaml", 5, 9);
        Mount volume = new Mount(Mount.Type.VOLUME, "data", "/data", Setting.unset(origin), origin);

        assertThat(local("none", "bind,ro", "/srv/data").mountsFor(volume)).containsExactly(volume,
                new Mount(Mount.Type.BIND, "/srv/data", "/data", Setting.of(true, origin), origin));
        assertThat(local("nfs", "addr=10.0.0.5", ":/exports").mountsFor(volume)).containsExactly(volume);
    }

    @Test
    void theModelsOptionsReadTheSame() {
        Origin origin = Origin.live("volume v");
        LocalVolumeMount mount = LocalVolumeMount.of(Setting.unset(origin), List.of(
                new KeyValue("type", "ext4", origin), new KeyValue("o", "bind", origin), new KeyValue("device", "/etc", origin)));
        assertThat(mount.kind()).isEqualTo(LocalVolumeMount.Kind.BIND);
        assertThat(mount.written()).isEqualTo("type=ext4,o=bind,device=/etc");
    }
}
