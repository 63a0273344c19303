package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up runs the real decision paths: each sample is read and judged, none is refused as unreadable. */
class WarmUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneRoundDecidesEverySampleThroughItsDoor() throws Exception {
        StringWriter lines = new StringWriter();
        WarmUp.Result result;
        try (DecisionLog log = DecisionLog.to(lines, Clock.systemUTC())) {
            Judge judge = new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC());
            // a budget of nothing still decides one round of the samples
            result = WarmUp.withBuiltInSamples().run(judge, log, 1, Duration.ZERO, () -> true);
        }

        assertThat(result.decisions()).isEqualTo(7);
        assertThat(result.compilerQuiet()).isFalse();
        List<String> decided = lines.toString().lines().map(WarmUpTest::summary).toList();
        // the hardened samples allow, the service only warns, the others deny: every path is compiled
        assertThat(decided).containsExactly(
                "docker POST /containers/create allowed []",
                "docker POST /containers/create denied [\"runs-as-root\",\"secret-in-environment\",\"capabilities-not-dropped\","
                        + "\"privilege-escalation-allowed\",\"writable-host-mount\",\"writable-root-filesystem\",\"image-not-pinned\","
                        + "\"missing-healthcheck\",\"missing-restart-policy\",\"missing-memory-limit\",\"port-on-all-interfaces\","
                        + "\"missing-cpu-limit\",\"missing-pids-limit\",\"default-bridge-network\"]",
                "docker POST /containers/{name:.*}/exec allowed []",
                "docker POST /services/create warned [\"privilege-escalation-allowed\",\"missing-pids-limit\",\"missing-update-strategy\"]",
                "kubernetes CREATE /apis/apps/v1/namespaces/prod/statefulsets/db allowed []",
                "kubernetes CREATE /apis/apps/v1/namespaces/prod/deployments/web denied [\"runs-as-root\",\"capabilities-not-dropped\","
                        + "\"privilege-escalation-allowed\",\"writable-root-filesystem\",\"missing-seccomp-profile\",\"missing-memory-limit\","
                        + "\"missing-resource-requests\",\"missing-cpu-limit\"]",
                "kubernetes CREATE /api/v1/namespaces/prod/pods allowed []");
    }

    @Test
    void aStopEndsItAfterTheRoundUnderWay() throws Exception {
        try (DecisionLog log = DecisionLog.to(new StringWriter(), Clock.systemUTC())) {
            Judge judge = new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC());

            WarmUp.Result result = WarmUp.withBuiltInSamples().run(judge, log, WarmUp.MINIMUM_DECISIONS, Duration.ofMinutes(5), () -> false);

            assertThat(result.decisions()).isEqualTo(7);
            assertThat(result.compilerQuiet()).isFalse();
        }
    }

    private static String summary(String line) {
        try {
            JsonNode entry = JSON.readTree(line);
            String what = entry.has("endpoint") ? entry.path("endpoint").asText() : entry.path("method").asText() + " " + entry.path("uri").asText();
            return entry.path("door").asText() + " " + what + " " + entry.path("decision").asText() + " " + entry.path("rules");
        } catch (java.io.IOException notJson) {
            throw new AssertionError(line, notJson);
        }
    }
}
