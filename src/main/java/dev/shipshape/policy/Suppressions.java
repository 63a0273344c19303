package dev.shipshape.policy;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Suppression;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the suppressions found in the scanned files (comments, Kubernetes annotations, Compose
 * {@code x-shipshape}): a suppression hides the findings of its rule (named by name, alias or id)
 * whose origin it covers. A suppression that names no known rule, names {@code all}, or gives no
 * reason is reported as a warning at its own place; one without a reason still hides its findings.
 */
public final class Suppressions {

    static final String NO_REASON = "no reason given";

    private Suppressions() {
    }

    /** The findings left, the ones hidden (with the suppression's reason), and warnings about the suppressions themselves. */
    public record Applied(List<Finding> findings, List<SuppressedFinding> suppressed, List<Diagnostic> diagnostics) {

        public Applied {
            findings = List.copyOf(findings);
            suppressed = List.copyOf(suppressed);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param knownRules every rule that exists (not only those that ran), to tell a typo from a rule that was not selected
     */
    public static Applied apply(List<Finding> findings, List<Suppression> suppressions, List<Rule> knownRules) {
        if (suppressions.isEmpty()) return new Applied(findings, List.of(), List.of()); // the gate's case, every request
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Suppression> usable = new ArrayList<>();
        for (Suppression suppression : suppressions.stream().distinct().toList()) {
            problemWith(suppression, knownRules).ifPresentOrElse(
                    problem -> diagnostics.add(Diagnostic.warning(suppression.origin(), problem)),
                    () -> usable.add(suppression));
            if (isKnown(suppression.ruleName(), knownRules) && isBlank(suppression.reason())) {
                diagnostics.add(Diagnostic.warning(suppression.origin(),
                        "suppression of '%s' gives no reason: add one after the rule name".formatted(suppression.ruleName())));
            }
        }
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> hidden = new ArrayList<>();
        for (Finding finding : findings) {
            usable.stream()
                    .filter(suppression -> finding.rule().answersTo(suppression.ruleName()) && suppression.covers(finding.origin()))
                    .findFirst()
                    .ifPresentOrElse(
                            suppression -> hidden.add(new SuppressedFinding(finding,
                                    isBlank(suppression.reason()) ? NO_REASON : suppression.reason().trim(), suppression.origin())),
                            () -> kept.add(finding));
        }
        return new Applied(kept, hidden, diagnostics);
    }

    private static Optional<String> problemWith(Suppression suppression, List<Rule> knownRules) {
        String name = suppression.ruleName();
        if (isBlank(name)) {
            return Optional.of("suppression names no rule: write `shipshape:ignore <rule-name> <reason>`");
        }
        if (name.equalsIgnoreCase("all")) {
            return Optional.of("'all' is not accepted in a suppression: name the rule to ignore, so that new problems still show");
        }
        if (!isKnown(name, knownRules)) {
            return Optional.of("suppression names unknown rule '%s'; run `shipshape rules` to list them".formatted(name));
        }
        return Optional.empty();
    }

    private static boolean isKnown(String name, List<Rule> knownRules) {
        return name != null && knownRules.stream().anyMatch(rule -> rule.info().answersTo(name));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
