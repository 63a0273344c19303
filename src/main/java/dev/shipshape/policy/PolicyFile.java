package dev.shipshape.policy;

import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.policy.cel.CustomRule;
import dev.shipshape.policy.cel.CustomRuleReader;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * waivers:                      # accepted risks: hidden until they expire, reported with their owner
 *   - rule: privileged-container                     # name, alias or id
 *     target: "compose.yaml#services.node-exporter"  # see WaiverTarget: FILE#services.NAME,
 *                                                    # Kind/namespace/name, image:REF or a file glob
 *     reason: needs host metrics; isolated node pool
 *     owner: platform-team@example.com
 *     expires: 2027-03-31                            # YYYY-MM-DD, the last day it holds
 * rules:                        # the project's own rules in CEL: see CustomRuleReader
 *   - name: team-label-required
 *     ...
 * enforce:                      # how `shipshape serve` answers at the gate: see EnforcementSection
 *   deny-at: high
 * }</pre>
 *
 * Every key is optional; an empty file is the default policy. Custom rules may also be kept in
 * files of their own, {@code .shipshape/rules/*.yaml} beside the configuration file, each holding
 * a list of rules or one rule. Paths in waiver targets are relative to the configuration file's folder.
 */
public final class PolicyFile {

    public static final String FILE_NAME = ".shipshape.yaml";

    /** Where files of custom rules are looked for, beside the configuration file. */
    public static final String RULES_FOLDER = ".shipshape/rules";

    private static final List<String> KEYS = List.of(
            "fail-on", "disable", "severity", "require-digest", "trusted-registries", "required-labels", "waivers", "rules", "enforce");
    private static final List<String> WAIVER_KEYS = List.of("rule", "target", "reason", "owner", "expires");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
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

    /**
     * Reads and checks the file, and the custom rules in {@value #RULES_FOLDER} beside it;
     * {@code shownPath} is how messages name it.
     */
    public static Policy read(Path file, String shownPath) throws ConfigurationException {
        String text;
        try {
            text = SourceLoader.readText(file);
        } catch (IOException unreadable) {
            throw new ConfigurationException(shownPath + ": cannot read the configuration file: " + SourceLoader.describe(unreadable));
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        return parse(new Source(shownPath, text, folder, Optional.of(folder.resolve(RULES_FOLDER))), BuiltInRules.all());
    }

    public static Policy parse(String shownPath, String text) throws ConfigurationException {
        return parse(shownPath, text, BuiltInRules.all());
    }

    /** Parses against the given rules (the ones names in the file must exist among); no rule files are read. */
    public static Policy parse(String shownPath, String text, List<Rule> knownRules) throws ConfigurationException {
        Path folder = Path.of(shownPath).toAbsolutePath().normalize().getParent();
        return parse(new Source(shownPath, text, folder, Optional.empty()), knownRules);
    }

    /**
     * A configuration's text and where it lives.
     *
     * @param folder      the folder waiver targets are relative to
     * @param rulesFolder where files of custom rules are, when they are read
     */
    private record Source(String shownPath, String text, Path folder, Optional<Path> rulesFolder) {
    }

    private static Policy parse(Source source, List<Rule> knownRules) throws ConfigurationException {
        YamlDocuments.Parsed parsed = YamlDocuments.parse(source.shownPath(), source.text());
        if (!parsed.diagnostics().isEmpty()) {
            Diagnostic syntax = parsed.diagnostics().getFirst();
            throw new ConfigurationException(syntax.origin() + ": " + syntax.message());
        }
        if (parsed.documents().size() > 1) {
            throw new ConfigurationException(parsed.documents().get(1).origin()
                    + ": a configuration file holds one YAML document; remove the `---` and what follows, or merge it into the first");
        }
        YamlNode root = parsed.documents().isEmpty() ? null : parsed.documents().getFirst();
        return new Reader(knownRules, source).read(root);
    }

    /** Reads one document, collecting every problem so that the user can fix them all at once. */
    private static final class Reader {

        private final List<Rule> knownRules;
        private final Source source;
        private final ConfigProblems problems = new ConfigProblems();
        private final CustomRuleReader customRules;
        private Optional<Severity> failOn = Optional.empty();
        private final Set<String> disabled = new LinkedHashSet<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private boolean requireDigest = RuleOptions.DEFAULTS.requireDigest();
        private List<String> trustedRegistries = RuleOptions.DEFAULTS.trustedRegistries();
        private List<String> requiredLabels = RuleOptions.DEFAULTS.requiredLabels();
        private final List<Waiver> waivers = new ArrayList<>();

        Reader(List<Rule> knownRules, Source source) {
            this.knownRules = new ArrayList<>(knownRules);
            this.source = source;
            this.customRules = new CustomRuleReader(knownRules.stream().map(Rule::info).toList());
        }

        Policy read(YamlNode root) throws ConfigurationException {
            if (root != null && !root.isNull() && !root.isMap()) {
                throw new ConfigurationException(root.origin() + ": the configuration must be a mapping of settings, not "
                        + root.describeType() + "; valid keys: " + String.join(", ", KEYS));
            }
            List<YamlNode.Entry> entries = root == null ? List.of() : root.entries();
            // Custom rules first: the other keys may name them.
            Map<String, Origin> seen = new HashMap<>();
            List<YamlNode.Entry> unique = new ArrayList<>();
            for (YamlNode.Entry entry : entries) {
                Origin earlier = seen.putIfAbsent(entry.key(), entry.origin());
                if (earlier != null) {
                    problems.add(entry.origin(), "'%s' is given twice (first at line %d); keep one".formatted(entry.key(), earlier.line()));
                } else {
                    unique.add(entry);
                }
            }
            unique.stream().filter(entry -> entry.key().equals("rules"))
                    .forEach(entry -> customRules.read(entry.value(), source.text(), false));
            readRuleFiles();
            problems.addAll(customRules.problems());
            List<CustomRule> custom = customRules.rules();
            custom.forEach(rule -> knownRules.add(rule.rule()));
            for (YamlNode.Entry entry : unique) {
                if (!entry.key().equals("rules")) readEntry(entry);
            }
            if (!problems.isEmpty()) throw new ConfigurationException(String.join("\n", problems.all()));
            if (root == null && custom.isEmpty()) return Policy.DEFAULT;
            return new Policy(failOn, disabled, severities, new RuleOptions(requireDigest, trustedRegistries, requiredLabels),
                    waivers, custom);
        }

        private void readRuleFiles() {
            if (source.rulesFolder().isEmpty() || !Files.isDirectory(source.rulesFolder().get())) return;
            List<Path> files;
            try (Stream<Path> listing = Files.list(source.rulesFolder().get())) {
                files = listing.filter(file -> {
                    String name = file.getFileName().toString();
                    return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(file);
                }).sorted().toList();
            } catch (IOException unreadable) {
                problems.add(shownRuleFile("") + ": cannot list the folder: " + SourceLoader.describe(unreadable));
                return;
            }
            for (Path file : files) {
                String shown = shownRuleFile(file.getFileName().toString());
                String text;
                try {
                    text = SourceLoader.readText(file);
                } catch (IOException unreadable) {
                    problems.add(shown + ": cannot read the rule file: " + SourceLoader.describe(unreadable));
                    continue;
                }
                YamlDocuments.Parsed parsed = YamlDocuments.parse(shown, text);
                if (!parsed.diagnostics().isEmpty()) {
                    Diagnostic syntax = parsed.diagnostics().getFirst();
                    problems.add(syntax.origin() + ": " + syntax.message());
                    continue;
                }
                for (YamlNode document : parsed.documents()) {
                    YamlNode rules = document.isMap() && document.get("name").isEmpty() && document.get("rules").isPresent()
                            ? document.get("rules").get() : document;
                    customRules.read(rules, text, true);
                }
            }
        }

        /** A rule file as messages name it: beside the configuration file as the user sees it. */
        private String shownRuleFile(String fileName) {
            Path shown = Path.of(source.shownPath()).resolveSibling(RULES_FOLDER);
            return (fileName.isEmpty() ? shown : shown.resolve(fileName)).toString().replace('\\', '/');
        }

        private void readEntry(YamlNode.Entry entry) {
            YamlNode value = entry.value();
            switch (entry.key()) {
                case "fail-on" -> failOn = severity(value, "fail-on");
                case "disable" -> {
                    for (YamlNode item : problems.list(value, "disable", "rule names, like [privileged-container]")) {
                        problems.scalar(item, "disable", "a rule name").flatMap(name -> ruleName(item, name)).ifPresent(disabled::add);
                    }
                }
                case "severity" -> readSeverities(value);
                case "require-digest" -> requireDigest = bool(value, "require-digest");
                case "trusted-registries" -> trustedRegistries = strings(value, "trusted-registries", "registry host names, like [registry.example.com]");
                case "required-labels" -> requiredLabels = strings(value, "required-labels", "label keys, like [org.opencontainers.image.source]");
                case "waivers" -> readWaivers(value);
                case "enforce" -> problems.addAll(EnforcementSection.read(value, knownRules).problems());
                default -> problems.add(entry.origin(), "unknown key '%s'; valid keys: %s".formatted(entry.key(), String.join(", ", KEYS)));
            }
        }

        private void readWaivers(YamlNode value) {
            for (YamlNode item : problems.list(value, "waivers", "waivers, each with " + String.join(", ", WAIVER_KEYS))) {
                if (!item.isMap()) {
                    problems.add(item.origin(), "a waiver must be a mapping with %s; found %s"
                            .formatted(String.join(", ", WAIVER_KEYS), ConfigProblems.describe(item)));
                    continue;
                }
                readWaiver(item);
            }
        }

        private void readWaiver(YamlNode item) {
            Map<String, YamlNode> fields = new HashMap<>();
            for (YamlNode.Entry entry : item.entries()) {
                if (!WAIVER_KEYS.contains(entry.key())) {
                    problems.add(entry.origin(), "unknown key '%s' in a waiver; valid keys: %s".formatted(entry.key(), String.join(", ", WAIVER_KEYS)));
                } else if (fields.putIfAbsent(entry.key(), entry.value()) != null) {
                    problems.add(entry.origin(), "'%s' is given twice in a waiver; keep one".formatted(entry.key()));
                }
            }
            Optional<String> rule = waiverText(item, fields, "rule", "waiver", "name the rule it waives")
                    .flatMap(name -> ruleName(fields.get("rule"), name.trim()));
            String label = rule.map(name -> "waiver of '" + name + "'").orElse("waiver");
            Optional<WaiverTarget> target = waiverText(item, fields, "target", label,
                    "say what it applies to: FILE#services.NAME, Kind/namespace/name, image:NAME or a file glob")
                    .flatMap(text -> target(fields.get("target"), text));
            Optional<String> reason = waiverText(item, fields, "reason", label, "say why the risk is accepted");
            Optional<String> owner = waiverText(item, fields, "owner", label, "name who accepted the risk (a team or a person)");
            Optional<LocalDate> expires = waiverText(item, fields, "expires", label, "give the last day it holds, as YYYY-MM-DD")
                    .flatMap(text -> date(fields.get("expires"), text.trim()));
            if (rule.isPresent() && target.isPresent() && reason.isPresent() && owner.isPresent() && expires.isPresent()) {
                waivers.add(new Waiver(rule.get(), target.get(), reason.get().strip(), owner.get().strip(), expires.get(), item.origin()));
            }
        }

        /** A required text field of a waiver; a missing or empty one is reported at the waiver's line. */
        private Optional<String> waiverText(YamlNode item, Map<String, YamlNode> fields, String key, String label, String what) {
            YamlNode value = fields.get(key);
            if (value == null || value.isNull()) {
                problems.add(item.origin(), "%s has no '%s': %s".formatted(label, key, what));
                return Optional.empty();
            }
            if (!value.isScalar()) {
                problems.add(value.origin(), "%s of a waiver must be text; found %s".formatted(key, value.describeType()));
                return Optional.empty();
            }
            String text = value.textOr("");
            if (text.isBlank()) {
                problems.add(value.origin(), "%s has an empty '%s': %s".formatted(label, key, what));
                return Optional.empty();
            }
            return Optional.of(text);
        }

        private Optional<WaiverTarget> target(YamlNode where, String text) {
            try {
                return Optional.of(WaiverTarget.parse(text, source.folder()));
            } catch (WaiverTarget.Invalid invalid) {
                problems.add(where.origin(), "target '%s': %s".formatted(text.strip(), invalid.getMessage()));
                return Optional.empty();
            }
        }

        private Optional<LocalDate> date(YamlNode where, String text) {
            if (DATE.matcher(text).matches()) {
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (DateTimeParseException noSuchDay) {
                    problems.add(where.origin(), "expires '%s' is not a day of the calendar".formatted(text));
                    return Optional.empty();
                }
            }
            problems.add(where.origin(), "expires must be a date written YYYY-MM-DD, not '%s'".formatted(text));
            return Optional.empty();
        }

        private void readSeverities(YamlNode value) {
            if (value.isNull()) return;
            if (!value.isMap()) {
                problems.add(value.origin(), "severity must be a mapping of rule names to severities, like {privileged-container: high}; found "
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
            Optional<String> text = problems.scalar(value, what, "a severity (" + SEVERITIES + ")");
            if (text.isEmpty()) return Optional.empty();
            Optional<Severity> severity = Severity.parse(text.get());
            if (severity.isEmpty()) {
                problems.add(value.origin(), "%s must be one of %s, not '%s'".formatted(what, SEVERITIES, text.get()));
            }
            return severity;
        }

        /** The canonical name of the rule this name, alias or id stands for. */
        private Optional<String> ruleName(YamlNode where, String name) {
            if (name.equalsIgnoreCase("all")) {
                problems.add(where.origin(), "'all' is not a rule name: list the rules one by one");
                return Optional.empty();
            }
            Optional<String> known = knownRules.stream()
                    .filter(rule -> rule.info().answersTo(name))
                    .map(rule -> rule.info().name())
                    .findFirst();
            if (known.isEmpty()) problems.add(where.origin(), "unknown rule '%s'; run `shipshape rules` to list them".formatted(name));
            return known;
        }

        private boolean bool(YamlNode value, String key) {
            Optional<Boolean> bool = value.isScalar() ? value.bool() : Optional.empty();
            if (bool.isEmpty()) {
                problems.add(value.origin(), "%s must be true or false, not %s".formatted(key, value.isScalar() && !value.isNull()
                        ? "'" + value.textOr("") + "'" : value.describeType()));
                return false;
            }
            return bool.get();
        }

        private List<String> strings(YamlNode value, String key, String whatItems) {
            List<String> result = new ArrayList<>();
            for (YamlNode item : problems.list(value, key, whatItems)) {
                problems.scalar(item, key, "a name").filter(text -> {
                    if (!text.isBlank()) return true;
                    problems.add(item.origin(), key + " has an empty item; remove it");
                    return false;
                }).ifPresent(text -> result.add(text.trim()));
            }
            return result;
        }

    }
}
