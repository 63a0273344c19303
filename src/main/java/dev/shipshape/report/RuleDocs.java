package dev.shipshape.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the rule reference: {@code shipshape rules} (text, JSON, Markdown), {@code shipshape
 * explain} and {@code docs/rules.md} all come from here, from {@link RuleInfo} plus the tested
 * fixtures, so they cannot disagree with each other or with the code.
 */
public final class RuleDocs {

    public static final String DOCS_URL = SarifReporter.INFORMATION_URI + "/blob/main/docs/rules.md";
    /** How to rewrite docs/rules.md; named in its header and in RulesDocTest's failure message. */
    public static final String REGENERATE_COMMAND = "./mvnw -q test -Dtest=RulesDocTest -Dshipshape.updateDocs=true";

    private static final int WIDTH = 80;

    private final List<RuleInfo> rules;
    private final RuleExamples examples;

    public RuleDocs(List<RuleInfo> rules, RuleExamples examples) {
        this.rules = rules.stream()
                .sorted(Comparator.comparing(RuleInfo::pillar).thenComparing(RuleInfo::id))
                .toList();
        this.examples = examples;
    }

    /** Where a built-in rule is documented: its anchor in docs/rules.md. */
    public static String helpUri(RuleInfo rule) {
        return DOCS_URL + "#" + rule.name();
    }

    /** A project's own rule (from .shipshape.yaml), documented there rather than in docs/rules.md. */
    public static boolean isCustom(RuleInfo rule) {
        return rule.id().startsWith("CUSTOM-");
    }

    private static String documentation(RuleInfo rule) {
        return isCustom(rule) ? "a rule of this project, in its .shipshape.yaml" : helpUri(rule);
    }

    // ---- shipshape rules (text) ----

    /** Every rule as an aligned table, grouped by pillar. */
    public String table() {
        int idWidth = width(RuleInfo::id);
        int nameWidth = width(RuleInfo::name);
        int severityWidth = "critical".length();
        StringBuilder text = new StringBuilder();
        for (Pillar pillar : Pillar.values()) {
            List<RuleInfo> inPillar = rulesOf(pillar);
            if (inPillar.isEmpty()) continue;
            text.append(pillar.displayName()).append(" (").append(plural(inPillar.size(), "rule")).append(")\n");
            for (RuleInfo rule : inPillar) {
                text.append("  ").append(pad(rule.id(), idWidth))
                        .append("  ").append(pad(rule.name(), nameWidth))
                        .append("  ").append(pad(rule.severity().label(), severityWidth))
                        .append("  ").append(rule.title()).append('\n');
            }
            text.append('\n');
        }
        text.append(plural(rules.size(), "rule"))
                .append(". `shipshape explain NAME` tells why a rule exists, how to fix it, and shows examples.\n");
        return text.toString();
    }

    // ---- shipshape rules --format json ----

    /** Every rule with all of its metadata: {@code {"version": 1, "rules": [...]}}. */
    public String json() {
        StringWriter out = new StringWriter();
        try {
            JsonGenerator json = PrettyJson.open(out);
            json.writeStartObject();
            json.writeNumberField("version", JsonReporter.FORMAT_VERSION);
            json.writeArrayFieldStart("rules");
            for (RuleInfo rule : rules) {
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeStringField("name", rule.name());
                json.writeArrayFieldStart("aliases");
                for (String alias : rule.aliases()) json.writeString(alias);
                json.writeEndArray();
                json.writeStringField("pillar", rule.pillar().name().toLowerCase(Locale.ROOT));
                json.writeStringField("severity", rule.severity().label());
                json.writeStringField("title", rule.title());
                json.writeStringField("rationale", rule.rationale());
                json.writeStringField("remediation", rule.remediation());
                if (!rule.remediations().isEmpty()) {
                    json.writeObjectFieldStart("remediationBySource");
                    for (var fix : byDoor(rule)) json.writeStringField(fix.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'), fix.getValue());
                    json.writeEndObject();
                }
                json.writeArrayFieldStart("appliesTo");
                for (SourceKind kind : kindsOf(rule)) json.writeString(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                json.writeEndArray();
                json.writeArrayFieldStart("references");
                for (Reference reference : rule.references()) {
                    json.writeStartObject();
                    json.writeStringField("framework", reference.framework());
                    json.writeStringField("section", reference.section());
                    json.writeStringField("url", reference.url());
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (!isCustom(rule)) json.writeStringField("helpUri", helpUri(rule));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            PrettyJson.finish(json, out);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen); // a StringWriter does not fail
        }
        return out.toString();
    }

    // ---- docs/rules.md and shipshape rules --format markdown ----

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("<!-- AUTO-GENERATED FILE: do not edit. Regenerate with: ").append(REGENERATE_COMMAND).append(" -->\n");
        md.append("# shipshape rules\n\n");
        md.append("> **Auto-generated: do not edit by hand.** This page is rendered from each rule's `RuleInfo`\n");
        md.append("> (`src/main/java/dev/shipshape/rules/<pillar>/`) and its tested fixtures\n");
        md.append("> (`src/test/resources/rules/<rule-name>/`). After changing either, regenerate it with\n");
        md.append(">\n");
        md.append("> ```sh\n");
        md.append("> ").append(REGENERATE_COMMAND).append('\n');
        md.append("> ```\n");
        md.append(">\n");
        md.append("> (`shipshape rules --format markdown` prints the same page.) `RulesDocTest` fails while it is stale.\n\n");
        md.append(plural(rules.size(), "rule")).append(". Each has a stable id (`SS-NNN`, used in SARIF), a name ")
                .append("(used by `--rule`, `--skip-rule`, `.shipshape.yaml` and suppressions) and a default severity ")
                .append("that `.shipshape.yaml` can change.\n\n");

        md.append("| Pillar | Rules |\n|---|---|\n");
        for (Pillar pillar : Pillar.values()) {
            int count = rulesOf(pillar).size();
            String label = count == 0 ? pillar.displayName() : "[" + pillar.displayName() + "](#" + anchor(pillar.displayName()) + ")";
            md.append("| ").append(label).append(" | ").append(count).append(" |\n");
        }
        md.append('\n');

        for (Pillar pillar : Pillar.values()) {
            List<RuleInfo> inPillar = rulesOf(pillar);
            if (inPillar.isEmpty()) continue;
            md.append("## ").append(pillar.displayName()).append("\n\n");
            md.append("| ID | Rule | Severity | Title |\n|---|---|---|---|\n");
            for (RuleInfo rule : inPillar) {
                md.append("| ").append(rule.id())
                        .append(" | [").append(rule.name()).append("](#").append(rule.name()).append(')')
                        .append(" | ").append(rule.severity().label())
                        .append(" | ").append(rule.title().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
            for (RuleInfo rule : inPillar) appendRuleSection(rule, md);
        }
        return md.toString();
    }

    private void appendRuleSection(RuleInfo rule, StringBuilder md) {
        md.append("### ").append(rule.name()).append("\n\n");
        md.append("**").append(rule.title()).append("** · `").append(rule.id()).append("` · ")
                .append(rule.pillar().displayName()).append(" · severity **").append(rule.severity().label()).append("**\n\n");
        md.append("Applies to: ").append(appliesTo(rule)).append(".");
        if (!rule.aliases().isEmpty()) {
            md.append(" Also answers to: ")
                    .append(rule.aliases().stream().map(alias -> "`" + alias + "`").collect(Collectors.joining(", ")))
                    .append('.');
        }
        md.append("\n\n");
        md.append(rule.rationale()).append("\n\n");
        md.append("**Fix:** ").append(rule.remediation()).append("\n\n");
        for (var fix : byDoor(rule)) md.append("- ").append(doorName(fix.getKey())).append(": ").append(fix.getValue()).append('\n');
        if (!rule.remediations().isEmpty()) md.append('\n');
        if (!rule.references().isEmpty()) {
            md.append("**References:**\n\n");
            for (Reference reference : rule.references()) {
                md.append("- [").append(label(reference)).append("](").append(reference.url()).append(")\n");
            }
            md.append('\n');
        }
        List<RuleExamples.Example> ruleExamples = examples.of(rule.name());
        if (!ruleExamples.isEmpty()) {
            md.append("**Examples** (from the rule's tests):\n\n");
            for (RuleExamples.Example example : ruleExamples) {
                md.append(example.bad() ? "Flagged" : "Passes").append(" (`").append(example.fileName()).append('`');
                if (!example.flaggedLines().isEmpty()) md.append(", ").append(linesLabel(example.flaggedLines()));
                md.append("):\n\n");
                String fence = fenceFor(example.text());
                md.append(fence).append(fenceLanguage(example.kind())).append('\n')
                        .append(example.text()).append('\n')
                        .append(fence).append("\n\n");
                if (example.truncated()) md.append("_(the first ").append(example.text().split("\n", -1).length).append(" lines)_\n\n");
            }
        }
    }

    /** The fixes a rule states per source, in the order of {@link SourceKind}. */
    private static List<java.util.Map.Entry<SourceKind, String>> byDoor(RuleInfo rule) {
        return rule.remediations().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList();
    }

    /** How the docs name the door a per-source fix is for. */
    static String doorName(SourceKind kind) {
        return switch (kind) {
            case COMPOSE -> "Compose";
            case STACK -> "Swarm stack";
            case KUBERNETES -> "Kubernetes (manifests, live audit, admission requests)";
            case DOCKERFILE -> "Dockerfile";
            case DAEMON_JSON -> "daemon.json";
            case LIVE_DOCKER -> "docker run (live audit, Docker gate)";
        };
    }

    // ---- SARIF help ----

    /** A rule's help for SARIF viewers that show plain text. */
    public static String helpText(RuleInfo rule) {
        StringBuilder text = new StringBuilder(rule.rationale()).append("\n\nFix: ").append(rule.remediation());
        for (var fix : byDoor(rule)) text.append("\n- ").append(doorName(fix.getKey())).append(": ").append(fix.getValue());
        if (!rule.references().isEmpty()) {
            text.append("\n\nReferences:");
            for (Reference reference : rule.references()) text.append("\n- ").append(label(reference)).append(": ").append(reference.url());
        }
        if (isCustom(rule)) return text.toString();
        return text.append("\n\nDocumentation: ").append(helpUri(rule)).toString();
    }

    /** A rule's help for SARIF viewers that render Markdown (GitHub code scanning). */
    public static String helpMarkdown(RuleInfo rule) {
        StringBuilder md = new StringBuilder(rule.rationale()).append("\n\n**Fix:** ").append(rule.remediation());
        if (!rule.remediations().isEmpty()) md.append('\n');
        for (var fix : byDoor(rule)) md.append("\n- ").append(doorName(fix.getKey())).append(": ").append(fix.getValue());
        if (!rule.references().isEmpty()) {
            md.append("\n\n**References:**\n");
            for (Reference reference : rule.references()) {
                md.append("\n- [").append(label(reference)).append("](").append(reference.url()).append(')');
            }
        }
        if (isCustom(rule)) return md.toString();
        return md.append("\n\n[Documentation and examples](").append(helpUri(rule)).append(')').toString();
    }

    // ---- shipshape explain ----

    /** Everything about one rule, for a terminal. */
    public String explain(RuleInfo rule) {
        StringBuilder text = new StringBuilder();
        text.append(rule.name()).append(" (").append(rule.id()).append("): ").append(rule.title()).append("\n\n");
        text.append("  Pillar      ").append(rule.pillar().displayName()).append('\n');
        text.append("  Severity    ").append(rule.severity().label()).append(" (by default; .shipshape.yaml can change it)\n");
        text.append("  Applies to  ").append(appliesTo(rule)).append('\n');
        if (!rule.aliases().isEmpty()) text.append("  Aliases     ").append(String.join(", ", rule.aliases())).append('\n');
        text.append('\n');
        text.append("Why it matters\n").append(wrap(rule.rationale(), "  "));
        text.append("How to fix\n").append(wrap(rule.remediation(), "  "));
        for (var fix : byDoor(rule)) text.append(wrap(doorName(fix.getKey()) + ": " + fix.getValue(), "  "));
        if (!rule.references().isEmpty()) {
            text.append("References\n");
            for (Reference reference : rule.references()) {
                text.append("  - ").append(label(reference)).append(": ").append(reference.url()).append('\n');
            }
            text.append('\n');
        }
        for (RuleExamples.Example example : examples.of(rule.name())) {
            text.append(example.bad() ? "Flagged: " : "Passes: ").append(example.fileName());
            if (!example.flaggedLines().isEmpty()) text.append(" (").append(linesLabel(example.flaggedLines())).append(")");
            text.append('\n');
            String[] lines = example.text().split("\n", -1);
            int numberWidth = String.valueOf(lines.length).length();
            for (int i = 0; i < lines.length; i++) {
                int lineNumber = i + 1;
                String marker = example.flaggedLines().contains(lineNumber) ? ">" : " ";
                String row = "  " + marker + " " + padLeft(String.valueOf(lineNumber), numberWidth) + " | " + lines[i];
                text.append(row.stripTrailing()).append('\n');
            }
            if (example.truncated()) text.append("  ...\n");
            text.append('\n');
        }
        text.append("More: ").append(documentation(rule)).append('\n');
        return text.toString();
    }

    // ---- shared pieces ----

    private List<RuleInfo> rulesOf(Pillar pillar) {
        return rules.stream().filter(rule -> rule.pillar() == pillar).toList();
    }

    private int width(java.util.function.Function<RuleInfo, String> field) {
        return rules.stream().mapToInt(rule -> field.apply(rule).length()).max().orElse(0);
    }

    private static List<SourceKind> kindsOf(RuleInfo rule) {
        List<SourceKind> kinds = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) if (rule.appliesTo().contains(kind)) kinds.add(kind);
        return kinds;
    }

    private static String appliesTo(RuleInfo rule) {
        // `audit kubernetes` judges live objects as KUBERNETES too: a rule's Kubernetes side is not manifests only
        return kindsOf(rule).stream().map(kind -> kind == SourceKind.KUBERNETES ? "Kubernetes (manifests, live cluster)" : kind.displayName())
                .collect(Collectors.joining(", "));
    }

    /** "CIS Docker Benchmark v1.6.0 §5.5", "Kubernetes Pod Security Standards: baseline", or an article's title. */
    static String label(Reference reference) {
        return switch (reference.framework()) {
            case Reference.CIS_DOCKER, Reference.POD_SECURITY -> reference.display();
            case "Web" -> reference.section();
            default -> reference.framework() + " " + reference.section();
        };
    }

    private static String linesLabel(List<Integer> lines) {
        return (lines.size() == 1 ? "line " : "lines ")
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String fenceLanguage(SourceKind kind) {
        return switch (kind) {
            case COMPOSE, STACK, KUBERNETES -> "yaml";
            case DOCKERFILE -> "dockerfile";
            case DAEMON_JSON -> "json";
            case LIVE_DOCKER -> "";
        };
    }

    private static String fenceFor(String text) {
        String fence = "```";
        while (text.contains(fence)) fence += "`";
        return fence;
    }

    /** GitHub's heading anchor: lower case, spaces to dashes. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** Words wrapped to the terminal width, each line indented; ends with a blank line. */
    static String wrap(String paragraph, String indent) {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : paragraph.strip().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        return text.append(line).append("\n\n").toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
