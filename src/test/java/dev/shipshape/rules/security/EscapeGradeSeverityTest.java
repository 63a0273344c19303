package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The severities the fixtures cannot show: a rule's findings may be graver or milder than its
 * default, and the gate denies at high.
 */
class EscapeGradeSeverityTest {

    private static final Origin ORIGIN = Origin.at("compose.yaml", 3, 5);

    private static Workload service(Consumer<ContainerBuilder> settings) {
        ContainerBuilder container = Container.builder("web", "service 'web'", false, ORIGIN);
        settings.accept(container);
        return new Workload("service", "web", null, SourceKind.COMPOSE, ORIGIN, 0, Setting.unset(ORIGIN), Setting.unset(ORIGIN),
                List.of(container.build()), List.of(), Map.of());
    }

    private static List<Severity> severities(dev.shipshape.rules.ContainerRule rule, Workload workload) {
        return rule.check(workload, workload.containers().getFirst()).map(Finding::severity).toList();
    }

    @ParameterizedTest
    @CsvSource({"ALL, CRITICAL", "SYS_ADMIN, CRITICAL", "cap_sys_module, CRITICAL", "SYS_RAWIO, CRITICAL",
            "DAC_READ_SEARCH, CRITICAL", "NET_ADMIN, HIGH", "SYS_PTRACE, HIGH", "MAC_ADMIN, HIGH", "MAC_OVERRIDE, HIGH",
            "SYS_TIME, HIGH", "SYSLOG, HIGH", "BPF, HIGH", "PERFMON, HIGH", "NET_RAW, HIGH", "AUDIT_CONTROL, HIGH",
            "SYS_BOOT, HIGH", "DAC_OVERRIDE, MEDIUM", "LINUX_IMMUTABLE, MEDIUM", "SYS_RESOURCE, MEDIUM"})
    void eachDangerousCapabilityHasItsSeverity(String capability, Severity severity) {
        Workload workload = service(container -> container.capabilitiesAdded.add(Setting.of(capability, ORIGIN)));
        assertThat(severities(new DangerousCapability(), workload)).containsExactly(severity);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "volumesFrom | app           | MEDIUM",
            "volumesFrom | service:app:ro | MEDIUM",
            "volumesFrom | container:db  | HIGH",
            "pid         | container:db  | HIGH",
            "pid         | service:app   | MEDIUM",
            "ipc         | container:db  | HIGH",
            "network     | container:vpn | HIGH"})
    void whatAServiceInheritsIsHighUnlessItIsAServiceOfTheSameFile(String setting, String value, Severity severity) {
        Workload workload = service(container -> {
            switch (setting) {
                case "volumesFrom" -> container.volumesFrom.add(Setting.of(value, ORIGIN));
                case "pid" -> container.pidMode = Setting.of(value, ORIGIN);
                case "ipc" -> container.ipcMode = Setting.of(value, ORIGIN);
                default -> container.networkMode = Setting.of(value, ORIGIN);
            }
        });
        assertThat(severities(new InheritsContainerSettings(), workload)).containsExactly(severity);
    }

    @ParameterizedTest
    @CsvSource({"/dev/sda, CRITICAL", "/dev/nvme0n1:/dev/disk, CRITICAL", "/dev/mem, CRITICAL", "/dev/port:/dev/port:r, CRITICAL",
            "/dev/kmsg, HIGH"})
    void aDiskOrMemoryIsCriticalAndTheKernelLogHigh(String device, Severity severity) {
        Workload workload = service(container -> container.devices.add(Setting.of(device, ORIGIN)));
        assertThat(severities(new CriticalHostDevice(), workload)).containsExactly(severity);
        assertThat(severities(new HostDeviceMapped(), workload)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"service:app", "host", "bridge", "none", "shareable"})
    void aNetworkSharedWithAServiceOrNoContainerIsNotThisRulesFinding(String mode) {
        Workload workload = service(container -> {
            container.networkMode = Setting.of(mode, ORIGIN);
            container.ipcMode = Setting.of(mode.equals("service:app") ? "private" : mode, ORIGIN);
        });
        assertThat(severities(new InheritsContainerSettings(), workload)).isEmpty();
    }
}
