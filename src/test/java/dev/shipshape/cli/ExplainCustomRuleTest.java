package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipshape explain} knows a project's custom rules. */
class ExplainCustomRuleTest {

    @Test
    void explainsACustomRuleOfTheConfigurationFile(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve(".shipshape.yaml"), """
                rules:
                  - name: team-label-required
                    pillar: orchestration
                    severity: medium
                    title: Every workload names its owning team
                    match: workload
                    expression: "'team' in workload.labels"
                    message: "{{workload.description}} has no team label"
                    remediation: Add a label team=<name>.
                """);

        CliRun run = CliRun.of("explain", "team-label-required", "--config", config.toString());
        CliRun withoutConfig = CliRun.of("explain", "team-label-required");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("team-label-required (CUSTOM-team-label-required): Every workload names its owning team\n")
                .contains("How to fix\n  Add a label team=<name>.\n");
        assertThat(withoutConfig.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMissingConfigurationFileIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("explain", "privileged-container", "--config", dir.resolve("none.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: configuration file not found: " + dir.resolve("none.yaml") + "\n");
    }
}
