package dev.shipshape.cli;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.report.FindingFilter;
import dev.shipshape.report.Report;
import dev.shipshape.report.Reporter;
import dev.shipshape.rules.Pillar;
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
import picocli.CommandLine.Spec;

/**
 * The options every checking command shares with {@code scan} (rules, policy, report format and
 * destination, failing threshold), and the one way a finished check is reported and turned into
 * an exit code. A picocli mixin: {@code @Mixin ReportOptions report;}.
 */
final class ReportOptions {

    /** A report to write: its format, and its file (none: standard output). */
    record Target(ScanFormat format, Path file) {

        /** Reads {@code FMT} or {@code FMT=FILE}; a bad format names the choices. */
        static final class Converter implements CommandLine.ITypeConverter<Target> {
            @Override
            public Target convert(String value) {
                int equals = value.indexOf('=');
                ScanFormat format = new ScanFormat.Choice().convert(equals < 0 ? value : value.substring(0, equals));
                if (equals < 0) return new Target(format, null);
                String file = value.substring(equals + 1);
                if (file.isBlank()) throw new CommandLine.TypeConversionException("the file after '=' is empty in '" + value + "'");
                return new Target(format, Path.of(file));
            }
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", converter = Target.Converter.class,
            description = "Output format: text, json, sarif, junit, checkstyle, gitlab, github or html (default: text). "
                    + "Repeat it to write several reports in one run: --format sarif=out.sarif, or --format sarif "
                    + "--output out.sarif; at most one goes to standard output.")
    List<Target> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report of the --format before it to FILE instead of standard output (replaced whole, "
                    + "never half-written; missing folders are created).")
    List<Path> outputs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"},
            description = "Text format: print only the findings, no input problems, summary or coverage.")
    boolean quiet;

    @Option(names = "--severity", paramLabel = "LEVEL", split = ",",
            converter = SeverityChoice.class, completionCandidates = SeverityChoice.class,
            description = "Show only findings of these severities: ${COMPLETION-CANDIDATES}. One LEVEL is a floor "
                    + "(medium: medium and worse); a list is exactly those (high,critical). Default: all. "
                    + "Hidden findings never fail the run.")
    List<Severity> severities = new ArrayList<>();

    @Option(names = "--pillar", paramLabel = "PILLAR", split = ",",
            converter = PillarChoice.class, completionCandidates = PillarChoice.class,
            description = "Show only findings of these pillars: ${COMPLETION-CANDIDATES} (comma-separated or repeated; "
                    + "default: all).")
    List<Pillar> pillars = new ArrayList<>();

    @Option(names = {"-v", "--verbose"},
            description = "Text format: print each finding's fix under it too, not only once per rule at the end.")
    boolean verbose;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            converter = SeverityChoice.class, completionCandidates = SeverityChoice.class,
            description = "Exit with 1 when a shown finding is at LEVEL or worse: ${COMPLETION-CANDIDATES} "
                    + "(default: fail-on of the .shipshape.yaml that governs the finding's file, else info, i.e. any finding).")
    Severity failOn;

    @Option(names = "--rule", paramLabel = "NAME", split = ",",
            description = "Run only these rules: names, former names, ids or globs ('daemon-*'); repeatable, or comma-separated.")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--skip-rule", paramLabel = "NAME", split = ",",
            description = "Never run these rules: names, ids or globs (repeatable, or comma-separated).")
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

    /** Which findings the report shows ({@code --pillar}, {@code --severity}). */
    FindingFilter filter() {
        return FindingFilter.of(pillars, severities);
    }

    /**
     * Writes the reports as asked and says how the run ends: {@link ExitCodes#FINDINGS} when a shown
     * finding reaches the threshold or the input had errors, {@link ExitCodes#USAGE} when a report
     * cannot be written, else {@link ExitCodes#OK}. Every report is checked before any is written.
     */
    int deliver(ScanOutcome outcome, CommandSpec spec) {
        List<Target> chosen;
        try {
            chosen = targets();
        } catch (IllegalArgumentException badTargets) {
            return usageError(spec, badTargets.getMessage());
        }
        Report shown = filter().apply(outcome.report());
        for (Target target : chosen) {
            Optional<String> failure = write(target, shown, spec);
            if (failure.isPresent()) return usageError(spec, failure.get());
        }
        boolean failing = shown.findings().stream().anyMatch(finding -> finding.severity().isAtLeast(
                failOn != null ? failOn : outcome.configuredFailOn(finding).orElse(Severity.INFO)));
        boolean unchecked = shown.diagnostics().stream().anyMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR);
        return failing || unchecked ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * The reports to write, text to standard output unless --format says otherwise. Each
     * {@code --output} belongs to the {@code --format} just before it (or, given first, to the next
     * one without a file), so the two are paired in command-line order.
     */
    List<Target> targets() {
        List<Target> chosen = new ArrayList<>();
        List<Path> pending = new ArrayList<>();
        int format = 0;
        int output = 0;
        for (var matched : matchedInOrder()) {
            if (matched.equals("--format")) {
                Target target = formats.get(format++);
                chosen.add(target.file() == null && !pending.isEmpty() ? new Target(target.format(), pending.removeFirst()) : target);
            } else if (!chosen.isEmpty() && chosen.getLast().file() == null) {
                chosen.set(chosen.size() - 1, new Target(chosen.getLast().format(), outputs.get(output++)));
            } else {
                pending.add(outputs.get(output++));
            }
        }
        if (chosen.isEmpty()) chosen.add(new Target(ScanFormat.TEXT, pending.isEmpty() ? null : pending.removeFirst()));
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("--output " + pending.getFirst() + " follows no --format of its own; write "
                    + "--format FORMAT --output FILE for each report, or --format FORMAT=FILE");
        }
        if (chosen.stream().filter(target -> target.file() == null).count() > 1) {
            throw new IllegalArgumentException("only one report can go to standard output; give each other --format its "
                    + "file (--format FORMAT=FILE)");
        }
        Set<Path> files = new java.util.HashSet<>();
        for (Target target : chosen) {
            if (target.file() != null && !files.add(target.file().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("two reports would be written to " + target.file());
            }
        }
        return chosen;
    }

    /** "--format" and "--output" as they were given, in order (picocli keeps each option's values, not their interleaving). */
    private List<String> matchedInOrder() {
        var formatOption = mixee.findOption("--format");
        var outputOption = mixee.findOption("--output");
        List<String> order = new ArrayList<>();
        CommandLine.ParseResult parsed = mixee.commandLine().getParseResult();
        if (parsed != null) {
            for (var arg : parsed.matchedArgs()) {
                if (arg == formatOption) order.add("--format");
                else if (arg == outputOption) order.add("--output");
            }
        }
        // Options set without parsing (a test that fills the fields) keep formats first, then outputs.
        if (order.stream().filter("--format"::equals).count() != formats.size()
                || order.stream().filter("--output"::equals).count() != outputs.size()) {
            order.clear();
            formats.forEach(target -> order.add("--format"));
            outputs.forEach(file -> order.add("--output"));
        }
        return order;
    }

    /** Writes one report whole or not at all; the reason when it cannot. */
    private Optional<String> write(Target target, Report shown, CommandSpec spec) {
        Reporter reporter = target.format().reporter(settings(target.file() != null));
        if (target.file() == null) {
            PrintWriter out = spec.commandLine().getOut();
            try {
                reporter.write(shown, out);
            } catch (IOException writingToStandardOutput) {
                throw new java.io.UncheckedIOException(writingToStandardOutput);
            }
            out.flush();
            return Optional.empty();
        }
        try (AtomicOutputFile file = AtomicOutputFile.prepare(target.file())) {
            try (Writer writer = file.writer()) {
                reporter.write(shown, writer);
            }
            file.commit();
            return Optional.empty();
        } catch (AtomicOutputFile.CannotWrite cannotWrite) {
            return Optional.of(cannotWrite.getMessage());
        } catch (IOException failure) {
            return Optional.of("cannot write " + target.file() + ": " + AtomicOutputFile.describe(failure));
        }
    }

    private ScanFormat.Settings settings(boolean toFile) {
        return new ScanFormat.Settings(VersionProvider.VERSION, colorEnabled(toFile), quiet, showSuppressed, verbose);
    }

    static int usageError(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("shipshape: " + message);
        err.flush();
        return ExitCodes.USAGE;
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
