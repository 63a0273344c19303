package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.Coverage;
import dev.shipshape.scan.SkippedFile;
import java.io.IOException;
import java.io.Writer;
import dev.shipshape.rules.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report for people: one line per finding in the form editors and terminals link
 * ({@code path:line:col: severity rule message}; a live object by its description), then how to
 * fix each rule that fired, once, with its count; then how they compare with a baseline (when one
 * was given), the problems with the input, and a summary for the pillars that apply.
 *
 * <pre>
 * compose.yaml:6:5: critical privileged-container service 'web' runs privileged
 * container web (3f2a9c): low default-bridge-network container web is on the default bridge network
 *
 * How to fix
 *   privileged-container (critical, 1 finding)
 *     Remove `privileged: true` ...
 * </pre>
 * With {@code verbose}, each finding also has its fix on the line below it.
 */
public final class TextReporter implements Reporter {

    /**
     * @param color          ANSI colours (severity, dim fix lines); the CLI decides when
     * @param quiet          only the findings: no fixes, input problems, summary or coverage
     * @param showSuppressed also list the suppressed findings with their reasons
     * @param verbose        each finding's fix under it, as well as in the closing block
     */
    public record Options(boolean color, boolean quiet, boolean showSuppressed, boolean verbose) {
        public static final Options PLAIN = new Options(false, false, false, false);

        public Options(boolean color, boolean quiet, boolean showSuppressed) {
            this(color, quiet, showSuppressed, false);
        }
    }

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final int SEVERITY_WIDTH = 8;

    private final Options options;

    public TextReporter(Options options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<String> sections = new ArrayList<>();
        if (!options.quiet() && !report.policies().isEmpty()) sections.add(policyHeader(report.policies()));
        if (!report.findings().isEmpty()) sections.add(findingLines(report));
        if (!options.quiet()) {
            if (!report.findings().isEmpty()) sections.add(howToFix(report));
            report.baseline().ifPresent(baseline -> sections.add(baseline(baseline)));
            // Notes (an object kind that is not checked) are in JSON and SARIF; here they would bury the errors.
            List<Diagnostic> problems = report.diagnostics().stream()
                    .filter(diagnostic -> diagnostic.level() != Diagnostic.Level.INFO)
                    .toList();
            if (!problems.isEmpty()) sections.add(diagnostics(problems));
            if (options.showSuppressed() && !report.suppressed().isEmpty()) sections.add(suppressed(report.suppressed()));
            String pillars = pillarSummary(report);
            if (!pillars.isEmpty()) sections.add(pillars);
            sections.add(totals(report));
        }
        out.write(String.join("\n", sections));
        out.flush();
    }

    /** "policy: .shipshape.yaml" or "policies: api/.shipshape.yaml, web/.shipshape.yaml": what governed the run. */
    private static String policyHeader(List<String> policies) {
        return (policies.size() == 1 ? "policy: " : "policies: ")
                + String.join(", ", policies.stream().map(TextReporter::printable).toList()) + "\n";
    }

    /** One line per finding, files in path order then live objects; with --verbose, each fix under its finding. */
    private String findingLines(Report report) {
        List<Finding> sorted = new ArrayList<>(report.findings());
        sorted.sort(Comparator.comparing((Finding finding) -> !finding.origin().isInFile()).thenComparing(Finding.BY_LOCATION));
        StringBuilder text = new StringBuilder();
        for (Finding finding : sorted) {
            text.append(paint(printable(finding.origin().toString()), BOLD)).append(": ")
                    .append(paint(finding.severity().label(), colorOf(finding.severity()))).append(' ')
                    .append(finding.rule().name()).append(' ')
                    .append(printable(finding.message())).append('\n');
            if (options.verbose()) text.append("    ").append(paint("fix: " + printable(report.remediation(finding)), DIM)).append('\n');
        }
        return text.toString();
    }

    /**
     * Each rule that fired, worst first, with its count and its fix, once. Where the fix depends on
     * the source (a Compose key, a Kubernetes key, a docker run flag), each kind that had findings
     * gets its own line.
     */
    private String howToFix(Report report) {
        Map<RuleInfo, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding finding : report.findings()) byRule.computeIfAbsent(finding.rule(), rule -> new ArrayList<>()).add(finding);
        List<RuleInfo> rules = new ArrayList<>(byRule.keySet());
        rules.sort(Comparator.comparing((RuleInfo rule) -> worst(byRule.get(rule)))
                .thenComparing(rule -> -byRule.get(rule).size())
                .thenComparing(RuleInfo::name));
        StringBuilder text = new StringBuilder(paint("How to fix", BOLD)).append('\n');
        for (RuleInfo rule : rules) {
            List<Finding> findings = byRule.get(rule);
            text.append("  ").append(rule.name()).append(", ").append(plural(findings.size(), "finding"))
                    .append(" (").append(severityCounts(countBySeverity(findings))).append("): ")
                    .append(printable(rule.title())).append('\n');
            Map<String, Set<String>> kindsByFix = new LinkedHashMap<>();
            for (Finding finding : findings) {
                Report.Identity identity = report.identity(finding).orElse(null);
                SourceKind kind = identity == null ? null : identity.kind();
                kindsByFix.computeIfAbsent(report.remediation(finding), fix -> new TreeSet<>())
                        .add(kind == null ? "" : shortName(kind));
            }
            for (var fix : kindsByFix.entrySet()) {
                String kinds = kindsByFix.size() == 1 ? "" : String.join(", ", fix.getValue().stream().filter(name -> !name.isEmpty()).toList());
                text.append("    ").append(kinds.isEmpty() ? "" : kinds + ": ").append(printable(fix.getKey())).append('\n');
            }
        }
        return text.toString();
    }

    private static Severity worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
    }

    private static Map<Severity, Integer> countBySeverity(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding finding : findings) counts.merge(finding.severity(), 1, Integer::sum);
        return counts;
    }

    private String diagnostics(List<Diagnostic> diagnostics) {
        StringBuilder text = new StringBuilder();
        List<Diagnostic> sorted = diagnostics.stream()
                .sorted((a, b) -> a.origin().compareTo(b.origin()))
                .toList();
        int originWidth = sorted.stream().mapToInt(diagnostic -> printable(diagnostic.origin().toString()).length()).max().orElse(0);
        text.append("problems with the input:\n");
        for (Diagnostic diagnostic : sorted) {
            String level = diagnostic.level().name().toLowerCase(java.util.Locale.ROOT);
            String levelColor = switch (diagnostic.level()) {
                case ERROR -> "\u001B[31m";
                case WARNING -> "\u001B[33m";
                case INFO -> "";
            };
            text.append("  ").append(pad(printable(diagnostic.origin().toString()), originWidth))
                    .append("  ").append(paint(pad(level, 7), levelColor))
                    .append("  ").append(printable(diagnostic.message())).append('\n');
        }
        return text.toString();
    }

    private String suppressed(List<Report.SuppressedFinding> suppressed) {
        StringBuilder text = new StringBuilder("suppressed findings:\n");
        List<Report.SuppressedFinding> sorted = suppressed.stream()
                .sorted((a, b) -> Finding.BY_LOCATION.compare(a.finding(), b.finding()))
                .toList();
        int originWidth = sorted.stream().mapToInt(entry -> printable(entry.finding().origin().toString()).length()).max().orElse(0);
        int ruleWidth = sorted.stream().mapToInt(entry -> entry.finding().rule().name().length()).max().orElse(0);
        for (Report.SuppressedFinding entry : sorted) {
            Finding finding = entry.finding();
            String reason = entry.reason() == null || entry.reason().isBlank() ? "(no reason given)" : printable(entry.reason());
            if (entry.isWaived()) {
                reason = "waived by %s until %s: %s".formatted(printable(entry.waiver().owner()), entry.waiver().expires(), reason);
            }
            text.append("  ").append(pad(printable(finding.origin().toString()), originWidth))
                    .append("  ").append(pad(finding.severity().label(), SEVERITY_WIDTH))
                    .append("  ").append(pad(finding.rule().name(), ruleWidth))
                    .append("  ").append(printable(finding.message())).append('\n');
            text.append("  ").append(" ".repeat(originWidth + 2)).append(paint((entry.isWaived() ? "" : "reason: ") + reason, DIM)).append('\n');
        }
        return text.toString();
    }

    /** What the baseline holds back, and what it lists that is gone: the entries to drop from it. */
    private static String baseline(Report.BaselineComparison baseline) {
        StringBuilder text = new StringBuilder("baseline ").append(printable(baseline.file())).append(": ")
                .append(plural(baseline.unchanged().size(), "known finding")).append(" not shown, ");
        if (baseline.fixed().isEmpty()) return text.append("none fixed\n").toString();
        text.append(baseline.fixed().size()).append(" fixed (write the baseline again to drop ")
                .append(baseline.fixed().size() == 1 ? "it" : "them").append("):\n");
        List<Report.FixedFinding> fixed = baseline.fixed();
        int fileWidth = fixed.stream().mapToInt(entry -> printable(entry.file()).length()).max().orElse(0);
        int objectWidth = fixed.stream().mapToInt(entry -> printable(entry.object()).length()).max().orElse(0);
        int ruleWidth = fixed.stream().mapToInt(entry -> printable(entry.rule()).length()).max().orElse(0);
        for (Report.FixedFinding entry : fixed) {
            text.append("  ").append(pad(printable(entry.file()), fileWidth))
                    .append("  ").append(pad(printable(entry.object()), objectWidth))
                    .append("  ").append(pad(printable(entry.rule()), ruleWidth))
                    .append("  ").append(printable(entry.message()).stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /**
     * One line per pillar that applies to what was checked (a pillar some rule that ran belongs to,
     * or some finding), so that a pillar with nothing to report is visibly clean and one that was
     * never looked at is not called clean.
     */
    private static String pillarSummary(Report report) {
        Set<Pillar> applicable = EnumSet.noneOf(Pillar.class);
        report.rules().forEach(rule -> applicable.add(rule.pillar()));
        report.findings().forEach(finding -> applicable.add(finding.rule().pillar()));
        Map<Pillar, Map<Severity, Integer>> byPillar = new EnumMap<>(Pillar.class);
        for (Pillar pillar : applicable) byPillar.put(pillar, new EnumMap<>(Severity.class));
        for (Finding finding : report.findings()) byPillar.get(finding.rule().pillar()).merge(finding.severity(), 1, Integer::sum);
        int pillarWidth = applicable.stream().mapToInt(pillar -> pillar.displayName().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Pillar pillar : applicable) {
            Map<Severity, Integer> counts = byPillar.get(pillar);
            text.append(pad(pillar.displayName(), pillarWidth)).append("  ")
                    .append(counts.isEmpty() ? "no findings" : severityCounts(counts)).append('\n');
        }
        return text.toString();
    }

    private String totals(Report report) {
        Map<Severity, Integer> total = new EnumMap<>(Severity.class);
        for (Finding finding : report.findings()) total.merge(finding.severity(), 1, Integer::sum);
        StringBuilder text = new StringBuilder();
        int findings = report.findings().size();
        String noun = report.baseline().isPresent() ? "new finding" : "finding";
        text.append(findings == 0 ? "no " + noun + "s" : plural(findings, noun) + " (" + severityCounts(total) + ")");
        report.baseline().ifPresent(baseline -> text.append(", ").append(baseline.unchanged().size()).append(" in the baseline, ")
                .append(baseline.fixed().size()).append(" fixed"));
        text.append(", ").append(report.suppressed().size()).append(" suppressed");
        if (!report.suppressed().isEmpty() && !options.showSuppressed()) text.append(" (--show-suppressed lists them)");
        long errors = report.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
        long warnings = report.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.WARNING).count();
        if (errors + warnings > 0) {
            List<String> parts = new ArrayList<>();
            if (errors > 0) parts.add(plural(errors, "input error"));
            if (warnings > 0) parts.add(plural(warnings, "warning"));
            text.append("; ").append(String.join(", ", parts));
        }
        text.append('\n');
        text.append(coverageLine(report.coverage())).append('\n');
        return text.toString();
    }

    /**
     * "scanned 3 Compose, 1 Kubernetes file(s); 2 skipped: a.bin (binary file), ...; 24 rules ran",
     * or for a live cluster "audited 42 objects of cluster prod (https://10.0.0.1:6443); 60 rules ran".
     */
    static String coverageLine(Coverage coverage) {
        if (coverage.cluster().isPresent()) {
            int objects = coverage.found().getOrDefault(SourceKind.KUBERNETES, 0);
            return "audited %s of cluster %s; %s ran".formatted(plural(objects, "object"), printable(coverage.cluster().get().label()),
                    plural(coverage.rulesRun(), "rule"));
        }
        List<String> kinds = new ArrayList<>();
        int found = 0;
        int loaded = 0;
        for (SourceKind kind : SourceKind.values()) {
            if (kind == SourceKind.LIVE_DOCKER) continue;
            int count = coverage.found().getOrDefault(kind, 0);
            found += count;
            loaded += Math.min(count, coverage.loaded().getOrDefault(kind, 0));
            if (count > 0) kinds.add(count + " " + shortName(kind));
        }
        int engines = coverage.found().getOrDefault(SourceKind.LIVE_DOCKER, 0);
        StringBuilder line = new StringBuilder();
        if (engines > 0) line.append("audited ").append(plural(engines, "live Docker Engine"));
        if (engines == 0 || !kinds.isEmpty()) {
            line.append(engines > 0 ? "; scanned " : "scanned ")
                    .append(kinds.isEmpty() ? "no files" : String.join(", ", kinds) + " file(s)");
        }
        if (loaded < found) line.append(" (").append(found - loaded).append(" with input errors, not fully checked)");
        List<SkippedFile> skipped = coverage.skipped();
        if (!skipped.isEmpty()) {
            line.append("; ").append(skipped.size()).append(" skipped: ");
            List<String> entries = new ArrayList<>();
            for (SkippedFile file : skipped) entries.add(printable(file.path()) + " (" + printable(file.reason()) + ")");
            line.append(String.join(", ", entries));
        }
        line.append("; ").append(plural(coverage.rulesRun(), "rule")).append(" ran");
        return line.toString();
    }

    private static String shortName(SourceKind kind) {
        return switch (kind) {
            case COMPOSE -> "Compose";
            case STACK -> "stack";
            case KUBERNETES -> "Kubernetes";
            case DOCKERFILE -> "Dockerfile";
            case DAEMON_JSON -> "daemon.json";
            case LIVE_DOCKER -> "live Docker";
        };
    }

    private static String severityCounts(Map<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Integer count = counts.get(severity);
            if (count != null) parts.add(count + " " + severity.label());
        }
        return String.join(", ", parts);
    }

    private String colorOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "\u001B[1;31m";
            case HIGH -> "\u001B[31m";
            case MEDIUM -> "\u001B[33m";
            case LOW -> "\u001B[36m";
            case INFO -> "\u001B[34m";
        };
    }

    private String paint(String text, String code) {
        return options.color() && !code.isEmpty() ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /**
     * Input text made safe for a terminal: control characters (an escape sequence hidden in a file
     * name or a YAML value) are shown as {@code \x1b} instead of being obeyed.
     */
    static String printable(String text) {
        if (text == null) return "";
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && safe == null) safe = new StringBuilder(text.substring(0, i));
            if (safe != null) {
                if (control) safe.append(String.format("\\x%02x", (int) c));
                else safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }
}
