package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final RuleInfo RULE = RuleInfo.builder("SS-999", "some-rule").pillar(Pillar.SECURITY).severity(Severity.LOW)
            .title("Some rule").rationale("Because.").remediation("Fix it.").appliesTo(SourceKind.COMPOSE).build();

    @Test
    void theWorstFindingDecides() {
        assertThat(Verdict.of(findings(Severity.INFO, Severity.CRITICAL, Severity.LOW), true)).isEqualTo(Verdict.NOT_READY);
        assertThat(Verdict.of(findings(Severity.HIGH), true)).isEqualTo(Verdict.NOT_READY);
        assertThat(Verdict.of(findings(Severity.MEDIUM, Severity.LOW), true)).isEqualTo(Verdict.AT_RISK);
        assertThat(Verdict.of(findings(Severity.LOW, Severity.INFO), true)).isEqualTo(Verdict.READY);
        assertThat(Verdict.of(findings(), true)).isEqualTo(Verdict.READY);
        assertThat(Verdict.of(findings(), false)).isEqualTo(Verdict.NOT_ASSESSED);
    }

    @Test
    void notAssessedYieldsToAnyVerdict() {
        assertThat(Verdict.NOT_ASSESSED.worse(Verdict.READY)).isEqualTo(Verdict.READY);
        assertThat(Verdict.AT_RISK.worse(Verdict.NOT_ASSESSED)).isEqualTo(Verdict.AT_RISK);
        assertThat(Verdict.READY.worse(Verdict.NOT_READY)).isEqualTo(Verdict.NOT_READY);
        assertThat(Verdict.AT_RISK.worse(Verdict.READY)).isEqualTo(Verdict.AT_RISK);
        assertThat(Verdict.NOT_ASSESSED.worse(Verdict.NOT_ASSESSED)).isEqualTo(Verdict.NOT_ASSESSED);
    }

    private static List<Finding> findings(Severity... severities) {
        return Arrays.stream(severities)
                .map(severity -> Finding.of(RULE, Origin.at("compose.yaml", 1, 1), "m").withSeverity(severity)).toList();
    }
}
