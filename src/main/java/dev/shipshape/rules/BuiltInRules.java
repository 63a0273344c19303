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

    /** The rule with this name, alias or id. */
    public static Optional<Rule> byName(String name) {
        return ALL.stream().filter(rule -> rule.info().answersTo(name)).findFirst();
    }
}
