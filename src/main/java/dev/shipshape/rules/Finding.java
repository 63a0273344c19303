package dev.shipshape.rules;

import dev.shipshape.model.Origin;
import java.util.Comparator;

/**
 * One problem found: which rule, how bad, what exactly is wrong, and where.
 *
 * @param severity the rule's severity, or the one the policy sets for it
 * @param message  names the object and the value: "service 'web' runs privileged"
 */
public record Finding(RuleInfo rule, Severity severity, Origin origin, String message) {

    public static final Comparator<Finding> BY_LOCATION = Comparator
            .comparing(Finding::origin)
            .thenComparing(finding -> finding.rule().id())
            .thenComparing(Finding::message);

    public static Finding of(RuleInfo rule, Origin origin, String message) {
        return new Finding(rule, rule.severity(), origin, message);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, origin, message);
    }
}
