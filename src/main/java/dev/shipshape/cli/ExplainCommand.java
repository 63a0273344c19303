package dev.shipshape.cli;

import dev.shipshape.report.RuleDocs;
import dev.shipshape.report.RuleExamples;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipshape explain RULE}: everything about one rule, with its tested examples. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Show everything about one rule: what it checks, why it matters, how to fix it, "
                + "its references, and examples of files it flags and files that pass.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK + ":the rule was shown", ExitCodes.USAGE + ":no rule has that name"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape explain privileged-container  # by name",
            "  shipshape explain SS-101                # by id, as in SARIF output",
        })
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule's name, former name or id (see 'shipshape rules').")
    String ruleName;

    @Override
    public Integer call() {
        List<RuleInfo> rules = BuiltInRules.all().stream().map(Rule::info).toList();
        Optional<RuleInfo> rule = find(rules, ruleName.strip());
        if (rule.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("shipshape: no rule is named '" + ruleName + "'" + suggestion(rules, ruleName.strip()));
            err.println("'shipshape rules' lists them all.");
            err.flush();
            return ExitCodes.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(new RuleDocs(rules, RuleExamples.packaged()).explain(rule.get()));
        out.flush();
        return ExitCodes.OK;
    }

    private static Optional<RuleInfo> find(List<RuleInfo> rules, String name) {
        return rules.stream()
                .filter(rule -> rule.answersTo(name)
                        || rule.answersTo(name.toLowerCase(Locale.ROOT))
                        || rule.answersTo(name.toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    /** "; did you mean privileged-container?" for the closest name by edit distance, if it is close. */
    static String suggestion(List<RuleInfo> rules, String typed) {
        String query = typed.toLowerCase(Locale.ROOT);
        record Candidate(String ruleName, int distance) {
        }
        Optional<Candidate> closest = rules.stream()
                .flatMap(rule -> Stream.concat(Stream.of(rule.name()), rule.aliases().stream())
                        .map(name -> new Candidate(rule.name(), editDistance(query, name))))
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::ruleName));
        if (closest.isPresent() && closest.get().distance() <= Math.max(2, query.length() / 3)) {
            return "; did you mean " + closest.get().ruleName() + "?";
        }
        List<String> containing = rules.stream().map(RuleInfo::name).filter(name -> name.contains(query)).sorted().limit(3).toList();
        if (!query.isEmpty() && !containing.isEmpty()) return "; did you mean " + String.join(" or ", containing) + "?";
        return "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
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
}
