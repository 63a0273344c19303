package dev.shipshape.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every rule that ships, as one explicit list per pillar: alphabetical, one rule per line.
 * No classpath scanning: it costs start-up time and hides what ships ({@code RuleCatalogTest}
 * proves no rule class is missing here).
 */
public final class BuiltInRules {

    private static final List<Rule> SECURITY = List.of(
            new dev.shipshape.rules.security.PrivilegedContainer()
    );

    private static final List<Rule> STORAGE = List.of(
    );

    private static final List<Rule> ORCHESTRATION = List.of(
    );

    private static final List<Rule> NETWORKING = List.of(
    );

    private static final List<Rule> DISCOVERY = List.of(
    );

    private static final List<Rule> ALL = Stream.of(SECURITY, STORAGE, ORCHESTRATION, NETWORKING, DISCOVERY)
            .flatMap(List::stream)
            .toList();

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /**
     * Every rule, the ones that take project settings built with {@code options}. Rules that take
     * options are listed by their no-argument constructor above (with the defaults) and replaced here.
     */
    public static List<Rule> all(RuleOptions options) {
        if (options.equals(RuleOptions.DEFAULTS)) return ALL;
        return ALL.stream().map(rule -> withOptions(rule, options)).toList();
    }

    private static Rule withOptions(Rule rule, RuleOptions options) {
        return switch (rule.info().name()) {
            // case "image-not-pinned" -> new ImageNotPinned(options.requireDigest());
            default -> rule;
        };
    }

    /** The rule with this name, alias or id. */
    public static Optional<Rule> byName(String name) {
        return ALL.stream().filter(rule -> rule.info().answersTo(name)).findFirst();
    }
}
