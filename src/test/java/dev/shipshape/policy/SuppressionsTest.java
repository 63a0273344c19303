package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SuppressionsTest {

    private static final RuleInfo MISSING_USER = RuleInfo.builder("SS-901", "runs-as-root")
            .aliases("container-runs-as-root")
            .pillar(Pillar.SECURITY).severity(Severity.HIGH)
            .title("Container runs as root").rationale("Root in a container is root on the kernel.")
            .remediation("Set `user:`.").appliesTo(SourceKind.COMPOSE).build();
    private static final RuleInfo PRIVILEGED = RuleInfo.builder("SS-902", "privileged-container")
            .pillar(Pillar.SECURITY).severity(Severity.CRITICAL)
            .title("Container runs privileged").rationale("All capabilities and devices.")
            .remediation("Remove `privileged: true`.").appliesTo(SourceKind.COMPOSE).build();
    private static final List<Rule> RULES = List.of(rule(MISSING_USER), rule(PRIVILEGED));

    /** The finding about a service that states no user points at the service key, line 3. */
    private static final Finding NO_USER = Finding.of(MISSING_USER, Origin.at("compose.yaml", 3, 3), "service 'web' runs as root");
    private static final Finding PRIVILEGED_WEB = Finding.of(PRIVILEGED, Origin.at("compose.yaml", 5, 5), "service 'web' runs privileged");

    @Test
    void aCommentAboveTheServiceKeyHidesAFindingAboutSomethingMissing() {
        String text = """
                services:
                  # shipshape:ignore runs-as-root the image drops to uid 101 itself
                  web:
                    image: nginx:1.27
                    privileged: true
                """;
        List<Suppression> suppressions = SuppressionComments.scan("compose.yaml", text, SourceKind.COMPOSE);

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER, PRIVILEGED_WEB), suppressions, RULES);

        assertThat(applied.findings()).containsExactly(PRIVILEGED_WEB);
        assertThat(applied.suppressed()).containsExactly(
                new SuppressedFinding(NO_USER, "the image drops to uid 101 itself", Origin.at("compose.yaml", 2, 3)));
        assertThat(applied.diagnostics()).isEmpty();
    }

    @Test
    void aRuleMayBeNamedByAliasOrId() {
        List<Suppression> suppressions = List.of(
                suppression("container-runs-as-root", "old name", 3, 3),
                suppression("SS-902", "by id", 5, 5));

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER, PRIVILEGED_WEB), suppressions, RULES);

        assertThat(applied.findings()).isEmpty();
        assertThat(applied.suppressed()).extracting(SuppressedFinding::reason).containsExactly("old name", "by id");
    }

    @Test
    void aSuppressionHidesOnlyItsRuleOnItsLines() {
        List<Suppression> suppressions = List.of(
                suppression("privileged-container", "other line", 3, 4),
                suppression("runs-as-root", "other file", "stack.yaml", 1, Suppression.WHOLE_FILE));

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER, PRIVILEGED_WEB), suppressions, RULES);

        assertThat(applied.findings()).containsExactly(NO_USER, PRIVILEGED_WEB);
        assertThat(applied.suppressed()).isEmpty();
    }

    @Test
    void aSuppressionWithoutAReasonWarnsButStillHides() {
        Suppression noReason = suppression("runs-as-root", null, 2, 3);

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER), List.of(noReason), RULES);

        assertThat(applied.findings()).isEmpty();
        assertThat(applied.suppressed()).containsExactly(new SuppressedFinding(NO_USER, "no reason given", noReason.origin()));
        assertThat(applied.diagnostics()).containsExactly(Diagnostic.warning(noReason.origin(),
                "suppression of 'runs-as-root' gives no reason: add one after the rule name"));
    }

    @Test
    void anUnknownRuleIsAWarningAndHidesNothing() {
        Suppression typo = suppression("runs-as-rot", "typo", 2, 3);

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER), List.of(typo), RULES);

        assertThat(applied.findings()).containsExactly(NO_USER);
        assertThat(applied.diagnostics()).containsExactly(Diagnostic.warning(typo.origin(),
                "suppression names unknown rule 'runs-as-rot'; run `shipshape rules` to list them"));
    }

    @Test
    void allIsNotARuleName() {
        Suppression all = suppression("all", "everything", 1, Suppression.WHOLE_FILE);

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER), List.of(all), RULES);

        assertThat(applied.findings()).containsExactly(NO_USER);
        assertThat(applied.diagnostics()).containsExactly(Diagnostic.warning(all.origin(),
                "'all' is not accepted in a suppression: name the rule to ignore, so that new problems still show"));
    }

    @Test
    void aSuppressionNamingNoRuleIsAWarning() {
        Suppression empty = suppression("", null, 2, 3);

        Suppressions.Applied applied = Suppressions.apply(List.of(NO_USER), List.of(empty), RULES);

        assertThat(applied.findings()).containsExactly(NO_USER);
        assertThat(applied.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("suppression names no rule: write `shipshape:ignore <rule-name> <reason>`");
    }

    private static Suppression suppression(String rule, String reason, int firstLine, int lastLine) {
        return suppression(rule, reason, "compose.yaml", firstLine, lastLine);
    }

    private static Suppression suppression(String rule, String reason, String file, int firstLine, int lastLine) {
        return new Suppression(rule, reason, file, firstLine, lastLine, Origin.at(file, firstLine, 3));
    }

    private static Rule rule(RuleInfo info) {
        return new InventoryRule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public Stream<Finding> check(Inventory inventory) {
                return Stream.empty();
            }
        };
    }
}
