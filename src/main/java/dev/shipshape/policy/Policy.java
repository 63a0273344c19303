package dev.shipshape.policy;

import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's choices about rules, read from {@code .shipshape.yaml} (see {@link PolicyFile} for the schema).
 *
 * @param failOn        the threshold at which findings fail the run; empty when the file does not say
 * @param disabledRules names (never aliases or ids) of the rules that never run
 * @param severities    rule name to the severity its findings get instead of the rule's default
 * @param ruleOptions   the settings rules are built with
 */
public record Policy(Optional<Severity> failOn, Set<String> disabledRules, Map<String, Severity> severities, RuleOptions ruleOptions) {

    /** What applies when there is no configuration file. */
    public static final Policy DEFAULT = new Policy(Optional.empty(), Set.of(), Map.of(), RuleOptions.DEFAULTS);

    public Policy {
        disabledRules = Set.copyOf(disabledRules);
        severities = Map.copyOf(severities);
    }

    public boolean disables(RuleInfo rule) {
        return disabledRules.contains(rule.name());
    }

    /** The finding with the severity the policy sets for its rule, if it sets one. */
    public Finding apply(Finding finding) {
        Severity override = severities.get(finding.rule().name());
        return override == null ? finding : finding.withSeverity(override);
    }
}
