package dev.shipshape.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code shipshape}: the root command; the work is done by its subcommands. */
@Command(
        name = "shipshape",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Is this container setup ready for production? shipshape checks the five things that decide it "
                    + "(security, storage, orchestration, networking and service discovery) in Dockerfiles, "
                    + "Compose and Swarm stack files, Kubernetes manifests and the Docker daemon's daemon.json.",
        },
        subcommands = {ScanCommand.class, AuditCommand.class, ServeCommand.class, RulesCommand.class, ExplainCommand.class, WaiversCommand.class, HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE, ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape scan .                        # every supported file below here",
            "  shipshape scan compose.yaml --fail-on high",
            "  shipshape scan deploy/ --format sarif --output shipshape.sarif",
            "  shipshape serve --docker-plugin         # enforce the rules as a Docker authorization plugin",
            "  shipshape rules                         # every rule, by pillar",
            "  shipshape explain privileged-container  # why, how to fix, examples",
            "  shipshape help scan                     # every option of scan",
        })
public final class ShipshapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an internal error, print the stack trace (include it when you report a bug).")
    boolean debug;

    /** The command line exactly as {@code Main} runs it: an internal error is one line and exit 3. */
    public static CommandLine commandLine() {
        return new CommandLine(new ShipshapeCommand())
                .setExecutionExceptionHandler(new InternalErrorHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'shipshape scan .' or 'shipshape --help'");
    }
}
