package dev.shipshape.gate.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSummaryTest {

    private static final Origin ORIGIN = Origin.live("container web (request)");

    @Test
    void anUnstatedContainerIsTheDaemonsDefaults() {
        ContainerSummary summary = ContainerSummary.of(Container.builder("web", "container 'web'", false, ORIGIN).build());

        assertThat(summary).isEqualTo(new ContainerSummary(false, "", List.of(), List.of(), false, false, List.of(), "default", List.of(),
                "bridge", "", "private", "", "", "", List.of(), List.of(), List.of()));
    }

    @Test
    void theModelIsSummarisedAsItStandsInCanonicalOrder() {
        ContainerBuilder web = Container.builder("web", "container 'web'", false, ORIGIN);
        web.privileged = Setting.of(true, ORIGIN);
        web.user = Setting.of("+0", ORIGIN);
        web.capabilitiesAdded.add(Setting.of("SYS_TIME", ORIGIN));
        web.capabilitiesAdded.add(Setting.of("NET_ADMIN", ORIGIN));
        web.noNewPrivileges = Setting.of(true, ORIGIN);
        web.securityOptions.add(new SecurityOption(SecurityOption.Kind.SECCOMP, "unconfined", ORIGIN));
        web.securityOptions.add(new SecurityOption(SecurityOption.Kind.SELINUX, "type:spc_t", ORIGIN));
        web.securityOptions.add(new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS, "unconfined", ORIGIN));
        web.securityOptions.add(new SecurityOption(SecurityOption.Kind.OTHER, "mask=/proc/acpi", ORIGIN));
        web.mounts.add(new Mount(Mount.Type.VOLUME, "data", "/data", Setting.unset(ORIGIN), ORIGIN));
        web.mounts.add(new Mount(Mount.Type.BIND, "/etc", "/config", Setting.of(true, ORIGIN), ORIGIN));
        web.networkMode = Setting.of("default", ORIGIN);
        web.ipcMode = Setting.of("host", ORIGIN);
        web.usernsMode = Setting.of("host", ORIGIN);
        web.cgroupnsMode = Setting.of("private", ORIGIN);
        web.volumesFrom.add(Setting.of("db:ro", ORIGIN));
        web.volumesFrom.add(Setting.of("cache", ORIGIN));
        web.devices.add(Setting.of("/dev/mem:/dev/mem:rwm", ORIGIN));
        web.deviceCgroupRules.add(Setting.of("a *:* rwm", ORIGIN));
        web.ports.add(new Port(Setting.of("127.0.0.1", ORIGIN), "8080", "80", "TCP", ORIGIN));
        web.ports.add(new Port(Setting.unset(ORIGIN), null, "9090", "tcp", ORIGIN));

        ContainerSummary summary = ContainerSummary.of(web.build());

        assertThat(summary.privileged()).isTrue();
        assertThat(summary.user()).isEqualTo("+0");
        assertThat(summary.capabilitiesAdded()).containsExactly("NET_ADMIN", "SYS_TIME");
        assertThat(summary.noNewPrivileges()).isTrue();
        assertThat(summary.securityOptions()).containsExactly("label=type:spc_t", "mask=/proc/acpi", "seccomp=unconfined");
        assertThat(summary.systemPaths()).isEqualTo("unconfined");
        assertThat(summary.mounts()).extracting(MountSummary::toString).containsExactly("bind /etc -> /config ro", "volume data -> /data rw");
        assertThat(summary.networkMode()).isEqualTo("bridge");
        assertThat(summary.ipcMode()).isEqualTo("host");
        assertThat(summary.usernsMode()).isEqualTo("host");
        assertThat(summary.cgroupnsMode()).isEqualTo("private");
        assertThat(summary.volumesFrom()).containsExactly("cache", "db:ro");
        assertThat(summary.devices()).containsExactly("/dev/mem:/dev/mem:rwm", "a *:* rwm (device cgroup rule)");
        assertThat(summary.ports()).containsExactly("127.0.0.1:8080->80/tcp");
    }

    @Test
    void systemPathsLeftPartlyUnmaskedAreNamed() {
        ContainerBuilder web = Container.builder("web", "container 'web'", false, ORIGIN);
        web.securityOptions.add(new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS, "/proc/kcore,/proc/sysrq-trigger", ORIGIN));

        assertThat(ContainerSummary.of(web.build()).systemPaths()).isEqualTo("/proc/kcore,/proc/sysrq-trigger");
    }
}
