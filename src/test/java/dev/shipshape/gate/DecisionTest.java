package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.policy.Enforcement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a decision tells the user: which rule, why, how to comply, and how to change the policy. */
class DecisionTest {

    private static Decision.Reason reason(String rule, String remediation) {
        return new Decision.Reason(rule, "container 'web' breaks " + rule, remediation);
    }

    @Test
    void aDenialNamesRuleReasonAndRemedy() {
        Decision decision = new Decision(Decision.Outcome.DENIED, List.of(reason("privileged-container", "Remove --privileged.")),
                List.of(reason("missing-cpu-limit", "Set a limit.")), Optional.empty());

        assertThat(decision.message()).isEqualTo("shipshape denied: privileged-container: container 'web' breaks privileged-container. "
                + "To comply: Remove --privileged. (set \"enforce\" in .shipshape.yaml to change this)");
        assertThat(decision.rules()).containsExactly("privileged-container", "missing-cpu-limit");
        assertThat(decision.allows()).isFalse();
    }

    @Test
    void manyDenialsNameTheFirstThreeAndCountTheRest() {
        Decision decision = new Decision(Decision.Outcome.DENIED, List.of(reason("a-rule", "Fix a."), reason("b-rule", "Fix b."),
                reason("c-rule", "Fix a."), reason("d-rule", "Fix d."), reason("e-rule", "Fix e.")), List.of(), Optional.empty());

        assertThat(decision.message()).isEqualTo("shipshape denied: a-rule: container 'web' breaks a-rule; b-rule: container 'web' "
                + "breaks b-rule; c-rule: container 'web' breaks c-rule; and 2 more. To comply: Fix a. Fix b. "
                + "(set \"enforce\" in .shipshape.yaml to change this)");
    }

    @Test
    void aRefusalHasNoRuleRemedy() {
        assertThat(Decision.refused("missing-body", "the body did not arrive").message())
                .isEqualTo("shipshape denied: missing-body: the body did not arrive (set \"enforce\" in .shipshape.yaml to change this)");
    }

    @Test
    void anUndecidableRequestFollowsTheFailureStance() {
        Decision closed = Decision.undecided(Enforcement.Failure.CLOSED, "the body of POST /containers/create is not JSON");
        Decision open = Decision.undecided(Enforcement.Failure.OPEN, "the body of POST /containers/create is not JSON");

        assertThat(closed.outcome()).isEqualTo(Decision.Outcome.DENIED);
        assertThat(closed.message()).isEqualTo("shipshape denied: undecidable-request: the body of POST /containers/create is not JSON "
                + "(set \"enforce\" in .shipshape.yaml to change this)");
        assertThat(closed.error()).contains("the body of POST /containers/create is not JSON");
        assertThat(open.outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(open.message()).isEmpty();
        assertThat(open.rules()).containsExactly("undecidable-request");
        assertThat(open.error()).contains("the body of POST /containers/create is not JSON");
    }

    @Test
    void failureOpenNeverAllowsWhatTheGateJudgesOrGuards() {
        Decision open = Decision.undecided(Enforcement.Failure.OPEN, "the authorization request names no RequestUri", false);
        Decision closed = Decision.undecided(Enforcement.Failure.CLOSED, "the authorization request names no RequestUri", false);

        assertThat(open.allows()).isFalse();
        assertThat(open.denials()).containsExactly(new Decision.Reason("undecidable-request", "the authorization request names no "
                + "RequestUri (failure: open does not apply: this is, or may be, a request the gate judges or guards)", null));
        assertThat(open.error()).contains("the authorization request names no RequestUri");
        assertThat(closed.denials()).containsExactly(new Decision.Reason("undecidable-request",
                "the authorization request names no RequestUri", null));
        assertThat(Decision.undecided(Enforcement.Failure.OPEN, "x", true).allows()).isTrue();
    }

    @Test
    void anAllowedDecisionSaysNothing() {
        assertThat(Decision.allowed().message()).isEmpty();
        assertThat(Decision.allowed().rules()).isEmpty();
        assertThat(Decision.allowed().allows()).isTrue();
    }
}
