package dev.shipshape.cli;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.report.JsonReporter;
import dev.shipshape.report.Report;
import dev.shipshape.report.Reporter;
import dev.shipshape.report.SarifReporter;
import dev.shipshape.report.TextReporter;
import dev.shipshape.report.html.HtmlReporter;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ScanOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every checking command shares with {@code scan} (rules, policy, report format and
 * destination, failing threshold), and the one way a finished check is reported and turned into
 * an exit code. A picocli mixin: {@code @Mixin ReportOptions report;}.
 */
final class ReportOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ScanFormat.Choice.class, completionCandidates = ScanFormat.Choice.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScanFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (replaced whole, never half-written; "
                    + "missing folders are created).")
    Path output;

    @Option(names = {"-q", "--quiet"},
            description = "Text format: print only the findings, no input problems, summary or coverage.")
    boolean quiet;

    @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "info",
            converter = SeverityChoice.class, completionCandidates = SeverityChoice.class,
            description = "Hide findings below LEVEL: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, show all). "
                    + "Hidden findings never fail the run.")
    Severity minimumSeverity;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            converter = SeverityChoice.class, completionCandidates = SeverityChoice.class,
            description = "Exit with 1 when a shown finding is at LEVEL or worse: ${COMPLETION-CANDIDATES} "
                    + "(default: fail-on of the .shipshape.yaml that governs the finding's file, else info, i.e. any finding).")
    Severity failOn;

    @Option(names = "--rule", paramLabel = "NAME", split = ",",
            description = "Run only these rules (names, former names or ids; repeatable, or comma-separated).")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--skip-rule", paramLabel = "NAME", split = ",",
            description = "Never run these rules (repeatable, or comma-separated).")
    List<String> skipRules = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Use this policy file for everything checked (default: the nearest .shipshape.yaml to each "
                    + "file scanned, or to the working folder for a live audit, looked for upward to the top of the "
                    + "repository, the folder with .git).")
    Path configFile;

    @Option(names = "--show-suppressed",
            description = "Text format: also list suppressed findings with their reasons (JSON and SARIF always include them).")
    boolean showSuppressed;

    @Option(names = "--color", negatable = true,
            description = "Colour the text output (default: only when standard output is a terminal, "
                    + "NO_COLOR is unset and --output is not used).")
    Boolean color;

    Set<String> onlyRules() {
        return new LinkedHashSet<>(trimmed(onlyRules));
    }

    Set<String> skipRules() {
        return new LinkedHashSet<>(trimmed(skipRules));
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /**
     * Writes the report as asked and says how the run ends: {@link ExitCodes#FINDINGS} when a shown
     * finding reaches the threshold or the input had errors, {@link ExitCodes#USAGE} when the
     * report cannot be written, else {@link ExitCodes#OK}.
     */
    int deliver(ScanOutcome outcome, CommandSpec spec) {
        Optional<AtomicOutputFile> file = Optional.empty();
        try {
            if (output != null) file = Optional.of(AtomicOutputFile.prepare(output));
            Report shown = ScanCommand.shownAtOrAbove(outcome.report(), minimumSeverity);
            Reporter reporter = reporter(file.isPresent());
            if (file.isPresent()) {
                try (Writer writer = file.get().writer()) {
                    reporter.write(shown, writer);
                } catch (IOException failure) {
                    return usageError(spec, "cannot write " + output + ": " + AtomicOutputFile.describe(failure));
                }
                file.get().commit();
            } else {
                PrintWriter out = spec.commandLine().getOut();
                reporter.write(shown, out);
                out.flush();
            }
            boolean failing = shown.findings().stream().anyMatch(finding -> finding.severity().isAtLeast(
                    failOn != null ? failOn : outcome.configuredFailOn(finding).orElse(Severity.INFO)));
            boolean unchecked = shown.diagnostics().stream().anyMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR);
            return failing || unchecked ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (AtomicOutputFile.CannotWrite cannotWrite) {
            return usageError(spec, cannotWrite.getMessage());
        } catch (IOException writingToStandardOutput) {
            throw new java.io.UncheckedIOException(writingToStandardOutput);
        } finally {
            file.ifPresent(AtomicOutputFile::close);
        }
    }

    static int usageError(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("shipshape: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }

    private Reporter reporter(boolean toFile) {
        return switch (format) {
            case TEXT -> new TextReporter(new TextReporter.Options(colorEnabled(toFile), quiet, showSuppressed));
            case JSON -> new JsonReporter(VersionProvider.VERSION);
            case SARIF -> new SarifReporter(VersionProvider.VERSION);
            case HTML -> new HtmlReporter(VersionProvider.VERSION);
        };
    }

    private boolean colorEnabled(boolean toFile) {
        if (color != null) return color;
        if (toFile) return false;
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        return CommandLine.Help.Ansi.AUTO.enabled();
    }

    private static List<String> trimmed(List<String> names) {
        return names.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
