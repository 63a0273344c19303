package dev.shipshape.rules.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** maxUnavailable against the replica count: Kubernetes rounds percentages down. */
class MissingUpdateStrategyTest {

    @ParameterizedTest(name = "maxUnavailable {0} of {1} replicas takes all down: {2}")
    @CsvSource({
            "100%,   3, true",
            "100%,   1, true",
            "150%,   2, true",
            "99%,    3, false",
            "99%,    1, false",
            "50%,    1, false",
            "25%,    4, false",
            "3,      3, true",
            "4,      3, true",
            "1,      1, true",
            "1,      2, false",
            "0,      1, false",
            "99999999999, 3, true",
            "' 2 ',  2, true",
            "abc,    1, false",
            "'',     1, false",
            "-1,     1, false",
    })
    void takesAllDown(String maxUnavailable, int replicas, boolean expected) {
        assertThat(MissingUpdateStrategy.takesAllDown(maxUnavailable, replicas)).isEqualTo(expected);
    }
}
