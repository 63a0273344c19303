package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.policy.cel.CelSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipshape rules} with a project's custom rules, and {@code --cel-schema}. */
class RulesCommandCustomRulesTest {

    @TempDir
    Path dir;

    @Test
    void customRulesAreListedWithTheBuiltInOnesInTheirPillar() throws IOException {
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

        CliRun text = CliRun.of("rules", "--config", config.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).containsPattern("\nOrchestration \\(\\d+ rules\\)\n(  .*\n)*  CUSTOM-team-label-required +team-label-required +medium +"
                + "Every workload names its owning team\n");

        JsonNode json = new ObjectMapper().readTree(CliRun.of("rules", "--config", config.toString(), "--format", "json").out());
        JsonNode custom = json.get("rules").findParents("id").stream()
                .filter(rule -> rule.get("id").asText().equals("CUSTOM-team-label-required")).findFirst().orElseThrow();
        assertThat(custom.get("appliesTo").toString()).isEqualTo("[\"compose\",\"stack\",\"kubernetes\",\"live-docker\"]");
        assertThat(custom.has("helpUri")).isFalse();
    }

    @Test
    void aBrokenCustomRuleIsAUsageErrorWithItsPlace() throws IOException {
        Path config = Files.writeString(dir.resolve(".shipshape.yaml"), """
                rules:
                  - name: team-label-required
                    pillar: orchestration
                    severity: medium
                    title: Every workload names its owning team
                    match: workload
                    expression: "'team' in workload.label"
                    message: "{{workload.description}} has no team label"
                    remediation: Add a label team=<name>.
                """);

        CliRun run = CliRun.of("rules", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("shipshape: " + config + ":7:36: custom rule 'team-label-required': the expression does not compile: "
                + "undefined field 'label'");
    }

    @Test
    void celSchemaPrintsTheDocumentedSchema() {
        CliRun run = CliRun.of("rules", "--cel-schema");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CelSchema.describe()).contains("\n  privileged?              bool  ");
    }
}
