package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision log: one JSON line per decision, none lost, written without holding answers up. */
class DecisionLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:15:30.123Z"), ZoneOffset.UTC);

    @Test
    void writesOneJsonLinePerDecision(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("audit/decisions.jsonl");
        Decision privileged = new Decision(Decision.Outcome.DENIED,
                List.of(new Decision.Reason("privileged-container", "container 'web' runs privileged", "Remove it.")),
                List.of(new Decision.Reason("missing-healthcheck", "container 'web' has no health check", null)), Optional.empty());
        try (DecisionLog log = DecisionLog.toFile(file, CLOCK)) {
            log.write(new DecisionLog.Entry("docker", "alice", "POST", "/v1.41/containers/create?name=web", "POST /containers/create", "web",
                    Optional.of("container-create"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", privileged, true));
            log.write(new DecisionLog.Entry("docker", "", "POST", "/v1.41/containers/web/freeze", "unclassified", "", Optional.empty(), "",
                    Decision.refused("unclassified-request", "no such endpoint"), true));
            log.write(new DecisionLog.Entry("kubernetes", "bob", "CREATE", "/api/v1/namespaces/prod/pods", Optional.empty(),
                    Decision.undecided(dev.shipshape.policy.Enforcement.Failure.OPEN, "no \"spec\""), false));
        }

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "{\"time\":\"2026-11-28T10:15:30.123Z\",\"door\":\"docker\",\"user\":\"alice\",\"method\":\"POST\","
                        + "\"uri\":\"/v1.41/containers/create?name=web\",\"endpoint\":\"POST /containers/create\",\"object\":\"web\","
                        + "\"action\":\"container-create\",\"bodySha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                        + "\"decision\":\"denied\",\"rules\":[\"privileged-container\",\"missing-healthcheck\"],\"findings\":["
                        + "{\"rule\":\"privileged-container\",\"outcome\":\"denied\",\"message\":\"container 'web' runs privileged\"},"
                        + "{\"rule\":\"missing-healthcheck\",\"outcome\":\"warned\",\"message\":\"container 'web' has no health check\"}],"
                        + "\"message\":\"shipshape denied: privileged-container: container 'web' runs privileged. To comply: Remove it. "
                        + "(set \\\"enforce\\\" in .shipshape.yaml to change this)\"}",
                "{\"time\":\"2026-11-28T10:15:30.123Z\",\"door\":\"docker\",\"user\":\"\",\"method\":\"POST\","
                        + "\"uri\":\"/v1.41/containers/web/freeze\",\"endpoint\":\"unclassified\",\"decision\":\"denied\","
                        + "\"rules\":[\"unclassified-request\"],\"findings\":[{\"rule\":\"unclassified-request\",\"outcome\":\"denied\","
                        + "\"message\":\"no such endpoint\"}],\"message\":\"shipshape denied: unclassified-request: no such endpoint "
                        + "(set \\\"enforce\\\" in .shipshape.yaml to change this)\"}",
                "{\"time\":\"2026-11-28T10:15:30.123Z\",\"door\":\"kubernetes\",\"user\":\"bob\",\"method\":\"CREATE\","
                        + "\"uri\":\"/api/v1/namespaces/prod/pods\",\"decision\":\"allowed\",\"rules\":[\"undecidable-request\"],"
                        + "\"findings\":[{\"rule\":\"undecidable-request\",\"outcome\":\"warned\",\"message\":\"no \\\"spec\\\"\"}],"
                        + "\"enforced\":false,\"error\":\"no \\\"spec\\\"\"}");
    }

    @Test
    void losesNothingUnderConcurrentWrites(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("decisions.jsonl");
        try (DecisionLog log = DecisionLog.toFile(file, CLOCK); ExecutorService writers = Executors.newFixedThreadPool(8)) {
            for (int writer = 0; writer < 8; writer++) {
                int id = writer;
                writers.submit(() -> {
                    for (int index = 0; index < 10_000; index++) {
                        log.write(new DecisionLog.Entry("docker", "w" + id, "GET", "/_ping?" + index, Optional.empty(), Decision.allowed(), true));
                    }
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            log.sync();
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(80_000);
        }
    }

    @Test
    void oncePastWritesFailedEveryWriteFails() throws Exception {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        DecisionLog log = DecisionLog.to(broken, CLOCK);
        DecisionLog.Entry entry = new DecisionLog.Entry("docker", "", "GET", "/_ping", Optional.empty(), Decision.allowed(), true);
        log.write(entry);
        log.sync();

        assertThatThrownBy(() -> log.write(entry)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write the decision log: No space left on device");
    }
}
