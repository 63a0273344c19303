package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapabilityNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"NET_ADMIN", "net_admin", "CAP_NET_ADMIN", "cap_net_admin", " Net_Admin "})
    void everySpellingOfACapabilityIsTheSameCapability(String written) {
        assertThat(CapabilityName.of(written)).isEqualTo(new CapabilityName("NET_ADMIN"));
        assertThat(CapabilityName.of(written).isAll()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALL", "all", "All"})
    void allInAnyCaseIsAll(String written) {
        assertThat(CapabilityName.of(written).isAll()).isTrue();
    }

    @Test
    void aCapabilityWhoseNameMerelyContainsAllIsNotAll() {
        assertThat(CapabilityName.of("ALLOW_ALL").isAll()).isFalse();
        assertThat(CapabilityName.of("SYSLOG").isAll()).isFalse();
    }

    @Test
    void differentCapabilitiesStayDifferent() {
        assertThat(CapabilityName.of("NET_ADMIN")).isNotEqualTo(CapabilityName.of("NET_RAW"));
        assertThat(CapabilityName.of("SYS_ADMIN")).isNotEqualTo(CapabilityName.of("CAP_NET_ADMIN"));
    }

    @Test
    void onlyALeadingCapPrefixIsDropped() {
        assertThat(CapabilityName.of("CAP_CAP_X").name()).isEqualTo("CAP_X");
        assertThat(CapabilityName.of("SYS_CAP").name()).isEqualTo("SYS_CAP");
    }

    @Test
    void nothingWrittenIsAnEmptyNameRatherThanAnError() {
        assertThat(CapabilityName.of(null).name()).isEmpty();
        assertThat(CapabilityName.of("  ").name()).isEmpty();
    }
}
