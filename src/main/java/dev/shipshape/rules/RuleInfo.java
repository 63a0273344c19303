package dev.shipshape.rules;

import dev.shipshape.model.SourceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule's metadata: what users see in findings, {@code shipshape rules}, {@code explain},
 * SARIF and {@code docs/rules.md}.
 *
 * @param id          stable {@code SS-NNN}; never reused or renumbered. A project's custom rule
 *                    (from {@code .shipshape.yaml}) has {@code CUSTOM-<name>}, so that it can never
 *                    take a built-in id
 * @param name        kebab-case, names the problem; what users type in config and suppressions
 * @param aliases     former names, so that old suppressions keep working
 * @param title       sentence case, no trailing period
 * @param rationale   what an attacker or an outage does with it
 * @param remediation imperative, names the exact key per source, ends with a period
 * @param remediations the fix as one door reads it, where it differs: a finding from a Kubernetes
 *                    manifest or an admission request says the Kubernetes key, one from Compose the
 *                    Compose key, and {@link SourceKind#LIVE_DOCKER} (a live audit, a request to the
 *                    Docker gate) the {@code docker run} flag; a kind without its own text gets
 *                    {@code remediation}
 */
public record RuleInfo(
        String id,
        String name,
        List<String> aliases,
        Pillar pillar,
        Severity severity,
        String title,
        String rationale,
        String remediation,
        Set<SourceKind> appliesTo,
        List<Reference> references,
        Map<SourceKind, String> remediations) {

    private static final Pattern ID = Pattern.compile("SS-\\d{3}|CUSTOM-[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleInfo {
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(severity, "severity");
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("rule id must match SS-NNN or CUSTOM-<name>: " + id);
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("rule name must be kebab-case: " + name);
        requireText(title, "title", name);
        requireText(rationale, "rationale", name);
        requireText(remediation, "remediation", name);
        if (title.endsWith(".")) throw new IllegalArgumentException(name + ": title must not end with a period");
        if (!remediation.endsWith(".")) throw new IllegalArgumentException(name + ": remediation must end with a period");
        if (appliesTo == null || appliesTo.isEmpty()) throw new IllegalArgumentException(name + ": appliesTo is empty");
        aliases = List.copyOf(aliases);
        appliesTo = Set.copyOf(appliesTo);
        references = List.copyOf(references);
        remediations = remediations == null ? Map.of() : Map.copyOf(remediations);
        for (var perKind : remediations.entrySet()) {
            requireText(perKind.getValue(), "remediation for " + perKind.getKey(), name);
            if (!perKind.getValue().endsWith(".")) {
                throw new IllegalArgumentException(name + ": remediation for " + perKind.getKey() + " must end with a period");
            }
        }
    }

    /** Metadata with one fix for every door. */
    public RuleInfo(String id, String name, List<String> aliases, Pillar pillar, Severity severity, String title, String rationale,
            String remediation, Set<SourceKind> appliesTo, List<Reference> references) {
        this(id, name, aliases, pillar, severity, title, rationale, remediation, appliesTo, references, Map.of());
    }

    /**
     * The fix as a finding from {@code kind} should state it; the general one when the kind has none
     * of its own or is unknown. A Swarm stack file is written in Compose syntax, so without a fix of
     * its own it gets the Compose one.
     */
    public String remediation(SourceKind kind) {
        if (kind == null) return remediation;
        String own = remediations.get(kind);
        if (own == null && kind == SourceKind.STACK) own = remediations.get(SourceKind.COMPOSE);
        return own != null ? own : remediation;
    }

    /** This metadata with the fix for one door stated in that door's terms. */
    public RuleInfo withRemediation(SourceKind kind, String text) {
        Map<SourceKind, String> all = new EnumMap<>(SourceKind.class);
        all.putAll(remediations);
        all.put(kind, text);
        return new RuleInfo(id, name, aliases, pillar, severity, title, rationale, remediation, appliesTo, references, all);
    }

    /** A rule is its id (ids are unique and never reused); comparing every text on each finding's hash would be waste. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RuleInfo rule && id.equals(rule.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    private static void requireText(String value, String field, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + ": " + field + " is required");
    }

    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** Names this rule answers to: its name and its aliases. */
    public boolean answersTo(String ruleName) {
        return name.equals(ruleName) || aliases.contains(ruleName) || id.equals(ruleName);
    }

    /** Builds a {@link RuleInfo}; exists only because ten positional arguments are unreadable. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private Pillar pillar;
        private Severity severity;
        private String title;
        private String rationale;
        private String remediation;
        private final Set<SourceKind> appliesTo = EnumSet.noneOf(SourceKind.class);
        private final List<Reference> references = new ArrayList<>();
        private final Map<SourceKind, String> remediations = new EnumMap<>(SourceKind.class);

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder aliases(String... names) { aliases.addAll(List.of(names)); return this; }
        public Builder pillar(Pillar value) { pillar = value; return this; }
        public Builder severity(Severity value) { severity = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder rationale(String value) { rationale = value; return this; }
        public Builder remediation(String value) { remediation = value; return this; }
        /** The fix as {@code kind} states it; see {@link RuleInfo#remediations()}. */
        public Builder remediation(SourceKind kind, String value) { remediations.put(kind, value); return this; }
        public Builder appliesTo(SourceKind... kinds) { appliesTo.addAll(List.of(kinds)); return this; }
        public Builder references(Reference... values) { references.addAll(List.of(values)); return this; }

        public RuleInfo build() {
            return new RuleInfo(id, name, aliases, pillar, severity, title, rationale, remediation, appliesTo, references, remediations);
        }
    }
}
