package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.report.RuleDocs;
import dev.shipshape.report.RuleExamples;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    private static final List<RuleInfo> RULES = BuiltInRules.all().stream().map(Rule::info).toList();

    @Test
    void textListsEveryRuleGroupedByPillar() {
        CliRun run = CliRun.of("rules");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Security (")
                .containsPattern("\n  SS-101  privileged-container +critical  Container runs privileged\n")
                .endsWith(RULES.size() + " rules. `shipshape explain NAME` tells why a rule exists, how to fix it, and shows examples.\n");
        for (RuleInfo rule : RULES) {
            assertThat(run.out()).as(rule.name()).containsPattern(
                    "\n  " + rule.id() + "  " + rule.name() + " +" + rule.severity().label() + " +\\Q" + rule.title() + "\\E\n");
        }
    }

    @Test
    void jsonHasEveryRule() throws IOException {
        CliRun run = CliRun.of("rules", "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("rules").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(RULES.stream().map(RuleInfo::name).toList());
    }

    @Test
    void markdownIsTheRuleReferencePage() {
        CliRun run = CliRun.of("rules", "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(new RuleDocs(RULES, RuleExamples.packaged()).markdown())
                .startsWith("<!-- AUTO-GENERATED FILE");
    }

    @Test
    void aBadFormatListsTheChoices() {
        CliRun run = CliRun.of("rules", "--format", "html");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Invalid value for option '--format': expected one of text, json, markdown but was 'html'");
    }
}
