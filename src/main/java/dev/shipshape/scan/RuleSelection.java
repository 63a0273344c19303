package dev.shipshape.scan;

import dev.shipshape.policy.Policy;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which rules a run uses: every rule the policy does not disable; {@code --rule} narrows that to
 * the rules named (and, being the more explicit request, runs them even when the configuration
 * file disables them); {@code --skip-rule} then removes rules. Each entry is a name, an alias, an
 * id, or a glob over those ({@code daemon-*}, {@code SS-1??}); an entry that matches no rule is an
 * error that suggests the nearest name. Public so that every checking command selects the same way.
 */
public final class RuleSelection {

    /** A typo this far (in edits) from a rule's name is worth a suggestion. */
    private static final int SUGGESTION_DISTANCE = 3;

    private RuleSelection() {
    }

    public static List<Rule> select(List<Rule> available, Policy policy, Set<String> onlyRules, Set<String> skipRules)
            throws ConfigurationException {
        for (String entry : union(onlyRules, skipRules)) {
            if (available.stream().noneMatch(rule -> matches(rule.info(), entry))) throw new ConfigurationException(unknown(entry, available));
        }
        return available.stream()
                .filter(rule -> onlyRules.isEmpty() ? !policy.disables(rule.info()) : matchesAny(rule, onlyRules))
                .filter(rule -> !matchesAny(rule, skipRules))
                .toList();
    }

    /** Whether {@code entry} (a name, alias or id, or a glob over them) selects the rule. */
    public static boolean matches(RuleInfo rule, String entry) {
        if (!isGlob(entry)) return rule.answersTo(entry);
        Pattern glob = globPattern(entry);
        return Stream.concat(Stream.of(rule.name(), rule.id()), rule.aliases().stream()).anyMatch(name -> glob.matcher(name).matches());
    }

    private static boolean isGlob(String entry) {
        return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0;
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** "unknown rule 'privileged-contaner'; did you mean 'privileged-container'? run `shipshape rules` to list them". */
    static String unknown(String entry, List<Rule> available) {
        String what = isGlob(entry) ? "no rule matches '%s'".formatted(entry) : "unknown rule '%s'".formatted(entry);
        Optional<String> nearest = isGlob(entry) ? Optional.empty() : nearest(entry, available);
        return what + nearest.map(name -> "; did you mean '%s'? run".formatted(name)).orElse("; run")
                + " `shipshape rules` to list them";
    }

    private static Optional<String> nearest(String entry, List<Rule> available) {
        record Candidate(String name, int distance) {
        }
        return available.stream()
                .flatMap(rule -> Stream.concat(Stream.of(rule.info().name()), rule.info().aliases().stream()))
                .map(name -> new Candidate(name, distance(entry.toLowerCase(java.util.Locale.ROOT), name)))
                .filter(candidate -> candidate.distance() <= Math.min(SUGGESTION_DISTANCE, Math.max(1, entry.length() / 3)))
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean matchesAny(Rule rule, Set<String> entries) {
        return entries.stream().anyMatch(entry -> matches(rule.info(), entry));
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }
}
