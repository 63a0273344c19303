package dev.shipshape.policy;

import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds and reads a project's {@code .shipshape.yaml}. The schema is strict: every key, type and
 * name is checked, and a mistake stops the run with its file, line and column, so that a typo
 * never silently turns a check off.
 *
 * <pre>{@code
 * fail-on: high                 # critical | high | medium | low | info: findings at or above it fail the run
 * disable: [rule-name, ...]     # rules that never run (names, aliases or ids)
 * severity: {rule-name: low}    # a rule's findings get this severity instead of the rule's own
 * require-digest: false         # image-not-pinned also wants an @sha256: digest (true | false)
 * trusted-registries: [registry.example.com]       # registries images may come from (empty: any)
 * required-labels: [org.opencontainers.image.source]  # label keys every image must carry
 * }</pre>
 *
 * Every key is optional; an empty file is the default policy. {@code waivers:} and custom
 * {@code rules:} are planned and rejected today with a message saying so.
 */
public final class PolicyFile {

    public static final String FILE_NAME = ".shipshape.yaml";

    private static final List<String> KEYS =
            List.of("fail-on", "disable", "severity", "require-digest", "trusted-registries", "required-labels");
    private static final Set<String> PLANNED_KEYS = Set.of("waivers", "rules");
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Severity::label).collect(Collectors.joining(", "));

    private PolicyFile() {
    }

    /**
     * The {@code .shipshape.yaml} that governs {@code start}: looked for in start's folder (start
     * itself when it is a folder) and upward, stopping after the filesystem root or after the first
     * folder that holds {@code .git} (the top of the repository).
     */
    public static Optional<Path> find(Path start) {
        Path folder = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) folder = folder.getParent();
        while (folder != null) {
            Path candidate = folder.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
            if (Files.exists(folder.resolve(".git"))) return Optional.empty();
            folder = folder.getParent();
        }
        return Optional.empty();
    }

    /** Reads and checks the file; {@code shownPath} is how messages name it. */
    public static Policy read(Path file, String shownPath) throws ConfigurationException {
        String text;
        try {
            text = SourceLoader.readText(file);
        } catch (IOException unreadable) {
            throw new ConfigurationException(shownPath + ": cannot read the configuration file: " + SourceLoader.describe(unreadable));
        }
        return parse(shownPath, text);
    }

    public static Policy parse(String shownPath, String text) throws ConfigurationException {
        return parse(shownPath, text, BuiltInRules.all());
    }

    /** Parses against the given rules (the ones names in the file must exist among). */
    public static Policy parse(String shownPath, String text, List<Rule> knownRules) throws ConfigurationException {
        YamlDocuments.Parsed parsed = YamlDocuments.parse(shownPath, text);
        if (!parsed.diagnostics().isEmpty()) {
            Diagnostic syntax = parsed.diagnostics().getFirst();
            throw new ConfigurationException(syntax.origin() + ": " + syntax.message());
        }
        if (parsed.documents().isEmpty()) return Policy.DEFAULT;
        if (parsed.documents().size() > 1) {
            throw new ConfigurationException(parsed.documents().get(1).origin()
                    + ": a configuration file holds one YAML document; remove the `---` and what follows, or merge it into the first");
        }
        return new Reader(knownRules).read(parsed.documents().getFirst());
    }

    /** Reads one document, collecting every problem so that the user can fix them all at once. */
    private static final class Reader {

        private final List<Rule> knownRules;
        private final List<String> problems = new ArrayList<>();
        private Optional<Severity> failOn = Optional.empty();
        private final Set<String> disabled = new LinkedHashSet<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private boolean requireDigest = RuleOptions.DEFAULTS.requireDigest();
        private List<String> trustedRegistries = RuleOptions.DEFAULTS.trustedRegistries();
        private List<String> requiredLabels = RuleOptions.DEFAULTS.requiredLabels();

        Reader(List<Rule> knownRules) {
            this.knownRules = knownRules;
        }

        Policy read(YamlNode root) throws ConfigurationException {
            if (root.isNull()) return Policy.DEFAULT;
            if (!root.isMap()) {
                throw new ConfigurationException(root.origin() + ": the configuration must be a mapping of settings, not "
                        + root.describeType() + "; valid keys: " + String.join(", ", KEYS));
            }
            Map<String, Origin> seen = new HashMap<>();
            for (YamlNode.Entry entry : root.entries()) {
                Origin earlier = seen.putIfAbsent(entry.key(), entry.origin());
                if (earlier != null) {
                    problem(entry.origin(), "'%s' is given twice (first at line %d); keep one".formatted(entry.key(), earlier.line()));
                    continue;
                }
                readEntry(entry);
            }
            if (!problems.isEmpty()) throw new ConfigurationException(String.join("\n", problems));
            return new Policy(failOn, disabled, severities, new RuleOptions(requireDigest, trustedRegistries, requiredLabels));
        }

        private void readEntry(YamlNode.Entry entry) {
            YamlNode value = entry.value();
            switch (entry.key()) {
                case "fail-on" -> failOn = severity(value, "fail-on");
                case "disable" -> {
                    for (YamlNode item : list(value, "disable", "rule names, like [privileged-container]")) {
                        scalar(item, "disable", "a rule name").flatMap(name -> ruleName(item, name)).ifPresent(disabled::add);
                    }
                }
                case "severity" -> readSeverities(value);
                case "require-digest" -> requireDigest = bool(value, "require-digest");
                case "trusted-registries" -> trustedRegistries = strings(value, "trusted-registries", "registry host names, like [registry.example.com]");
                case "required-labels" -> requiredLabels = strings(value, "required-labels", "label keys, like [org.opencontainers.image.source]");
                default -> {
                    if (PLANNED_KEYS.contains(entry.key())) {
                        problem(entry.origin(), "'%s' is not supported yet; remove it (valid keys: %s)"
                                .formatted(entry.key(), String.join(", ", KEYS)));
                    } else {
                        problem(entry.origin(), "unknown key '%s'; valid keys: %s".formatted(entry.key(), String.join(", ", KEYS)));
                    }
                }
            }
        }

        private void readSeverities(YamlNode value) {
            if (value.isNull()) return;
            if (!value.isMap()) {
                problem(value.origin(), "severity must be a mapping of rule names to severities, like {privileged-container: high}; found "
                        + value.describeType());
                return;
            }
            for (YamlNode.Entry entry : value.entries()) {
                Optional<String> rule = ruleName(entry.keyNode(), entry.key());
                Optional<Severity> severity = severity(entry.value(), "the severity of '" + entry.key() + "'");
                if (rule.isPresent() && severity.isPresent()) severities.put(rule.get(), severity.get());
            }
        }

        private Optional<Severity> severity(YamlNode value, String what) {
            Optional<String> text = scalar(value, what, "a severity (" + SEVERITIES + ")");
            if (text.isEmpty()) return Optional.empty();
            Optional<Severity> severity = Severity.parse(text.get());
            if (severity.isEmpty()) {
                problem(value.origin(), "%s must be one of %s, not '%s'".formatted(what, SEVERITIES, text.get()));
            }
            return severity;
        }

        /** The canonical name of the rule this name, alias or id stands for. */
        private Optional<String> ruleName(YamlNode where, String name) {
            if (name.equalsIgnoreCase("all")) {
                problem(where.origin(), "'all' is not a rule name: list the rules one by one");
                return Optional.empty();
            }
            Optional<String> known = knownRules.stream()
                    .filter(rule -> rule.info().answersTo(name))
                    .map(rule -> rule.info().name())
                    .findFirst();
            if (known.isEmpty()) problem(where.origin(), "unknown rule '%s'; run `shipshape rules` to list them".formatted(name));
            return known;
        }

        private boolean bool(YamlNode value, String key) {
            Optional<Boolean> bool = value.isScalar() ? value.bool() : Optional.empty();
            if (bool.isEmpty()) {
                problem(value.origin(), "%s must be true or false, not %s".formatted(key, value.isScalar() && !value.isNull()
                        ? "'" + value.textOr("") + "'" : value.describeType()));
                return false;
            }
            return bool.get();
        }

        private List<String> strings(YamlNode value, String key, String whatItems) {
            List<String> result = new ArrayList<>();
            for (YamlNode item : list(value, key, whatItems)) {
                scalar(item, key, "a name").filter(text -> {
                    if (!text.isBlank()) return true;
                    problem(item.origin(), key + " has an empty item; remove it");
                    return false;
                }).ifPresent(text -> result.add(text.trim()));
            }
            return result;
        }

        /** The items of a list; null counts as an empty list (the key written with no value). */
        private List<YamlNode> list(YamlNode value, String key, String whatItems) {
            if (value.isNull()) return List.of();
            if (!value.isList()) {
                problem(value.origin(), "%s must be a list of %s; found %s".formatted(key, whatItems, describe(value)));
                return List.of();
            }
            return value.items();
        }

        private Optional<String> scalar(YamlNode value, String key, String what) {
            if (value.isScalar() && !value.isNull()) return value.text();
            problem(value.origin(), "%s must be %s; found %s".formatted(key, what, describe(value)));
            return Optional.empty();
        }

        private static String describe(YamlNode value) {
            return value.isScalar() && !value.isNull() ? "'" + value.textOr("") + "'" : value.describeType();
        }

        private void problem(Origin origin, String message) {
            problems.add(origin + ": " + message);
        }
    }
}
