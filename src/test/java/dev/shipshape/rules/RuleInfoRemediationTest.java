package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.model.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix per door: a rule may state it for a source kind; every other kind gets the general one. */
class RuleInfoRemediationTest {

    private static RuleInfo.Builder rule() {
        return RuleInfo.builder("SS-999", "some-rule").pillar(Pillar.SECURITY).severity(Severity.HIGH).title("Title")
                .rationale("Why.").remediation("General fix.").appliesTo(SourceKind.COMPOSE, SourceKind.KUBERNETES);
    }

    @Test
    void aKindWithoutItsOwnTextGetsTheGeneralFix() {
        RuleInfo info = rule().remediation(SourceKind.KUBERNETES, "Kubernetes fix.").build();

        assertThat(info.remediation(SourceKind.KUBERNETES)).isEqualTo("Kubernetes fix.");
        assertThat(info.remediation(SourceKind.COMPOSE)).isEqualTo("General fix.");
        assertThat(info.remediation(null)).isEqualTo("General fix.");
        assertThat(info.remediation()).isEqualTo("General fix.");
    }

    @Test
    void aStackFileWithoutItsOwnFixGetsTheComposeOne() {
        RuleInfo info = rule().remediation(SourceKind.COMPOSE, "Compose fix.").build();

        assertThat(info.remediation(SourceKind.STACK)).isEqualTo("Compose fix.");
        assertThat(info.withRemediation(SourceKind.STACK, "Stack fix.").remediation(SourceKind.STACK)).isEqualTo("Stack fix.");
        assertThat(rule().build().remediation(SourceKind.STACK)).isEqualTo("General fix.");
    }

    @Test
    void withRemediationAddsOneDoorAndKeepsTheRest() {
        RuleInfo info = rule().remediation(SourceKind.KUBERNETES, "Kubernetes fix.").build()
                .withRemediation(SourceKind.LIVE_DOCKER, "Run it with `--read-only`.");

        assertThat(info.remediation(SourceKind.LIVE_DOCKER)).isEqualTo("Run it with `--read-only`.");
        assertThat(info.remediation(SourceKind.KUBERNETES)).isEqualTo("Kubernetes fix.");
    }

    @Test
    void theTenArgumentConstructorStillBuildsARuleWithOneFix() {
        RuleInfo info = new RuleInfo("SS-998", "old-style", List.of(), Pillar.STORAGE, Severity.LOW, "Title", "Why.", "Fix.",
                java.util.Set.of(SourceKind.COMPOSE), List.of());

        assertThat(info.remediations()).isEmpty();
        assertThat(info.remediation(SourceKind.COMPOSE)).isEqualTo("Fix.");
    }

    @Test
    void aPerKindFixMustEndWithAPeriod() {
        assertThatThrownBy(() -> rule().remediation(SourceKind.COMPOSE, "No period").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("some-rule: remediation for COMPOSE must end with a period");
    }
}
