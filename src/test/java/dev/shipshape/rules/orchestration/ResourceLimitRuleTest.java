package dev.shipshape.rules.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zero is how Docker writes "no limit"; anything else written is a limit. */
class ResourceLimitRuleTest {

    @ParameterizedTest(name = "''{0}'' is unlimited: {1}")
    @CsvSource({
            "0,      true",
            "0.0,    true",
            "00,     true",
            "0m,     true",
            "0Mi,    true",
            "' 0b ', true",
            "512m,   false",
            "0.5,    false",
            "500m,   false",
            "1Gi,    false",
            "10,     false",
            "${MEM}, false",
    })
    void readsAWrittenLimit(String written, boolean unlimited) {
        assertThat(ResourceLimitRule.isUnlimited(written)).isEqualTo(unlimited);
    }

    @ParameterizedTest(name = "PIDs {0} is unlimited: {1}")
    @CsvSource({"-1, true", "0, true", "1, false", "200, false"})
    void readsAPidsCount(long pids, boolean unlimited) {
        assertThat(ResourceLimitRule.isUnlimited(pids)).isEqualTo(unlimited);
    }
}
