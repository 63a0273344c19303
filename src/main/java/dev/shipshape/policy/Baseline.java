package dev.shipshape.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.report.PrettyJson;
import dev.shipshape.report.Report.BaselineComparison;
import dev.shipshape.report.Report.FixedFinding;
import dev.shipshape.rules.Finding;
import dev.shipshape.scan.ConfigurationException;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The findings an estate has accepted for now, so that a scan fails only on new ones. Findings are
 * matched by {@link Fingerprints fingerprint}, never by line. The file ({@code scan --write-baseline
 * FILE}) is JSON, in a stable order (file, object, rule, fingerprint) so that it diffs cleanly:
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "fingerprint": "v1",
 *   "findings": [{
 *     "fingerprint": "9c1e...32 hex digits",
 *     "ruleId": "SS-101", "rule": "privileged-container",
 *     "file": "deploy/compose.yaml",        // relative to the baseline file's folder; "" for a live object
 *     "object": "services.web",             // see Fingerprints
 *     "message": "service 'web' runs privileged"
 *   }]
 * }
 * }</pre>
 * Only {@code version} and each entry's {@code fingerprint} decide matching; the other fields are
 * there for people and for the "fixed" list. Fields are only ever added; {@code version} changes
 * if one is removed or changes meaning.
 */
public record Baseline(List<Baseline.Entry> entries) {

    public static final int FORMAT_VERSION = 1;

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file)
            .thenComparing(Entry::object)
            .thenComparing(Entry::ruleId)
            .thenComparing(Entry::fingerprint)
            .thenComparing(Entry::message);

    public Baseline {
        entries = entries.stream().sorted(ORDER).toList();
    }

    public record Entry(String fingerprint, String ruleId, String rule, String file, String object, String message) {
    }

    /** Today's findings as baseline entries. */
    public static Baseline of(List<Finding> findings, Function<Finding, Subject> subjects, Fingerprints fingerprints) {
        List<Entry> entries = new ArrayList<>();
        for (Finding finding : findings) entries.add(entry(finding, subjects.apply(finding), fingerprints));
        return new Baseline(entries);
    }

    private static Entry entry(Finding finding, Subject subject, Fingerprints fingerprints) {
        return new Entry(fingerprints.of(finding, subject), finding.rule().id(), finding.rule().name(),
                fingerprints.file(finding.origin()), subject.identity(), finding.message());
    }

    /** The findings not in this baseline, and how the rest compare. */
    public record Comparison(List<Finding> newFindings, BaselineComparison summary) {
    }

    /**
     * Splits findings into new ones and ones the baseline has; baseline entries no finding matches
     * are fixed. A fingerprint that several findings share is matched by count, entries with the
     * same message first.
     *
     * @param shownFile how the report names the baseline file
     */
    public Comparison compare(List<Finding> findings, Function<Finding, Subject> subjects, Fingerprints fingerprints, String shownFile) {
        Map<String, List<Entry>> remaining = new LinkedHashMap<>();
        for (Entry entry : entries) remaining.computeIfAbsent(entry.fingerprint(), key -> new ArrayList<>()).add(entry);
        List<Finding> newFindings = new ArrayList<>();
        List<Finding> unchanged = new ArrayList<>();
        Map<Finding, String> fingerprintOf = new HashMap<>();
        for (Finding finding : findings) fingerprintOf.put(finding, fingerprints.of(finding, subjects.apply(finding)));
        // Exact messages first, so that which entry counts as fixed is the one that really went away.
        List<Finding> unmatched = new ArrayList<>();
        for (Finding finding : findings) {
            List<Entry> candidates = remaining.get(fingerprintOf.get(finding));
            Optional<Entry> same = candidates == null ? Optional.empty()
                    : candidates.stream().filter(entry -> entry.message().equals(finding.message())).findFirst();
            if (same.isPresent()) {
                candidates.remove(same.get());
                unchanged.add(finding);
            } else {
                unmatched.add(finding);
            }
        }
        for (Finding finding : unmatched) {
            List<Entry> candidates = remaining.get(fingerprintOf.get(finding));
            if (candidates != null && !candidates.isEmpty()) {
                candidates.removeFirst();
                unchanged.add(finding);
            } else {
                newFindings.add(finding);
            }
        }
        List<FixedFinding> fixed = new ArrayList<>();
        for (List<Entry> left : remaining.values()) {
            for (Entry entry : left) {
                fixed.add(new FixedFinding(entry.fingerprint(), entry.ruleId(), entry.rule(), entry.file(), entry.object(), entry.message()));
            }
        }
        return new Comparison(newFindings, new BaselineComparison(shownFile, unchanged.stream().sorted(Finding.BY_LOCATION).toList(), fixed));
    }

    public void write(Writer out) throws IOException {
        JsonGenerator json = PrettyJson.open(out);
        json.writeStartObject();
        json.writeNumberField("version", FORMAT_VERSION);
        json.writeStringField("fingerprint", Fingerprints.RECIPE);
        json.writeArrayFieldStart("findings");
        for (Entry entry : entries) {
            json.writeStartObject();
            json.writeStringField("fingerprint", entry.fingerprint());
            json.writeStringField("ruleId", entry.ruleId());
            json.writeStringField("rule", entry.rule());
            json.writeStringField("file", entry.file());
            json.writeStringField("object", entry.object());
            json.writeStringField("message", entry.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        PrettyJson.finish(json, out);
    }

    /**
     * Reads a baseline file's text; a file this version cannot use is a configuration error that
     * names the place.
     */
    public static Baseline parse(String shownPath, String text) throws ConfigurationException {
        YamlDocuments.Parsed parsed = YamlDocuments.parse(shownPath, text);
        if (!parsed.diagnostics().isEmpty()) {
            Diagnostic syntax = parsed.diagnostics().getFirst();
            throw new ConfigurationException(syntax.origin() + ": not a baseline file (" + syntax.message() + ")");
        }
        if (parsed.documents().size() != 1 || !parsed.documents().getFirst().isMap()) {
            throw new ConfigurationException(shownPath + ": not a baseline file; write one with `shipshape scan --write-baseline "
                    + shownPath + "`");
        }
        YamlNode root = parsed.documents().getFirst();
        Optional<YamlNode> version = root.get("version");
        if (version.isEmpty() || version.get().integer().isEmpty()) {
            throw new ConfigurationException(root.origin() + ": not a baseline file: it has no \"version\"");
        }
        long number = version.get().integer().get();
        if (number != FORMAT_VERSION) {
            throw new ConfigurationException(version.get().origin() + ": baseline version %d is not supported (this shipshape reads version %d); write it again with --write-baseline"
                    .formatted(number, FORMAT_VERSION));
        }
        String recipe = root.get("fingerprint").flatMap(YamlNode::text).orElse(Fingerprints.RECIPE);
        if (!recipe.equals(Fingerprints.RECIPE)) {
            throw new ConfigurationException(root.get("fingerprint").get().origin()
                    + ": fingerprints made with recipe '%s' cannot be compared (this shipshape makes '%s'); write the baseline again"
                            .formatted(recipe, Fingerprints.RECIPE));
        }
        YamlNode findings = root.get("findings").orElse(null);
        if (findings == null || !findings.isList()) {
            throw new ConfigurationException(root.origin() + ": not a baseline file: \"findings\" must be a list");
        }
        List<Entry> entries = new ArrayList<>();
        for (YamlNode item : findings.items()) {
            Optional<String> fingerprint = item.get("fingerprint").flatMap(YamlNode::text);
            if (fingerprint.isEmpty() || fingerprint.get().isBlank()) {
                throw new ConfigurationException(item.origin() + ": a baseline entry has no \"fingerprint\"");
            }
            entries.add(new Entry(fingerprint.get(), field(item, "ruleId"), field(item, "rule"), field(item, "file"),
                    field(item, "object"), field(item, "message")));
        }
        return new Baseline(entries);
    }

    private static String field(YamlNode item, String key) {
        return item.get(key).flatMap(YamlNode::text).orElse("");
    }
}
