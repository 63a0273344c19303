package dev.shipshape.policy.cel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.policy.PolicyFile;
import dev.shipshape.scan.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake in a custom rule stops the run at load time, with the rule's name and the exact place. */
class CustomRuleConfigurationTest {

    private static final String FILE = ".shipshape.yaml";

    /** Line 2 is the rule's first key; 7 the expression (its text starts at column 18), 8 the message (at 15). CEL places a field error at its dot. */
    private static final String RULE = """
            rules:
              - name: team-label-required
                pillar: orchestration
                severity: medium
                title: Every workload names its owning team
                match: workload
                expression: "'team' in workload.labels"
                message: "{{workload.description}} has no team label"
                remediation: Add a label team=<name>.
            """;

    private static final String KEYS = "name, pillar, severity, title, match, expression, message, remediation";
    private static final String SCHEMA_HINT = " (`shipshape rules --cel-schema` lists the variables and fields)";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("workload.labels", "workload.labelz",
                        ".shipshape.yaml:7:36: custom rule 'team-label-required': the expression does not compile: "
                                + "undefined field 'labelz'" + SCHEMA_HINT),
                Arguments.of("'team' in workload.labels", "'team' in workload.labels &&",
                        ".shipshape.yaml:7:46: custom rule 'team-label-required': the expression does not compile: "
                                + "mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', "
                                + "NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}"),
                Arguments.of("'team' in workload.labels", "container.privileged",
                        ".shipshape.yaml:7:18: custom rule 'team-label-required': the expression does not compile: "
                                + "undeclared reference to 'container' (in container '')"
                                + "; with match: workload the variables are workload"),
                Arguments.of("'team' in workload.labels", "workload.name",
                        ".shipshape.yaml:7:17: custom rule 'team-label-required': the expression must give true or false, but gives string"),
                Arguments.of("{{workload.description}}", "{{workload.nme}}",
                        ".shipshape.yaml:8:25: custom rule 'team-label-required': the message's {{...}} does not compile: "
                                + "undefined field 'nme'" + SCHEMA_HINT),
                Arguments.of("{{workload.description}} has", "{{workload.description has",
                        ".shipshape.yaml:8:15: custom rule 'team-label-required': the message's {{...}} does not compile: '{{' is not closed with '}}'"),
                Arguments.of("    remediation: Add a label team=<name>.\n", "",
                        ".shipshape.yaml:2:5: custom rule 'team-label-required' has no 'remediation': how to fix a finding"),
                Arguments.of("    pillar: orchestration\n", "",
                        ".shipshape.yaml:2:5: custom rule 'team-label-required' has no 'pillar': one of security, storage, orchestration, networking, discovery"),
                Arguments.of("  - name: team-label-required\n    pillar", "  - pillar",
                        ".shipshape.yaml:2:5: custom rule has no 'name': give it a kebab-case name such as team-label-required"),
                Arguments.of("pillar: orchestration", "pillar: reliability",
                        ".shipshape.yaml:3:13: the pillar of custom rule 'team-label-required' must be one of "
                                + "security, storage, orchestration, networking, discovery, not 'reliability'"),
                Arguments.of("severity: medium", "severity: urgent",
                        ".shipshape.yaml:4:15: the severity of custom rule 'team-label-required' must be one of "
                                + "critical, high, medium, low, info, not 'urgent'"),
                Arguments.of("match: workload", "match: pod",
                        ".shipshape.yaml:6:12: the match of custom rule 'team-label-required' must be one of "
                                + "workload, container, image, network, volume, daemon, not 'pod'"),
                Arguments.of("title: Every workload names its owning team", "title: [a, b]",
                        ".shipshape.yaml:5:12: the title of custom rule 'team-label-required' must be text; found a list"),
                Arguments.of("name: team-label-required", "name: Team_Label",
                        ".shipshape.yaml:2:11: custom rule name 'Team_Label' must be kebab-case (lower-case words joined by '-'), like team-label-required"),
                Arguments.of("name: team-label-required", "name: privileged-container",
                        ".shipshape.yaml:2:11: custom rule 'privileged-container' has the name of built-in rule SS-101 (privileged-container); choose another name"),
                Arguments.of("    remediation: Add a label team=<name>.\n", "    remediation: Add a label team=<name>.\n    when: always\n",
                        ".shipshape.yaml:10:5: unknown key 'when' in custom rule 'team-label-required'; valid keys: " + KEYS + ", rationale"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("mistakes")
    void eachMistakeIsAConfigurationErrorWithTheRuleAndThePlace(String written, String replacement, String message) {
        String text = RULE.replace(written, replacement);
        org.assertj.core.api.Assertions.assertThat(text).isNotEqualTo(RULE);

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text)).isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void aRuleDefinedTwiceNamesTheFirst() {
        String text = RULE + RULE.substring("rules:\n".length());

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text)).hasMessage(
                ".shipshape.yaml:10:11: custom rule 'team-label-required' is defined twice (first at .shipshape.yaml:2:11); rename or remove one");
    }

    @Test
    void anErrorInALiteralBlockExpressionPointsAtItsLine() {
        String text = RULE.replace("    expression: \"'team' in workload.labels\"\n", """
                    expression: |
                      'team' in workload.labels &&
                      workload.labelz.size() > 0
                """);

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text)).hasMessage(
                ".shipshape.yaml:9:15: custom rule 'team-label-required': the expression does not compile: undefined field 'labelz'" + SCHEMA_HINT);
    }

    @Test
    void aMistakeInARuleFileNamesThatFile(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve(FILE), "fail-on: high\n");
        Path rules = Files.createDirectories(dir.resolve(".shipshape/rules"));
        Files.writeString(rules.resolve("labels.yaml"), RULE.substring("rules:\n".length()).replace("workload.labels", "workload.labelz"));

        assertThatThrownBy(() -> PolicyFile.read(config, "repo/.shipshape.yaml")).hasMessage(
                "repo/.shipshape/rules/labels.yaml:6:36: custom rule 'team-label-required': the expression does not compile: "
                        + "undefined field 'labelz'" + SCHEMA_HINT);
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        String text = RULE.replace("severity: medium", "severity: urgent").replace("workload.labels", "workload.labelz");

        assertThatThrownBy(() -> PolicyFile.parse(FILE, text)).hasMessage("""
                .shipshape.yaml:4:15: the severity of custom rule 'team-label-required' must be one of critical, high, medium, low, info, not 'urgent'
                .shipshape.yaml:7:36: custom rule 'team-label-required': the expression does not compile: undefined field 'labelz'""" + SCHEMA_HINT);
    }
}
