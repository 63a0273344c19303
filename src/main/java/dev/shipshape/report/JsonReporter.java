package dev.shipshape.report;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report for programs. The shape is stable: fields are only ever added, and {@code version}
 * changes if one is removed or changes meaning.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "tool": {"name": "shipshape", "version": "0.1.0", "informationUri": "https://..."},
 *   "policies": [".shipshape.yaml", "services/api/.shipshape.yaml"],
 *   "findings": [{
 *     "ruleId": "SS-101", "rule": "privileged-container", "pillar": "security",
 *     "severity": "critical", "title": "Container runs privileged",
 *     "message": "service 'web' runs privileged", "remediation": "Remove ...",
 *     "location": {"file": "compose.yaml", "line": 6, "column": 5},
 *     "object": "services.web",                   // what it is about (see Fingerprints)
 *     "fingerprint": "9c1e...32 hex digits"       // stable across edits elsewhere; as in a baseline
 *   }],
 *   "suppressed": [{ ...the fields of a finding..., "reason": "why (or null)",
 *                    "suppressedAt": {"file": "compose.yaml", "line": 5, "column": 5},
 *                    "waiver": {"owner": "platform-team@example.com", "expires": "2027-03-31"} }],
 *                    // "waiver" only for a finding hidden by a waiver of .shipshape.yaml
 *   "diagnostics": [{"level": "error", "message": "...", "location": {...}}],
 *   "coverage": {"found": {"compose": 1, ...every kind...}, "loaded": {...},
 *                "skipped": [{"file": "a.bin", "reason": "binary file"},
 *                            {"file": "big.yaml", "reason": "larger than 10 MiB limit (use --max-file-size)", "unchecked": true}],
 *                "rulesRun": 24,
 *                "cluster": {"name": "prod", "server": "https://10.0.0.1:6443"}},  // only for audit kubernetes
 *   "summary": {"findings": 1, "bySeverity": {"critical": 1, ...all five...},
 *               "byPillar": {"security": {"critical": 1, ...}, ...all five...},
 *               "suppressed": 0, "errors": 0, "warnings": 0},
 *   "baseline": {"file": ".shipshape-baseline.json", "new": 1, "unchanged": 12,
 *                "unchangedFindings": [{ ...the fields of a finding... }],
 *                "fixed": [{"fingerprint": "9c1e...", "ruleId": "SS-101", "rule": "privileged-container",
 *                           "file": "compose.yaml", "object": "services.db", "message": "..."}]}
 * }
 * }</pre>
 *
 * {@code policies} (the policy files that governed the run) is there only when one was read.
 * {@code baseline} is there only when the scan compared with a baseline ({@code --baseline}); then
 * {@code findings} and the summary count only the new findings.
 *
 * Severities, pillars and source kinds are lower case ({@code daemon-json}); a location in a
 * file has {@code file} (as given on the command line), {@code line} and {@code column} (1-based),
 * a live object has {@code {"object": "container web (3f2a9c)"}} instead.
 */
public final class JsonReporter implements Reporter {

    public static final int FORMAT_VERSION = 1;

    private final String toolVersion;

    public JsonReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonGenerator json = PrettyJson.open(out);
        json.writeStartObject();
        json.writeNumberField("version", FORMAT_VERSION);
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", "shipshape");
        json.writeStringField("version", toolVersion);
        json.writeStringField("informationUri", SarifReporter.INFORMATION_URI);
        json.writeEndObject();
        if (!report.policies().isEmpty()) {
            json.writeArrayFieldStart("policies");
            for (String policy : report.policies()) json.writeString(policy);
            json.writeEndArray();
        }

        json.writeArrayFieldStart("findings");
        for (Finding finding : report.findings()) {
            json.writeStartObject();
            writeFindingFields(json, report, finding);
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("suppressed");
        for (Report.SuppressedFinding entry : report.suppressed()) {
            json.writeStartObject();
            writeFindingFields(json, report, entry.finding());
            json.writeStringField("reason", entry.reason());
            if (entry.suppressedAt() != null) writeLocation(json, "suppressedAt", entry.suppressedAt());
            if (entry.isWaived()) {
                json.writeObjectFieldStart("waiver");
                json.writeStringField("owner", entry.waiver().owner());
                json.writeStringField("expires", entry.waiver().expires().toString());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("diagnostics");
        for (Diagnostic diagnostic : report.diagnostics()) {
            json.writeStartObject();
            json.writeStringField("level", diagnostic.level().name().toLowerCase(Locale.ROOT));
            json.writeStringField("message", diagnostic.message());
            writeLocation(json, "location", diagnostic.origin());
            json.writeEndObject();
        }
        json.writeEndArray();

        writeCoverage(json, report.coverage());
        writeSummary(json, report);
        if (report.baseline().isPresent()) writeBaseline(json, report, report.baseline().get());
        json.writeEndObject();
        PrettyJson.finish(json, out);
    }

    private static void writeBaseline(JsonGenerator json, Report report, Report.BaselineComparison baseline) throws IOException {
        int newFindings = report.findings().size();
        json.writeObjectFieldStart("baseline");
        json.writeStringField("file", baseline.file());
        json.writeNumberField("new", newFindings);
        json.writeNumberField("unchanged", baseline.unchanged().size());
        json.writeArrayFieldStart("unchangedFindings");
        for (Finding finding : baseline.unchanged()) {
            json.writeStartObject();
            writeFindingFields(json, report, finding);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("fixed");
        for (Report.FixedFinding fixed : baseline.fixed()) {
            json.writeStartObject();
            json.writeStringField("fingerprint", fixed.fingerprint());
            json.writeStringField("ruleId", fixed.ruleId());
            json.writeStringField("rule", fixed.rule());
            json.writeStringField("file", fixed.file());
            json.writeStringField("object", fixed.object());
            json.writeStringField("message", fixed.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeFindingFields(JsonGenerator json, Report report, Finding finding) throws IOException {
        json.writeStringField("ruleId", finding.rule().id());
        json.writeStringField("rule", finding.rule().name());
        json.writeStringField("pillar", key(finding.rule().pillar()));
        json.writeStringField("severity", finding.severity().label());
        json.writeStringField("title", finding.rule().title());
        json.writeStringField("message", finding.message());
        json.writeStringField("remediation", report.remediation(finding));
        writeLocation(json, "location", finding.origin());
        var identity = report.identity(finding);
        if (identity.isPresent()) {
            json.writeStringField("object", identity.get().object());
            json.writeStringField("fingerprint", identity.get().fingerprint());
        }
    }

    private static void writeLocation(JsonGenerator json, String field, Origin origin) throws IOException {
        json.writeObjectFieldStart(field);
        if (origin.isInFile()) {
            json.writeStringField("file", origin.source());
            json.writeNumberField("line", origin.line());
            json.writeNumberField("column", origin.column());
        } else {
            json.writeStringField("object", origin.source());
        }
        json.writeEndObject();
    }

    private static void writeCoverage(JsonGenerator json, Coverage coverage) throws IOException {
        json.writeObjectFieldStart("coverage");
        writeKindCounts(json, "found", coverage.found());
        writeKindCounts(json, "loaded", coverage.loaded());
        json.writeArrayFieldStart("skipped");
        for (SkippedFile skipped : coverage.skipped()) {
            json.writeStartObject();
            json.writeStringField("file", skipped.path());
            json.writeStringField("reason", skipped.reason());
            if (skipped.unchecked()) json.writeBooleanField("unchecked", true);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("rulesRun", coverage.rulesRun());
        if (coverage.cluster().isPresent()) {
            json.writeObjectFieldStart("cluster");
            json.writeStringField("name", coverage.cluster().get().name());
            json.writeStringField("server", coverage.cluster().get().server());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeKindCounts(JsonGenerator json, String field, Map<SourceKind, Integer> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (SourceKind kind : SourceKind.values()) {
            json.writeNumberField(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), counts.getOrDefault(kind, 0));
        }
        json.writeEndObject();
    }

    private static void writeSummary(JsonGenerator json, Report report) throws IOException {
        Map<Severity, Integer> total = new EnumMap<>(Severity.class);
        Map<Pillar, Map<Severity, Integer>> byPillar = new EnumMap<>(Pillar.class);
        for (Pillar pillar : Pillar.values()) byPillar.put(pillar, new EnumMap<>(Severity.class));
        for (Finding finding : report.findings()) {
            total.merge(finding.severity(), 1, Integer::sum);
            byPillar.get(finding.rule().pillar()).merge(finding.severity(), 1, Integer::sum);
        }
        json.writeObjectFieldStart("summary");
        json.writeNumberField("findings", report.findings().size());
        writeSeverityCounts(json, "bySeverity", total);
        json.writeObjectFieldStart("byPillar");
        for (Pillar pillar : Pillar.values()) writeSeverityCounts(json, key(pillar), byPillar.get(pillar));
        json.writeEndObject();
        json.writeNumberField("suppressed", report.suppressed().size());
        json.writeNumberField("errors", count(report, Diagnostic.Level.ERROR));
        json.writeNumberField("warnings", count(report, Diagnostic.Level.WARNING));
        json.writeEndObject();
    }

    private static void writeSeverityCounts(JsonGenerator json, String field, Map<Severity, Integer> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Severity severity : Severity.values()) json.writeNumberField(severity.label(), counts.getOrDefault(severity, 0));
        json.writeEndObject();
    }

    private static int count(Report report, Diagnostic.Level level) {
        return (int) report.diagnostics().stream().filter(diagnostic -> diagnostic.level() == level).count();
    }

    private static String key(Pillar pillar) {
        return pillar.name().toLowerCase(Locale.ROOT);
    }
}
