package dev.shipshape.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipshape.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab Code Quality JSON (a merge request's "Code Quality" widget): an array with one issue per
 * finding, each with GitLab's required fields, {@code description}, {@code check_name},
 * {@code fingerprint}, {@code severity} and {@code location.path} / {@code location.lines.begin}.
 *
 * <pre>{@code
 * [{"type": "issue", "check_name": "privileged-container", "description": "service 'web' runs privileged",
 *   "categories": ["Security"], "severity": "blocker", "fingerprint": "9c1e...",
 *   "location": {"path": "compose.yaml", "lines": {"begin": 6}}}]
 * }</pre>
 * Severities: critical → blocker, high → critical, medium → major, low → minor, info → info. The
 * fingerprint is the finding's stable one (rule, file, object, offending value; never the line), so
 * GitLab tells new findings from old across commits; GitLab keeps one issue per fingerprint, so a
 * second identical finding gets the fingerprint hashed with its count. GitLab needs a line: a live
 * object, which has none, is reported at line 1 of a path that is its description.
 */
public final class GitlabReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonGenerator json = PrettyJson.open(out);
        Map<String, Integer> seen = new HashMap<>();
        json.writeStartArray();
        for (Finding finding : report.findings()) {
            json.writeStartObject();
            json.writeStringField("type", "issue");
            json.writeStringField("check_name", finding.rule().name());
            json.writeStringField("description", finding.message());
            json.writeObjectFieldStart("content");
            json.writeStringField("body", finding.rule().title() + ". Fix: " + report.remediation(finding));
            json.writeEndObject();
            json.writeArrayFieldStart("categories");
            json.writeString(finding.rule().pillar().displayName());
            json.writeEndArray();
            json.writeStringField("severity", severity(finding));
            String fingerprint = report.identity(finding).map(Report.Identity::fingerprint).orElseGet(() -> hash(finding.toString()));
            int count = seen.merge(fingerprint, 1, Integer::sum);
            json.writeStringField("fingerprint", count == 1 ? fingerprint : hash(fingerprint + "#" + count));
            json.writeObjectFieldStart("location");
            json.writeStringField("path", finding.origin().source());
            json.writeObjectFieldStart("lines");
            json.writeNumberField("begin", finding.origin().isInFile() ? finding.origin().line() : 1);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        PrettyJson.finish(json, out);
    }

    private static String severity(Finding finding) {
        return switch (finding.severity()) {
            case CRITICAL -> "blocker";
            case HIGH -> "critical";
            case MEDIUM -> "major";
            case LOW -> "minor";
            case INFO -> "info";
        };
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException cannotHappen) {
            throw new IllegalStateException("every Java platform has SHA-256", cannotHappen);
        }
    }
}
