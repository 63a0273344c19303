package dev.shipshape.gate;

import dev.shipshape.policy.Enforcement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The gate's answer to one request.
 *
 * @param denials  why it is denied: one reason per finding at or above the threshold (empty when allowed)
 * @param warnings findings below the threshold, and findings of warn-only rules
 * @param error    set when the request could not be decided and the failure stance answered instead
 */
public record Decision(Outcome outcome, List<Reason> denials, List<Reason> warnings, Optional<String> error) {

    /** What a denial says after its reasons. */
    public static final String HOW_TO_CHANGE = "(set \"enforce\" in .shipshape.yaml to change this)";
    /** Reasons a denial message names; the rest are counted. */
    private static final int SHOWN_REASONS = 3;

    public Decision {
        denials = List.copyOf(denials);
        warnings = List.copyOf(warnings);
    }

    public enum Outcome {
        ALLOWED, WARNED, DENIED;

        /** How the decision log and metrics write it: {@code denied}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One reason: a rule's finding, or a gate check that stands where a rule would ({@code missing-body}).
     *
     * @param remediation how to comply, when the rule says; null otherwise
     */
    public record Reason(String rule, String message, String remediation) {
    }

    public static Decision allowed() {
        return new Decision(Outcome.ALLOWED, List.of(), List.of(), Optional.empty());
    }

    /** Denied by a check of the gate's own (a bypass, a user not allowed), not by a rule. */
    public static Decision refused(String reason, String message) {
        return new Decision(Outcome.DENIED, List.of(new Reason(reason, message, null)), List.of(), Optional.empty());
    }

    /** The answer for a request that cannot be decided, by the configured failure stance. */
    public static Decision undecided(Enforcement.Failure stance, String problem) {
        return undecided(stance, problem, true);
    }

    /**
     * The answer for a request that cannot be decided: by the failure stance, except that
     * {@code failure: open} never lets through a request that is, or may be, one the gate judges
     * or guards ({@code mayOpen} false): open is a stance for the gate's own troubles on requests
     * it knows to be harmless, not a way around its judgement.
     */
    public static Decision undecided(Enforcement.Failure stance, String problem, boolean mayOpen) {
        if (stance == Enforcement.Failure.OPEN && mayOpen) {
            return new Decision(Outcome.ALLOWED, List.of(), List.of(new Reason("undecidable-request", problem, null)), Optional.of(problem));
        }
        String shown = stance == Enforcement.Failure.OPEN
                ? problem + " (failure: open does not apply: this is, or may be, a request the gate judges or guards)" : problem;
        return new Decision(Outcome.DENIED, List.of(new Reason("undecidable-request", shown, null)), List.of(), Optional.of(problem));
    }

    public boolean allows() {
        return outcome != Outcome.DENIED;
    }

    /** The rules (or gate checks) behind it, denials first, each once. */
    public List<String> rules() {
        Set<String> rules = new LinkedHashSet<>();
        denials.forEach(reason -> rules.add(reason.rule()));
        warnings.forEach(reason -> rules.add(reason.rule()));
        return List.copyOf(rules);
    }

    /**
     * What the user is told: {@code shipshape denied: privileged-container: container 'web' runs
     * privileged. To comply: … (set "enforce" in .shipshape.yaml to change this)}. Empty when allowed.
     */
    public String message() {
        if (allows()) return "";
        List<String> reasons = new ArrayList<>();
        Set<String> remediations = new LinkedHashSet<>();
        for (Reason reason : denials.subList(0, Math.min(SHOWN_REASONS, denials.size()))) {
            reasons.add(reason.rule() + ": " + reason.message());
            if (reason.remediation() != null) remediations.add(reason.remediation());
        }
        StringBuilder message = new StringBuilder("shipshape denied: ").append(String.join("; ", reasons));
        if (denials.size() > SHOWN_REASONS) message.append("; and ").append(denials.size() - SHOWN_REASONS).append(" more");
        if (!remediations.isEmpty()) message.append(". To comply: ").append(String.join(" ", remediations));
        return message.append(' ').append(HOW_TO_CHANGE).toString();
    }
}
