package dev.shipshape.policy;

import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@code enforce:} section of {@code .shipshape.yaml}, as strictly as {@link PolicyFile}
 * reads the rest (which checks this section through {@link #read} with the rest of the file):
 *
 * <pre>{@code
 * enforce:
 *   deny-at: high               # findings at or above it deny a request; milder ones are warnings
 *   warn-only: [runs-as-root]   # rules that never deny, only warn (names, aliases or ids)
 *   allowed-users:              # per action, the only users who may do it (a TLS client certificate's CN)
 *     container-exec: [alice]
 *     plugin-manage: [ops]      # guarded: nobody may disable, set, upgrade, create or remove plugins unless listed
 *     swarm-join: []            # guarded, as are swarm-init (beyond loopback), swarm-manage and build-privileged
 *   failure: closed             # open | closed: the answer for a request that cannot be decided
 *   guard-all-builds: false     # true: every POST /build is build-privileged (a form body can hide networkmode=host)
 *   mutate:
 *     read-only-root-filesystem: false   # /mutate also sets readOnlyRootFilesystem: true
 * }</pre>
 */
public final class EnforcementSection {

    static final String KEY = "enforce";
    private static final List<String> KEYS = List.of("deny-at", "warn-only", "allowed-users", "failure", "guard-all-builds", "mutate");
    private static final List<String> MUTATE_KEYS = List.of("read-only-root-filesystem");
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Severity::label).collect(Collectors.joining(", "));
    private static final String ACTIONS = Arrays.stream(Enforcement.Action.values())
            .map(Enforcement.Action::configName).collect(Collectors.joining(", "));

    private EnforcementSection() {
    }

    /** The settings, and every problem found ("file:line:col: message"); the settings are only good when there are none. */
    public record Read(Enforcement enforcement, List<String> problems) {

        public Read {
            problems = List.copyOf(problems);
        }
    }

    /** The {@code enforce:} section of a configuration file (the default when it has none). */
    public static Enforcement of(Path file, String shownPath, List<Rule> knownRules) throws ConfigurationException {
        String text;
        try {
            text = SourceLoader.readText(file);
        } catch (IOException unreadable) {
            throw new ConfigurationException(shownPath + ": cannot read the configuration file: " + SourceLoader.describe(unreadable));
        }
        YamlDocuments.Parsed parsed = YamlDocuments.parse(shownPath, text);
        if (!parsed.diagnostics().isEmpty()) {
            throw new ConfigurationException(parsed.diagnostics().getFirst().origin() + ": " + parsed.diagnostics().getFirst().message());
        }
        Optional<YamlNode> section = parsed.documents().stream().findFirst().filter(YamlNode::isMap).flatMap(root -> root.get(KEY));
        if (section.isEmpty()) return Enforcement.DEFAULT;
        Read read = read(section.get(), knownRules);
        if (!read.problems().isEmpty()) throw new ConfigurationException(String.join("\n", read.problems()));
        return read.enforcement();
    }

    /** Reads the value of the {@code enforce} key; rule names must be among {@code knownRules}. */
    public static Read read(YamlNode section, List<Rule> knownRules) {
        return new Reader(knownRules).read(section);
    }

    private static final class Reader {

        private final List<Rule> knownRules;
        private final ConfigProblems problems = new ConfigProblems();
        private Severity denyAt = Enforcement.DEFAULT.denyAt();
        private final Set<String> warnOnly = new LinkedHashSet<>();
        private final Map<Enforcement.Action, Set<String>> allowedUsers = new EnumMap<>(Enforcement.Action.class);
        private Enforcement.Failure failure = Enforcement.DEFAULT.failure();
        private boolean readOnlyRootFilesystem;
        private boolean guardAllBuilds;

        Reader(List<Rule> knownRules) {
            this.knownRules = knownRules;
        }

        Read read(YamlNode section) {
            if (!section.isNull() && !section.isMap()) {
                problems.add(section.origin(), "enforce must be a mapping of " + String.join(", ", KEYS) + "; found " + ConfigProblems.describe(section));
            } else {
                Set<String> seen = new HashSet<>();
                for (YamlNode.Entry entry : section.entries()) {
                    if (!seen.add(entry.key())) {
                        problems.add(entry.origin(), "'%s' is given twice in enforce; keep one".formatted(entry.key()));
                        continue;
                    }
                    readEntry(entry);
                }
            }
            return new Read(new Enforcement(denyAt, warnOnly, allowedUsers, failure, readOnlyRootFilesystem, guardAllBuilds), problems.all());
        }

        private void readEntry(YamlNode.Entry entry) {
            YamlNode value = entry.value();
            switch (entry.key()) {
                case "deny-at" -> problems.scalar(value, "deny-at", "a severity (" + SEVERITIES + ")").ifPresent(text -> {
                    Optional<Severity> severity = Severity.parse(text);
                    if (severity.isPresent()) {
                        denyAt = severity.get();
                    } else {
                        problems.add(value.origin(), "deny-at must be one of %s, not '%s'".formatted(SEVERITIES, text));
                    }
                });
                case "warn-only" -> {
                    for (YamlNode item : problems.list(value, "warn-only", "rule names, like [runs-as-root]")) {
                        problems.scalar(item, "warn-only", "a rule name").flatMap(name -> ruleName(item, name.strip())).ifPresent(warnOnly::add);
                    }
                }
                case "allowed-users" -> readAllowedUsers(value);
                case "failure" -> problems.scalar(value, "failure", "open or closed").ifPresent(text -> {
                    switch (text.strip().toLowerCase(Locale.ROOT)) {
                        case "open" -> failure = Enforcement.Failure.OPEN;
                        case "closed" -> failure = Enforcement.Failure.CLOSED;
                        default -> problems.add(value.origin(), "failure must be open or closed, not '%s'".formatted(text));
                    }
                });
                case "guard-all-builds" -> {
                    Optional<Boolean> bool = value.isScalar() ? value.bool() : Optional.empty();
                    if (bool.isPresent()) {
                        guardAllBuilds = bool.get();
                    } else {
                        problems.add(value.origin(), "guard-all-builds must be true or false, not " + ConfigProblems.describe(value));
                    }
                }
                case "mutate" -> readMutate(value);
                default -> problems.add(entry.origin(), "unknown key '%s' in enforce; valid keys: %s".formatted(entry.key(), String.join(", ", KEYS)));
            }
        }

        private void readAllowedUsers(YamlNode value) {
            if (value.isNull()) return;
            if (!value.isMap()) {
                problems.add(value.origin(), "allowed-users must map actions to user names, like {container-exec: [alice]}; found "
                        + ConfigProblems.describe(value));
                return;
            }
            for (YamlNode.Entry entry : value.entries()) {
                Optional<Enforcement.Action> action = Enforcement.Action.byConfigName(entry.key());
                if (action.isEmpty()) {
                    problems.add(entry.origin(), "unknown action '%s' in allowed-users; actions: %s".formatted(entry.key(), ACTIONS));
                    continue;
                }
                if (allowedUsers.containsKey(action.get())) {
                    problems.add(entry.origin(), "'%s' is given twice in allowed-users; keep one".formatted(entry.key()));
                    continue;
                }
                Set<String> users = new LinkedHashSet<>();
                for (YamlNode item : problems.list(entry.value(), entry.key(), "user names, like [alice]")) {
                    problems.scalar(item, entry.key(), "a user name").ifPresent(user -> {
                        if (user.isBlank()) {
                            problems.add(item.origin(), entry.key() + " has an empty user name; remove it");
                        } else {
                            users.add(user.strip());
                        }
                    });
                }
                allowedUsers.put(action.get(), users);
            }
        }

        private void readMutate(YamlNode value) {
            if (value.isNull()) return;
            if (!value.isMap()) {
                problems.add(value.origin(), "mutate must be a mapping of " + String.join(", ", MUTATE_KEYS) + "; found " + ConfigProblems.describe(value));
                return;
            }
            for (YamlNode.Entry entry : value.entries()) {
                if (!entry.key().equals("read-only-root-filesystem")) {
                    problems.add(entry.origin(), "unknown key '%s' in mutate; valid keys: %s".formatted(entry.key(), String.join(", ", MUTATE_KEYS)));
                    continue;
                }
                Optional<Boolean> bool = entry.value().isScalar() ? entry.value().bool() : Optional.empty();
                if (bool.isPresent()) {
                    readOnlyRootFilesystem = bool.get();
                } else {
                    problems.add(entry.value().origin(), "read-only-root-filesystem must be true or false, not " + ConfigProblems.describe(entry.value()));
                }
            }
        }

        /** The canonical name of the rule this name, alias or id stands for. */
        private Optional<String> ruleName(YamlNode where, String name) {
            Optional<String> known = knownRules.stream()
                    .filter(rule -> rule.info().answersTo(name))
                    .map(rule -> rule.info().name())
                    .findFirst();
            if (known.isEmpty()) problems.add(where.origin(), "unknown rule '%s'; run `shipshape rules` to list them".formatted(name));
            return known;
        }

    }
}
