package dev.shipshape.policy;

import dev.shipshape.policy.cel.CustomRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import java.util.List;
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
 * @param waivers       accepted risks, each with an owner and an end date
 * @param customRules   the project's own rules, compiled
 */
public record Policy(
        Optional<Severity> failOn,
        Set<String> disabledRules,
        Map<String, Severity> severities,
        RuleOptions ruleOptions,
        List<Waiver> waivers,
        List<CustomRule> customRules) {

    /** What applies when there is no configuration file. */
    public static final Policy DEFAULT = new Policy(Optional.empty(), Set.of(), Map.of(), RuleOptions.DEFAULTS);

    public Policy {
        disabledRules = Set.copyOf(disabledRules);
        severities = Map.copyOf(severities);
        waivers = List.copyOf(waivers);
        customRules = List.copyOf(customRules);
    }

    /** A policy without waivers or custom rules. */
    public Policy(Optional<Severity> failOn, Set<String> disabledRules, Map<String, Severity> severities, RuleOptions ruleOptions) {
        this(failOn, disabledRules, severities, ruleOptions, List.of(), List.of());
    }

    public boolean disables(RuleInfo rule) {
        return disabledRules.contains(rule.name());
    }

    /** The finding with the severity the policy sets for its rule, if it sets one. */
    public Finding apply(Finding finding) {
        Severity override = severities.get(finding.rule().name());
        return override == null ? finding : finding.withSeverity(override);
    }

    /** The custom rules as the engine runs them. */
    public List<Rule> customRuleList() {
        return customRules.stream().map(CustomRule::rule).toList();
    }
}
