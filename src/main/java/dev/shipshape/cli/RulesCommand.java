package dev.shipshape.cli;

import dev.shipshape.report.RuleDocs;
import dev.shipshape.report.RuleExamples;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shipshape rules}: every rule, as a table, JSON or the Markdown of docs/rules.md. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "List every rule: id, name, pillar, default severity and title.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK + ":the rules were listed", ExitCodes.USAGE_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape rules                         # a table, grouped by pillar",
            "  shipshape rules --format json | jq -r '.rules[].name'",
            "  shipshape rules --format markdown > docs/rules.md",
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

    @Override
    public Integer call() {
        RuleDocs docs = new RuleDocs(BuiltInRules.all().stream().map(Rule::info).toList(), RuleExamples.packaged());
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case TEXT -> docs.table();
            case JSON -> docs.json();
            case MARKDOWN -> docs.markdown();
        });
        out.flush();
        return ExitCodes.OK;
    }
}
