package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void explainsARuleByNameWithItsTestedExamples() {
        CliRun run = CliRun.of("explain", "privileged-container");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("privileged-container (SS-101): Container runs privileged\n")
                .contains("  Pillar      Security\n", "  Severity    critical", "  Applies to  Compose file,")
                .contains("Why it matters\n", "How to fix\n", "References\n", "CIS Docker Benchmark v1.6.0 §5.5")
                .contains("Flagged: bad.compose.yaml", "Passes: good.compose.yaml")
                .containsPattern(">\\s+\\d+ \\|\\s+privileged: true")
                .endsWith("More: https://github.com/shipshape-dev/shipshape/blob/main/docs/rules.md#privileged-container\n");
    }

    @Test
    void findsARuleByIdInAnyCase() {
        String byName = CliRun.of("explain", "privileged-container").out();

        assertThat(CliRun.of("explain", "SS-101").out()).isEqualTo(byName);
        assertThat(CliRun.of("explain", "ss-101").out()).isEqualTo(byName);
    }

    @Test
    void anUnknownRuleSuggestsTheClosestName() {
        CliRun run = CliRun.of("explain", "privileged-containr");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("""
                shipshape: no rule is named 'privileged-containr'; did you mean privileged-container?
                'shipshape rules' lists them all.
                """);
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        CliRun run = CliRun.of("explain", "qqqqqqqqqqqqqqqqqqqq");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("shipshape: no rule is named 'qqqqqqqqqqqqqqqqqqqq'\n");
    }

    @Test
    void aMissingRuleArgumentIsAUsageError() {
        CliRun run = CliRun.of("explain");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Missing required parameter: 'RULE'");
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertThat(ExplainCommand.editDistance("privileged-containr", "privileged-container")).isEqualTo(1);
        assertThat(ExplainCommand.editDistance("host-netwrok", "host-network")).isEqualTo(2);
        assertThat(ExplainCommand.editDistance("", "abc")).isEqualTo(3);
        assertThat(ExplainCommand.editDistance("same", "same")).isZero();
    }

    @Test
    void aPartOfANameSuggestsTheRulesContainingIt() {
        var rules = BuiltInRules.all().stream().map(Rule::info).toList();

        assertThat(ExplainCommand.suggestion(rules, "privileged")).isEqualTo("; did you mean privileged-container?");
    }
}
