package dev.shipshape.cli;

import dev.shipshape.policy.Policy;
import dev.shipshape.policy.cel.CelSchema;
import dev.shipshape.policy.cel.CustomRule;
import dev.shipshape.report.RuleDocs;
import dev.shipshape.report.RuleExamples;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.Scanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipshape rules}: every rule, as a table, JSON or the Markdown of docs/rules.md; the
 * project's custom rules (from the {@code .shipshape.yaml} found upward from here, or
 * {@code --config}) are listed with the built-in ones. {@code --cel-schema} prints what custom
 * rules can use.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "List every rule: id, name, pillar, default severity and title. The project's own rules "
                + "(rules: in .shipshape.yaml) are listed too, with ids CUSTOM-<name>.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK + ":the rules were listed", ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape rules                         # a table, grouped by pillar",
            "  shipshape rules --format json | jq -r '.rules[].name'",
            "  shipshape rules --format markdown > docs/rules.md",
            "  shipshape rules --cel-schema            # what custom rules in CEL can use",
            "  shipshape explain privileged-container  # one rule in full",
        })
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = RulesFormat.Choice.class, completionCandidates = RulesFormat.Choice.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "markdown is the page docs/rules.md, with each rule's tested examples.")
    RulesFormat format;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Also list the custom rules of this policy file (default: the first .shipshape.yaml "
                    + "found upward from the current folder).")
    Path configFile;

    @Option(names = "--cel-schema",
            description = "Print the model as custom rules see it in CEL: variables, types and fields.")
    boolean celSchema;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (celSchema) {
            out.print(CelSchema.describe());
            out.flush();
            return ExitCodes.OK;
        }
        Policy policy;
        try {
            policy = Scanner.policy(Optional.ofNullable(configFile), Path.of("."));
        } catch (ConfigurationException badConfiguration) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("shipshape: " + badConfiguration.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        List<RuleInfo> rules = Stream.concat(BuiltInRules.all().stream().map(Rule::info), policy.customRules().stream().map(CustomRule::info))
                .toList();
        RuleDocs docs = new RuleDocs(rules, RuleExamples.packaged());
        out.print(switch (format) {
            case TEXT -> docs.table();
            case JSON -> docs.json();
            case MARKDOWN -> docs.markdown();
        });
        out.flush();
        return ExitCodes.OK;
    }
}
