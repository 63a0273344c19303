package dev.shipshape.rules.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostBindingTest {

    private static final Origin AT = Origin.at("compose.yaml", 3, 9);

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // host ip:port/protocol      | other                       | conflict
            "-:8080/tcp                   | -:8080/tcp                  | true",
            "-:8080/tcp                   | 127.0.0.1:8080/tcp          | true",
            "0.0.0.0:8080/tcp             | 127.0.0.1:8080/tcp          | true",
            "[::]:8080/tcp                | 127.0.0.1:8080/tcp          | true",
            "127.0.0.1:8080/tcp           | 127.0.0.1:8080/tcp          | true",
            "127.0.0.1:8080/tcp           | 127.0.0.2:8080/tcp          | false",
            "-:53/udp                     | -:53/tcp                    | false",
            "-:53/udp                     | -:53/UDP                    | true",
            "-:8080/tcp                   | -:8081/tcp                  | false",
            "-:9100-9120/tcp              | -:9113/tcp                  | true",
            "-:9100-9120/tcp              | -:9120-9130/tcp             | true",
            "-:9100-9120/tcp              | -:9121-9130/tcp             | false",
    })
    void conflictsWhenProtocolPortsAndAddressesOverlap(String one, String other, boolean conflict) {
        HostBinding first = binding(one).orElseThrow();
        HostBinding second = binding(other).orElseThrow();
        assertThat(first.conflictsWith(second)).isEqualTo(conflict);
        assertThat(second.conflictsWith(first)).isEqualTo(conflict);
    }

    @Test
    void unpublishedEphemeralAndUnreadablePortsHoldNoHostPort() {
        assertThat(HostBinding.of(workload(), container(), new Port(Setting.unset(AT), null, "80", "tcp", AT))).isEmpty();
        assertThat(HostBinding.of(workload(), container(), new Port(Setting.unset(AT), "", "80", "tcp", AT))).isEmpty();
        assertThat(HostBinding.of(workload(), container(), new Port(Setting.unset(AT), "${PORT}", "80", "tcp", AT))).isEmpty();
        assertThat(HostBinding.of(workload(), container(), new Port(Setting.unset(AT), "9120-9100", "80", "tcp", AT))).isEmpty();
    }

    @Test
    void displaysAddressRangeAndProtocol() {
        assertThat(binding("127.0.0.1:9100-9120/udp").orElseThrow().display()).isEqualTo("127.0.0.1:9100-9120/udp");
        assertThat(binding("0.0.0.0:80/tcp").orElseThrow().display()).isEqualTo("80/tcp");
    }

    /** "ip:port/protocol", ip "-" for unset. */
    private static Optional<HostBinding> binding(String written) {
        int slash = written.lastIndexOf('/');
        int colon = written.lastIndexOf(':', slash);
        String ip = written.substring(0, colon);
        Setting<String> hostIp = ip.equals("-") ? Setting.unset(AT) : Setting.of(ip, AT);
        Port port = new Port(hostIp, written.substring(colon + 1, slash), "80", written.substring(slash + 1), AT);
        return HostBinding.of(workload(), container(), port);
    }

    private static Container container() {
        return Container.builder("web", "service 'web'", false, AT).build();
    }

    private static Workload workload() {
        return new Workload("service", "web", null, SourceKind.COMPOSE, AT, 5, Setting.unset(AT), Setting.unset(AT),
                List.of(container()), List.of(), Map.of());
    }
}
