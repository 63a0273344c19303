package dev.shipshape.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.SkippedFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps).
 *
 * <p>Every rule that ran is in {@code tool.driver.rules} with its full metadata (GitHub shows
 * {@code help}, not {@code helpUri}); each result has a real region from the finding's origin;
 * suppressed findings are results with a {@code suppressions} entry, so services count them as
 * suppressed rather than fixed (a waiver of the configuration file is an "external" suppression with
 * its owner and end date in the properties); problems with the input are tool execution
 * notifications. When the scan compared with a baseline, the results are the new findings, each
 * with {@code baselineState: "new"}.
 */
public final class SarifReporter implements Reporter {

    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The key of shipshape's fingerprint in {@code partialFingerprints}, versioned with its recipe. */
    public static final String FINGERPRINT_KEY = "shipshapeFingerprint/" + dev.shipshape.policy.Fingerprints.RECIPE;

    public static final String INFORMATION_URI = "https://github.com/shipshape-dev/shipshape";
    /** Relative file URIs are against this base: the root of the checked-out sources. */
    public static final String SOURCE_ROOT = "%SRCROOT%";

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:/.*");

    private final String toolVersion;

    public SarifReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<RuleInfo> rules = new ArrayList<>();
        for (RuleInfo rule : report.rules()) addRule(rule, rules, ruleIndex);
        // A finding's rule is always among the rules that ran; this keeps ruleIndex valid if not.
        for (Finding finding : report.findings()) addRule(finding.rule(), rules, ruleIndex);
        for (Report.SuppressedFinding entry : report.suppressed()) addRule(entry.finding().rule(), rules, ruleIndex);

        JsonGenerator json = PrettyJson.open(out);
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA_URI);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();

        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "shipshape");
        json.writeStringField("version", toolVersion);
        json.writeStringField("informationUri", INFORMATION_URI);
        json.writeArrayFieldStart("rules");
        for (RuleInfo rule : rules) writeRule(json, rule);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();

        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", true);
        if (!report.diagnostics().isEmpty() || !report.coverage().skipped().isEmpty()) {
            json.writeArrayFieldStart("toolExecutionNotifications");
            for (Diagnostic diagnostic : report.diagnostics()) writeNotification(json, diagnostic);
            for (SkippedFile skipped : report.coverage().skipped()) writeSkipped(json, skipped);
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();

        if (!report.policies().isEmpty()) {
            json.writeObjectFieldStart("properties");
            json.writeArrayFieldStart("policies");
            for (String policy : report.policies()) json.writeString(policy);
            json.writeEndArray();
            json.writeEndObject();
        }

        json.writeArrayFieldStart("results");
        for (Finding finding : report.findings()) {
            json.writeStartObject();
            writeResultFields(json, report, finding, ruleIndex);
            if (report.baseline().isPresent()) json.writeStringField("baselineState", "new");
            json.writeEndObject();
        }
        for (Report.SuppressedFinding entry : report.suppressed()) {
            json.writeStartObject();
            writeResultFields(json, report, entry.finding(), ruleIndex);
            writeSuppression(json, entry);
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        PrettyJson.finish(json, out);
    }

    private static void addRule(RuleInfo rule, List<RuleInfo> rules, Map<String, Integer> ruleIndex) {
        if (ruleIndex.putIfAbsent(rule.id(), rules.size()) == null) rules.add(rule);
    }

    private static void writeRule(JsonGenerator json, RuleInfo rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", rule.name());
        if (!rule.aliases().isEmpty()) {
            json.writeArrayFieldStart("deprecatedNames");
            for (String alias : rule.aliases()) json.writeString(alias);
            json.writeEndArray();
        }
        writeMessage(json, "shortDescription", rule.title());
        writeMessage(json, "fullDescription", rule.rationale());
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        if (!RuleDocs.isCustom(rule)) json.writeStringField("helpUri", RuleDocs.helpUri(rule));
        json.writeObjectFieldStart("help");
        json.writeStringField("text", RuleDocs.helpText(rule));
        json.writeStringField("markdown", RuleDocs.helpMarkdown(rule));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString(rule.pillar().name().toLowerCase(Locale.ROOT));
        if (RuleDocs.isCustom(rule)) json.writeString("custom");
        json.writeEndArray();
        json.writeStringField("security-severity", securitySeverity(rule.severity()));
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * A result's rule, level, message and location; when the run worked them out, its stable
     * fingerprint ({@code partialFingerprints}, which code scanning uses to track a result across
     * commits), and in its properties the object it is about and the fix as its source states it.
     */
    private static void writeResultFields(JsonGenerator json, Report report, Finding finding, Map<String, Integer> ruleIndex)
            throws IOException {
        json.writeStringField("ruleId", finding.rule().id());
        json.writeNumberField("ruleIndex", ruleIndex.get(finding.rule().id()));
        json.writeStringField("level", level(finding.severity()));
        writeMessage(json, "message", finding.message());
        json.writeArrayFieldStart("locations");
        writeLocation(json, finding.origin());
        json.writeEndArray();
        var identity = report.identity(finding);
        if (identity.isPresent()) {
            json.writeObjectFieldStart("partialFingerprints");
            json.writeStringField(FINGERPRINT_KEY, identity.get().fingerprint());
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("object", identity.get().object());
            json.writeStringField("fix", report.remediation(finding));
            json.writeEndObject();
        }
    }

    private static void writeSuppression(JsonGenerator json, Report.SuppressedFinding entry) throws IOException {
        Origin at = entry.suppressedAt();
        // A comment or annotation in the scanned file is "inSource"; a waiver in the policy file is "external".
        boolean inSource = at == null || at.source().equals(entry.finding().origin().source());
        json.writeArrayFieldStart("suppressions");
        json.writeStartObject();
        json.writeStringField("kind", inSource ? "inSource" : "external");
        if (entry.reason() != null && !entry.reason().isBlank()) json.writeStringField("justification", entry.reason());
        if (at != null) {
            json.writeFieldName("location");
            writeLocation(json, at);
        }
        if (entry.isWaived()) {
            json.writeObjectFieldStart("properties");
            json.writeStringField("owner", entry.waiver().owner());
            json.writeStringField("expires", entry.waiver().expires().toString());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeNotification(JsonGenerator json, Diagnostic diagnostic) throws IOException {
        json.writeStartObject();
        json.writeStringField("level", switch (diagnostic.level()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        });
        writeMessage(json, "message", diagnostic.message());
        json.writeArrayFieldStart("locations");
        writeLocation(json, diagnostic.origin());
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A file position as a physicalLocation; a live object (line 0) as a logicalLocation. */
    /**
     * A file the scan did not load, as a notification without a region: an error when it could not
     * be checked (its diagnostic says what to do), else a note ("symbolic link … not followed").
     */
    private static void writeSkipped(JsonGenerator json, SkippedFile skipped) throws IOException {
        json.writeStartObject();
        json.writeStringField("level", skipped.unchecked() ? "error" : "note");
        writeMessage(json, "message", "skipped: " + skipped.reason());
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        writeArtifactLocation(json, skipped.path());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        json.writeStringField("coverage", "skipped");
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeArtifactLocation(JsonGenerator json, String source) throws IOException {
        json.writeObjectFieldStart("artifactLocation");
        String path = source.replace('\\', '/');
        if (isAbsolute(path)) {
            json.writeStringField("uri", fileUri(path));
        } else {
            json.writeStringField("uri", relativeUri(path));
            json.writeStringField("uriBaseId", SOURCE_ROOT);
        }
        json.writeEndObject();
    }

    private static void writeLocation(JsonGenerator json, Origin origin) throws IOException {
        json.writeStartObject();
        if (origin.isInFile()) {
            json.writeObjectFieldStart("physicalLocation");
            writeArtifactLocation(json, origin.source());
            json.writeObjectFieldStart("region");
            json.writeNumberField("startLine", origin.line());
            if (origin.column() > 0) json.writeNumberField("startColumn", origin.column());
            json.writeEndObject();
            json.writeEndObject();
        } else {
            json.writeArrayFieldStart("logicalLocations");
            json.writeStartObject();
            json.writeStringField("name", origin.source());
            json.writeStringField("kind", "resource");
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeMessage(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    /** critical and high fail a build (error), medium warns, low and info are notes. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub's buckets: 9.0-10 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. A string, as GitHub wants it. */
    static String securitySeverity(Severity severity) {
        return String.format(Locale.ROOT, "%.1f", severity.securitySeverity());
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || WINDOWS_DRIVE.matcher(path).matches();
    }

    private static String fileUri(String absolutePath) {
        if (absolutePath.startsWith("/")) return "file://" + encodePath(absolutePath);
        return "file:///" + absolutePath.substring(0, 2) + encodePath(absolutePath.substring(2));
    }

    /** "./deploy/my app.yaml" becomes "deploy/my%20app.yaml". */
    static String relativeUri(String path) {
        String relative = path;
        while (relative.startsWith("./")) relative = relative.substring(2);
        return encodePath(relative);
    }

    /**
     * Percent-encodes everything but RFC 3986's unreserved characters and "/", so that a ":" in
     * a file name cannot be read as a URI scheme and non-ASCII names survive as UTF-8.
     */
    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
            if (keep) encoded.append((char) c);
            else encoded.append('%').append(String.format("%02X", c));
        }
        return encoded.toString();
    }
}
