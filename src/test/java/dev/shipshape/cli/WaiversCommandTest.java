package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WaiversCommandTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeTheProject() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx:1.27
                    privileged: true
                  exporter:
                    image: prom/node-exporter:v1.8.2
                    network_mode: host
                """);
        config = Files.writeString(dir.resolve(".shipshape.yaml"), """
                waivers:
                  - rule: privileged-container
                    target: compose.yaml#services.web
                    reason: needs /dev/kvm
                    owner: platform-team@example.com
                    expires: 2027-03-31
                  - rule: host-network
                    target: image:prom/node-exporter
                    reason: host metrics
                    owner: observability@example.com
                    expires: 2026-12-05
                  - rule: privileged-container
                    target: Deployment/prod/api
                    reason: legacy
                    owner: api-team@example.com
                    expires: 2027-01-31
                  - rule: runs-as-root
                    target: legacy/**
                    reason: being rewritten
                    owner: api-team@example.com
                    expires: 2026-10-31
                """);
    }

    @Test
    void withoutAPathTheStatusesComeFromTheDatesAlone() {
        CliRun run = waivers("--config", config.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(config + """
                : 4 waivers (2 active, 1 expiring, 1 expired)
                  line  status    expires     rule                  target                     owner
                  2     active    2027-03-31  privileged-container  compose.yaml#services.web  platform-team@example.com
                        reason: needs /dev/kvm
                  7     expiring  2026-12-05  host-network          image:prom/node-exporter   observability@example.com
                        reason: host metrics
                  12    active    2027-01-31  privileged-container  Deployment/prod/api        api-team@example.com
                        reason: legacy
                  17    expired   2026-10-31  runs-as-root          legacy/**                  api-team@example.com
                        reason: being rewritten
                (give a PATH to scan, to find the waivers that match nothing)
                """);
    }

    @Test
    void aScanOfThePathTellsWhichWaiversMatchNothing() {
        CliRun run = waivers(dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(config + ": 4 waivers (1 active, 1 expiring, 1 expired, 1 unused)\n")
                .contains("\n  2     active    2027-03-31  1        privileged-container  compose.yaml#services.web")
                .contains("\n  7     expiring  2026-12-05  1        host-network          image:prom/node-exporter")
                .contains("\n  12    unused    2027-01-31  0        privileged-container  Deployment/prod/api")
                .contains("\n  17    expired   2026-10-31  0        runs-as-root          legacy/**")
                .doesNotContain("give a PATH");
    }

    @Test
    void jsonListsEveryWaiverWithStatusAndPlace() throws IOException {
        CliRun run = waivers("--format", "json", dir.toString());

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("scanned").asBoolean()).isTrue();
        assertThat(json.get("waivers").findValuesAsText("status")).containsExactly("active", "expiring", "unused", "expired");
        JsonNode first = json.at("/waivers/0");
        assertThat(first.get("owner").asText()).isEqualTo("platform-team@example.com");
        assertThat(first.get("matches").asInt()).isEqualTo(1);
        assertThat(first.at("/location/line").asInt()).isEqualTo(2);
    }

    @Test
    void aConfigurationMistakeIsAUsageError() throws IOException {
        Files.writeString(config, "waivers:\n  - rule: privileged-container\n    target: x\n");

        CliRun run = waivers("--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("shipshape: " + config + ":2:5: waiver of 'privileged-container' has no 'reason'");
    }

    @Test
    void theCommandIsListedByTheRootCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.out()).containsPattern("\n  waivers +List the waivers of .shipshape.yaml");
    }

    private CliRun waivers(String... args) {
        return CliRun.on(new CommandLine(new WaiversCommand(TODAY)), args);
    }
}
