package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ShipshapeCommandTest {

    @Test
    void helpListsTheCommandsExitCodesAndExamples() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: shipshape [-hV] [--debug] COMMAND")
                .contains("  scan ", "  rules ", "  explain ", "  help ")
                .contains("Exit codes:",
                        "  0   no finding at or above the --fail-on threshold",
                        "  1   findings at or above the --fail-on threshold",
                        "  2   usage or configuration error, or nothing to scan",
                        "  3   internal error")
                .contains("Examples:", "shipshape scan deploy/ --format sarif --output shipshape.sarif");
    }

    @Test
    void everyCommandTeachesWithExamplesAndExitCodes() {
        for (String command : new String[] {"scan", "rules", "explain"}) {
            CliRun run = CliRun.of(command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: shipshape " + command)
                    .contains("Examples:", "shipshape " + command, "Exit codes:");
        }
        assertThat(CliRun.of("help", "scan").out()).isEqualTo(CliRun.of("scan", "--help").out());
    }

    @Test
    void versionNamesTheToolTheCommitAndTheJava() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        // the build writes the commit (pom.xml, antrun "build-properties"); this checkout is a git one
        assertThat(run.out()).matches("shipshape " + Pattern.quote(VersionProvider.VERSION) + "\n"
                + "commit [0-9a-f]{40}( \\(modified\\))?\n"
                + "Java " + Pattern.quote(Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                        + System.getProperty("java.home")) + "\n");
    }

    @Test
    void theVersionIsThePomVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>shipshape</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));

        assertThat(version.find()).isTrue();
        assertThat(VersionProvider.VERSION).isEqualTo(version.group(1));
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Missing command: try 'shipshape scan .' or 'shipshape --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedCommandGetsASuggestionAndWhereTheHelpIsNotTheWholeUsage() {
        CliRun run = CliRun.of("scna", ".");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("""
                Unmatched arguments from index 0: 'scna', '.'
                Did you mean: shipshape scan?
                See 'shipshape --help' for the options and examples.
                """);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("scan", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--frobnicate'");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("kaboom");
        }
    }

    private static CommandLine withBoom() {
        CommandLine commandLine = ShipshapeCommand.commandLine();
        commandLine.addSubcommand("boom", new Boom());
        return commandLine;
    }

    @Test
    void anInternalErrorIsOneLineAndExitThree() {
        CliRun run = CliRun.on(withBoom(), "boom");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(run.err()).isEqualTo(
                "shipshape: internal error: java.lang.IllegalStateException: kaboom (run with --debug for the stack trace)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void debugAddsTheStackTraceBeforeOrAfterTheCommand() {
        for (String[] args : new String[][] {{"--debug", "boom"}, {"boom", "--debug"}}) {
            CliRun run = CliRun.on(withBoom(), args);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(run.err()).startsWith("java.lang.IllegalStateException: kaboom")
                    .contains("at dev.shipshape.cli.ShipshapeCommandTest$Boom.call(")
                    .endsWith("shipshape: internal error: java.lang.IllegalStateException: kaboom\n");
        }
    }
}
