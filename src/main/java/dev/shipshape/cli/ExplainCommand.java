package dev.shipshape.cli;

import dev.shipshape.policy.Policy;
import dev.shipshape.policy.cel.CustomRule;
import dev.shipshape.report.RuleDocs;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.RuleSelection;
import dev.shipshape.scan.Scanner;
import java.nio.file.Path;
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
import picocli.CommandLine.Option;
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
        exitCodeList = {ExitCodes.OK + ":the rule was shown", ExitCodes.USAGE + ":no rule has that name, or the policy file is bad"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape explain privileged-container  # by name",
            "  shipshape explain SS-101                # by id, as in SARIF output",
            "  shipshape explain team-label --config ci/.shipshape.yaml  # a project's custom rule",
        })
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule's name, former name or id (see 'shipshape rules').")
    String ruleName;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Also know the custom rules of this policy file (default: the first .shipshape.yaml "
                    + "found upward from the current folder).")
    Path configFile;

    @Override
    public Integer call() {
        Policy policy;
        try {
            policy = Scanner.policy(Optional.ofNullable(configFile), Path.of("."));
        } catch (ConfigurationException badConfiguration) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("shipshape: " + badConfiguration.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        List<RuleInfo> rules = Stream.concat(BuiltInRules.all().stream().map(Rule::info),
                policy.customRules().stream().map(CustomRule::info)).toList();
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
        return RuleSelection.distance(a, b);
    }
}
