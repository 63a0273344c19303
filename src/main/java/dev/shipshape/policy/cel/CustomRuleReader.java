package dev.shipshape.policy.cel;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Origin;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads custom rules (the {@code rules:} list of {@code .shipshape.yaml}, or a file under
 * {@code .shipshape/rules/}) and compiles them, collecting every problem with its file, line and
 * column: a rule that does not compile, names a field the schema lacks, or misses a key stops the
 * run before anything is scanned.
 *
 * <pre>{@code
 * rules:
 *   - name: team-label-required          # kebab-case; its id becomes CUSTOM-team-label-required
 *     pillar: orchestration              # security | storage | orchestration | networking | discovery
 *     severity: medium                   # critical | high | medium | low | info
 *     title: Every workload names its owning team
 *     match: workload                    # workload | container | image | network | volume | daemon
 *     expression: "'team' in workload.labels"      # CEL; must be true, else a finding
 *     message: "{{workload.description}} has no 'team' label"
 *     remediation: Add a label team=<name>.
 *     rationale: ...                     # optional: why it matters
 * }</pre>
 */
public final class CustomRuleReader {

    static final List<String> REQUIRED_KEYS =
            List.of("name", "pillar", "severity", "title", "match", "expression", "message", "remediation");
    private static final List<String> KEYS = concat(REQUIRED_KEYS, "rationale");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final String PILLARS = Arrays.stream(Pillar.values())
            .map(pillar -> pillar.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Severity::label).collect(Collectors.joining(", "));
    private static final String SCHEMA_HINT = " (`shipshape rules --cel-schema` lists the variables and fields)";

    private final Collection<RuleInfo> builtIns;
    private final CelModel model = new CelModel();
    private final List<CustomRule> rules = new ArrayList<>();
    private final Map<String, Origin> defined = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** @param builtIns the rules that ship, whose names, aliases and ids custom rules may not take */
    public CustomRuleReader(Collection<RuleInfo> builtIns) {
        this.builtIns = List.copyOf(builtIns);
    }

    /** The rules read so far, in the order they were written. */
    public List<CustomRule> rules() {
        return List.copyOf(rules);
    }

    /** Every problem so far, each "file:line:col: what is wrong". */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Reads a list of rules (or, in a file of its own, a single rule mapping).
     *
     * @param text the text of the file {@code value} comes from, to place compile errors exactly
     */
    public void read(YamlNode value, String text, boolean singleRuleAllowed) {
        if (value.isNull()) return;
        List<String> lines = text.lines().toList();
        if (value.isMap() && singleRuleAllowed) {
            readRule(value, lines);
            return;
        }
        if (!value.isList()) {
            problem(value.origin(), "rules must be a list of custom rules, each with " + String.join(", ", REQUIRED_KEYS)
                    + "; found " + describe(value));
            return;
        }
        for (YamlNode item : value.items()) readRule(item, lines);
    }

    private void readRule(YamlNode item, List<String> lines) {
        if (!item.isMap()) {
            problem(item.origin(), "a custom rule must be a mapping with " + String.join(", ", REQUIRED_KEYS)
                    + "; found " + describe(item));
            return;
        }
        Map<String, YamlNode.Entry> entries = new HashMap<>();
        Optional<String> name = Optional.empty();
        YamlNode.Entry nameEntry = null;
        for (YamlNode.Entry entry : item.entries()) {
            if (entries.putIfAbsent(entry.key(), entry) != null) {
                problem(entry.origin(), "'%s' is given twice in a custom rule; keep one".formatted(entry.key()));
            }
            if (entry.key().equals("name")) nameEntry = entry;
        }
        if (nameEntry != null) name = text(nameEntry, "the custom rule's name");
        String label = name.map(text -> "custom rule '" + text + "'").orElse("custom rule");
        for (YamlNode.Entry entry : item.entries()) {
            if (!KEYS.contains(entry.key())) {
                problem(entry.origin(), "unknown key '%s' in %s; valid keys: %s".formatted(entry.key(), label, String.join(", ", KEYS)));
            }
        }
        boolean complete = true;
        for (String key : REQUIRED_KEYS) {
            if (!entries.containsKey(key)) {
                problem(item.origin(), "%s has no '%s': %s".formatted(label, key, whatIs(key)));
                complete = false;
            }
        }
        if (name.isPresent() && !checkName(name.get(), nameEntry)) complete = false;
        if (!complete || name.isEmpty()) return;

        Optional<Pillar> pillar = choice(entries.get("pillar"), label, "pillar", PILLARS,
                text -> Arrays.stream(Pillar.values()).filter(p -> p.name().equalsIgnoreCase(text)).findFirst());
        Optional<Severity> severity = choice(entries.get("severity"), label, "severity", SEVERITIES, Severity::parse);
        Optional<Match> match = choice(entries.get("match"), label, "match", String.join(", ", Match.keys()), Match::parse);
        Optional<String> title = text(entries.get("title"), "the title of " + label);
        Optional<String> remediation = text(entries.get("remediation"), "the remediation of " + label);
        Optional<String> rationale = entries.containsKey("rationale")
                ? text(entries.get("rationale"), "the rationale of " + label) : Optional.of("");
        Optional<String> expression = text(entries.get("expression"), "the expression of " + label);
        Optional<String> message = text(entries.get("message"), "the message of " + label);
        if (match.isEmpty()) return;

        Optional<CelEnvironment.Program> condition = expression.flatMap(source ->
                compileCondition(match.get(), source, entries.get("expression").value(), label, lines));
        Optional<MessageTemplate> template = message.flatMap(source ->
                compileMessage(match.get(), source, entries.get("message").value(), label, lines));
        if (pillar.isEmpty() || severity.isEmpty() || title.isEmpty() || remediation.isEmpty() || rationale.isEmpty()
                || condition.isEmpty() || template.isEmpty()) {
            return;
        }
        Origin definedAt = item.origin();
        RuleInfo info = RuleInfo.builder("CUSTOM-" + name.get(), name.get())
                .pillar(pillar.get())
                .severity(severity.get())
                .title(withoutFinalPeriod(title.get()))
                .rationale(rationale.get().isBlank()
                        ? "A rule of this project, defined at %s:%d.".formatted(definedAt.source(), definedAt.line())
                        : rationale.get())
                .remediation(remediation.get().endsWith(".") ? remediation.get() : remediation.get() + ".")
                .appliesTo(match.get().appliesTo().toArray(dev.shipshape.model.SourceKind[]::new))
                .build();
        rules.add(new CustomRule(info, match.get(), condition.get(), template.get(), model));
    }

    private boolean checkName(String name, YamlNode.Entry entry) {
        YamlNode value = entry.value();
        if (!NAME.matcher(name).matches()) {
            problem(value.origin(), "custom rule name '%s' must be kebab-case (lower-case words joined by '-'), like team-label-required"
                    .formatted(name));
            return false;
        }
        for (RuleInfo builtIn : builtIns) {
            if (builtIn.answersTo(name)) {
                problem(value.origin(), "custom rule '%s' has the name of built-in rule %s (%s); choose another name"
                        .formatted(name, builtIn.id(), builtIn.name()));
                return false;
            }
        }
        Origin earlier = defined.putIfAbsent(name, value.origin());
        if (earlier != null) {
            problem(value.origin(), "custom rule '%s' is defined twice (first at %s); rename or remove one".formatted(name, earlier));
            return false;
        }
        return true;
    }

    private Optional<CelEnvironment.Program> compileCondition(Match match, String source, YamlNode where, String label, List<String> lines) {
        CelEnvironment.Program program;
        try {
            program = CelEnvironment.compile(match, source);
        } catch (CelEnvironment.CompileFailure failure) {
            CelEnvironment.CompileError error = failure.errors().getFirst();
            problem(positionIn(where, source, lines, error.line(), error.column()),
                    "%s: the expression does not compile: %s%s".formatted(label, error.message(), hint(match, error.message())));
            return Optional.empty();
        }
        if (!program.mayGiveBool()) {
            problem(where.origin(), "%s: the expression must give true or false, but gives %s".formatted(label, program.resultTypeName()));
            return Optional.empty();
        }
        return Optional.of(program);
    }

    private Optional<MessageTemplate> compileMessage(Match match, String source, YamlNode where, String label, List<String> lines) {
        try {
            return Optional.of(MessageTemplate.compile(match, source));
        } catch (MessageTemplate.Invalid invalid) {
            int[] lineAndColumn = lineAndColumn(source, invalid.offset());
            problem(positionIn(where, source, lines, lineAndColumn[0], lineAndColumn[1]),
                    "%s: the message's {{...}} does not compile: %s%s".formatted(label, invalid.getMessage(), hint(match, invalid.getMessage())));
            return Optional.empty();
        }
    }

    private static String hint(Match match, String celMessage) {
        if (celMessage.startsWith("undeclared reference")) {
            return "; with match: %s the variables are %s".formatted(match.key(), String.join(" and ", match.variables().keySet()));
        }
        if (celMessage.startsWith("undefined field")) return SCHEMA_HINT;
        return "";
    }

    /** The 1-based line and column of a 0-based offset in {@code text}. */
    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /**
     * Where in the file a position inside a scalar's value is: exact when the value is written on
     * one line as it reads (plain, or quoted without escapes) or as a literal block ({@code |}),
     * else the scalar's own position.
     */
    static Origin positionIn(YamlNode scalar, String value, List<String> lines, int line, int column) {
        Origin start = scalar.origin();
        if (start.line() > lines.size()) return start;
        String written = lines.get(start.line() - 1);
        int from = start.column() - 1;
        String[] valueLines = value.split("\n", -1);
        if (from < written.length() && written.charAt(from) == '|') {
            // a literal block: the value's lines are the file's lines after the indicator, indented
            int fileLine = start.line() + line;
            if (line < 1 || line > valueLines.length || fileLine > lines.size()) return start;
            String expected = valueLines[line - 1];
            String blockLine = lines.get(fileLine - 1);
            if (expected.isEmpty() || !blockLine.endsWith(expected)) return start;
            return Origin.at(start.source(), fileLine, blockLine.length() - expected.length() + column);
        }
        if (valueLines.length != 1 || line != 1) return start;
        int at = written.indexOf(value, from);
        return at >= 0 && at <= from + 1 ? Origin.at(start.source(), start.line(), at + column) : start;
    }

    private <T> Optional<T> choice(YamlNode.Entry entry, String label, String key, String choices,
            java.util.function.Function<String, Optional<T>> parse) {
        Optional<String> text = text(entry, "the " + key + " of " + label);
        if (text.isEmpty()) return Optional.empty();
        Optional<T> value = parse.apply(text.get().trim().toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            problem(entry.value().origin(), "the %s of %s must be one of %s, not '%s'".formatted(key, label, choices, text.get()));
        }
        return value;
    }

    private Optional<String> text(YamlNode.Entry entry, String what) {
        YamlNode value = entry.value();
        if (!value.isScalar() || value.isNull()) {
            problem(value.origin(), "%s must be text; found %s".formatted(what, describe(value)));
            return Optional.empty();
        }
        String text = value.textOr("");
        if (text.isBlank()) {
            problem(value.origin(), "%s is empty".formatted(what));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static String whatIs(String key) {
        return switch (key) {
            case "name" -> "give it a kebab-case name such as team-label-required";
            case "pillar" -> "one of " + PILLARS;
            case "severity" -> "one of " + SEVERITIES;
            case "title" -> "the problem in a few words";
            case "match" -> "what it checks, one of " + String.join(", ", Match.keys());
            case "expression" -> "the CEL condition every matched object must meet";
            case "message" -> "what a finding says, e.g. \"{{workload.description}} has no team label\"";
            case "remediation" -> "how to fix a finding";
            default -> key;
        };
    }

    private static String withoutFinalPeriod(String title) {
        String trimmed = title.strip();
        return trimmed.endsWith(".") && !trimmed.endsWith("..") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String describe(YamlNode value) {
        return value.isScalar() && !value.isNull() ? "'" + value.textOr("") + "'" : value.describeType();
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return List.copyOf(all);
    }

    private void problem(Origin origin, String message) {
        problems.add(origin + ": " + message);
    }
}
