package dev.shipshape.cli;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.report.JsonReporter;
import dev.shipshape.report.Report;
import dev.shipshape.report.Reporter;
import dev.shipshape.report.SarifReporter;
import dev.shipshape.report.TextReporter;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.ScanOutcome;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipshape scan PATH...}: checks files and reports the findings; the exit code says whether to fail. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Check Dockerfiles, Compose and Swarm stack files, Kubernetes manifests and daemon.json files "
                    + "for what keeps them from production, and exit with 1 when something at or above "
                    + "--fail-on is found.",
            "",
            "Folders are searched recursively. A project's .shipshape.yaml (looked for upward from the "
                    + "first PATH, or given with --config) chooses rules, severities and the failing threshold, "
                    + "waives accepted risks until a date, and adds the project's own rules in CEL.",
            "",
            "An estate with known findings adopts shipshape with a baseline: --write-baseline records today's "
                    + "findings, and later scans with --baseline report (and fail on) only new ones, and list "
                    + "the recorded ones that are fixed. Findings are matched by rule, object and offending "
                    + "value, not by line, so edits elsewhere in a file do not make them new.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FINDINGS_LINE, ExitCodes.USAGE_LINE, ExitCodes.INTERNAL_ERROR_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # everything below the current folder",
            "  shipshape scan",
            "  # chosen files and folders",
            "  shipshape scan compose.yaml k8s/ Dockerfile",
            "  # fail only for high or critical findings",
            "  shipshape scan . --fail-on high",
            "  # only medium and worse, without the summary",
            "  shipshape scan . --severity medium --quiet",
            "  # for GitHub code scanning",
            "  shipshape scan . --format sarif --output shipshape.sarif",
            "  # leave a rule and a folder out",
            "  shipshape scan . --skip-rule default-bridge-network --exclude 'test/**'",
            "  # adopt on an existing estate: record today's findings, then fail only on new ones",
            "  shipshape scan . --write-baseline .shipshape-baseline.json",
            "  shipshape scan . --baseline .shipshape-baseline.json",
        })
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to scan (default: the current folder).")
    List<Path> paths;

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
                    + "Hidden findings never fail the scan.")
    Severity minimumSeverity;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            converter = SeverityChoice.class, completionCandidates = SeverityChoice.class,
            description = "Exit with 1 when a shown finding is at LEVEL or worse: ${COMPLETION-CANDIDATES} "
                    + "(default: fail-on in .shipshape.yaml, else info, i.e. any finding).")
    Severity failOn;

    @Option(names = "--rule", paramLabel = "NAME", split = ",",
            description = "Run only these rules (names, former names or ids; repeatable, or comma-separated).")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--skip-rule", paramLabel = "NAME", split = ",",
            description = "Never run these rules (repeatable, or comma-separated).")
    List<String> skipRules = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB, e.g. 'test/**' or '**/*.generated.yaml' (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Use this policy file (default: the first .shipshape.yaml found upward from the first PATH).")
    Path configFile;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MiB", converter = ByteSizeConverter.class,
            description = "Skip (and report) files larger than SIZE, e.g. 500k, 10MiB, 1g; units count in 1024s "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(names = "--show-suppressed",
            description = "Text format: also list suppressed findings with their reasons "
                    + "(JSON and SARIF always include them).")
    boolean showSuppressed;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report and fail only on findings that are not in this baseline file; baseline findings "
                    + "that are gone are listed as fixed.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write this scan's findings (after waivers and suppressions) to FILE as a baseline "
                    + "(JSON, stable order). With --baseline as well, the report still compares with the old one.")
    Path writeBaseline;

    @Option(names = "--allow-empty",
            description = "Succeed when no file to scan is found (by default that is exit 2, so a wrong path "
                    + "cannot pass a build).")
    boolean allowEmpty;

    @Option(names = "--color", negatable = true,
            description = "Colour the text output (default: only when standard output is a terminal, "
                    + "NO_COLOR is unset and --output is not used).")
    Boolean color;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> targets = paths == null || paths.isEmpty() ? List.of(Path.of(".")) : List.copyOf(paths);
        for (Path target : targets) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return usageError("no such file or directory: " + target);
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            return usageError("no such configuration file: " + configFile);
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            return usageError("no such baseline file: " + baseline + " (write one with --write-baseline " + baseline + ")");
        }
        Optional<AtomicOutputFile> file = Optional.empty();
        Optional<AtomicOutputFile> baselineFile = Optional.empty();
        try {
            if (output != null) file = Optional.of(AtomicOutputFile.prepare(output));
            if (writeBaseline != null) baselineFile = Optional.of(AtomicOutputFile.prepare(writeBaseline));
            ScanOutcome outcome;
            try {
                outcome = new Scanner().scan(request(targets));
            } catch (ConfigurationException badConfiguration) {
                return usageError(badConfiguration.getMessage());
            }
            Report report = outcome.report();
            if (report.coverage().filesFound() == 0 && !allowEmpty) {
                return usageError("no Dockerfile, Compose, stack, Kubernetes or daemon.json file found under "
                        + targets.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + " (--allow-empty accepts that)");
            }
            if (outcome.baselineToWrite().isPresent() && baselineFile.isPresent()) {
                try (Writer writer = baselineFile.get().writer()) {
                    outcome.baselineToWrite().get().write(writer);
                } catch (IOException failure) {
                    return usageError("cannot write " + writeBaseline + ": " + AtomicOutputFile.describe(failure));
                }
                baselineFile.get().commit();
                int entries = outcome.baselineToWrite().get().entries().size();
                err.println("shipshape: wrote " + entries + " finding" + (entries == 1 ? "" : "s") + " to the baseline " + writeBaseline);
            }
            Report shown = shownAtOrAbove(report, minimumSeverity);
            Reporter reporter = reporter(file.isPresent());
            if (file.isPresent()) {
                try (Writer writer = file.get().writer()) {
                    reporter.write(shown, writer);
                } catch (IOException failure) {
                    return usageError("cannot write " + output + ": " + AtomicOutputFile.describe(failure));
                }
                file.get().commit();
            } else {
                PrintWriter out = spec.commandLine().getOut();
                reporter.write(shown, out);
                out.flush();
            }
            Severity threshold = failOn != null ? failOn : outcome.configuredFailOn().orElse(Severity.INFO);
            boolean failing = shown.findings().stream().anyMatch(finding -> finding.severity().isAtLeast(threshold));
            boolean unchecked = report.diagnostics().stream().anyMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR);
            return failing || unchecked ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (AtomicOutputFile.CannotWrite cannotWrite) {
            return usageError(cannotWrite.getMessage());
        } catch (IOException writingToStandardOutput) {
            throw new java.io.UncheckedIOException(writingToStandardOutput);
        } finally {
            file.ifPresent(AtomicOutputFile::close);
            baselineFile.ifPresent(AtomicOutputFile::close);
            err.flush();
        }
    }

    private ScanRequest request(List<Path> targets) {
        return new ScanRequest(
                targets,
                excludes,
                maxFileSize,
                Optional.ofNullable(configFile),
                new LinkedHashSet<>(trimmed(onlyRules)),
                new LinkedHashSet<>(trimmed(skipRules)),
                System.getenv(),
                Optional.ofNullable(baseline),
                Optional.ofNullable(writeBaseline));
    }

    private static List<String> trimmed(List<String> names) {
        return names.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The report as the user asked to see it: findings below {@code --severity} are left out, also from the counts. */
    static Report shownAtOrAbove(Report report, Severity minimum) {
        return new Report(
                report.findings().stream().filter(finding -> finding.severity().isAtLeast(minimum)).toList(),
                report.suppressed().stream().filter(entry -> entry.finding().severity().isAtLeast(minimum)).toList(),
                report.diagnostics(),
                report.coverage(),
                report.rules(),
                report.baseline());
    }

    private Reporter reporter(boolean toFile) {
        return switch (format) {
            case TEXT -> new TextReporter(new TextReporter.Options(colorEnabled(toFile), quiet, showSuppressed));
            case JSON -> new JsonReporter(VersionProvider.VERSION);
            case SARIF -> new SarifReporter(VersionProvider.VERSION);
        };
    }

    private boolean colorEnabled(boolean toFile) {
        if (color != null) return color;
        if (toFile) return false;
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        return CommandLine.Help.Ansi.AUTO.enabled();
    }

    private int usageError(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("shipshape: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
