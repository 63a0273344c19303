package dev.shipshape.scan;

import dev.shipshape.policy.Policy;
import dev.shipshape.rules.Rule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules a scan runs: every rule the policy does not disable; {@code --rule} narrows that to
 * the rules named (and, being the more explicit request, runs them even when the configuration
 * file disables them); {@code --skip-rule} then removes rules. Names may be names, aliases or ids.
 */
final class RuleSelection {

    private RuleSelection() {
    }

    static List<Rule> select(List<Rule> available, Policy policy, Set<String> onlyRules, Set<String> skipRules)
            throws ConfigurationException {
        for (String name : union(onlyRules, skipRules)) {
            if (available.stream().noneMatch(rule -> rule.info().answersTo(name))) {
                throw new ConfigurationException("unknown rule '%s'; run `shipshape rules` to list them".formatted(name));
            }
        }
        return available.stream()
                .filter(rule -> onlyRules.isEmpty() ? !policy.disables(rule.info()) : answersToAny(rule, onlyRules))
                .filter(rule -> !answersToAny(rule, skipRules))
                .toList();
    }

    private static boolean answersToAny(Rule rule, Set<String> names) {
        return names.stream().anyMatch(rule.info()::answersTo);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }
}
