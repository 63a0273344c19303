package dev.shipshape.load.gate;

import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Rule;
import java.util.Set;

/**
 * Which of the gate's rules judge a request. Most requests are judged by all of them; some
 * requests state only a few settings (an exec states whether it is privileged and its user, a
 * plugin its privileges), and rules about what such a request cannot say would only report
 * "unset" where nothing could have been set.
 */
public record RuleScope(Kind kind, Set<String> names) {

    public enum Kind {
        /** Every rule the gate runs. */
        ALL,
        /** Rules about containers only: the request adds containers to an object already admitted. */
        CONTAINER_RULES,
        /** The rules named. */
        NAMED
    }

    public RuleScope {
        names = Set.copyOf(names);
    }

    public static RuleScope all() {
        return new RuleScope(Kind.ALL, Set.of());
    }

    public static RuleScope containerRules() {
        return new RuleScope(Kind.CONTAINER_RULES, Set.of());
    }

    public static RuleScope named(Set<String> names) {
        return new RuleScope(Kind.NAMED, names);
    }

    public boolean includes(Rule rule) {
        return switch (kind) {
            case ALL -> true;
            case CONTAINER_RULES -> rule instanceof ContainerRule;
            case NAMED -> names.contains(rule.info().name());
        };
    }
}
