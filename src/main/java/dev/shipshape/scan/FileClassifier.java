package dev.shipshape.scan;

import dev.shipshape.model.SourceKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells what kind of input a file is: Dockerfiles and daemon.json by name; YAML and JSON by their
 * parsed structure ({@link DocumentSniffer}: Kubernetes has top-level {@code apiVersion} and
 * {@code kind}, Compose a {@code services} mapping), in any style. Only text the YAML reader
 * cannot read to its end is judged by its lines ({@code apiVersion:} and {@code kind:} at column 0,
 * {@code services:}), so that a Compose file with a syntax error is still found, loaded and
 * reported.
 */
final class FileClassifier {

    /** What a file's name alone says. */
    enum NameClass { DOCKERFILE, DAEMON_JSON, YAML, NONE }

    /**
     * Suffixes after {@code Dockerfile.} that mean something else: Docker's per-Dockerfile ignore
     * file, documentation, editor leftovers, templates that need rendering first. Skipped in a
     * folder walk; a file named explicitly is still read as a Dockerfile (except the ignore file).
     */
    private static final Set<String> NOT_DOCKERFILE_SUFFIXES = Set.of(
            "dockerignore", "md", "txt", "bak", "orig", "rej", "swp", "sh", "json", "yaml", "yml",
            "j2", "jinja", "jinja2", "tmpl", "tpl", "template");

    /** An indented {@code image:} or {@code build:}: the services of a legacy (version 1) Compose file, which has no {@code services:}. */
    private static final Pattern LEGACY_COMPOSE_SERVICE_KEY = Pattern.compile("^[ \\t]+(image|build):", Pattern.MULTILINE);

    private FileClassifier() {
    }

    static NameClass byName(String fileName, boolean namedExplicitly) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.equals("daemon.json")) return NameClass.DAEMON_JSON;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) return NameClass.YAML;
        if (lower.equals("dockerfile") || lower.equals("containerfile")
                || lower.endsWith(".dockerfile") || lower.endsWith(".containerfile")) {
            return NameClass.DOCKERFILE;
        }
        for (String prefix : List.of("dockerfile.", "containerfile.")) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                String suffix = lower.substring(prefix.length());
                if (suffix.equals("dockerignore")) return NameClass.NONE;
                return namedExplicitly || !NOT_DOCKERFILE_SUFFIXES.contains(suffix) ? NameClass.DOCKERFILE : NameClass.NONE;
            }
        }
        return NameClass.NONE;
    }

    /** The kind a YAML or JSON text is, from its structure and its name; empty when it is neither Kubernetes nor Compose. */
    static Optional<SourceKind> yamlKind(String fileName, String text) {
        return kindOf(fileName, DocumentSniffer.sniff(text), text);
    }

    /** The kind from what the sniffer says; {@code text}'s lines decide only when the YAML reader could not. */
    static Optional<SourceKind> kindOf(String fileName, DocumentSniffer.Verdict verdict, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        SourceKind composeKind = namesASwarmStack(lower) ? SourceKind.STACK : SourceKind.COMPOSE;
        return switch (verdict) {
            case KUBERNETES -> Optional.of(SourceKind.KUBERNETES);
            case COMPOSE -> Optional.of(composeKind);
            case LEGACY_COMPOSE -> lower.contains("compose") ? Optional.of(composeKind) : Optional.empty();
            case NEITHER -> Optional.empty();
            case UNREADABLE -> byLines(fileName, text);
        };
    }

    /** The kind by lines at column 0: for text the YAML reader cannot read. */
    static Optional<SourceKind> byLines(String fileName, String head) {
        boolean apiVersion = false;
        boolean kind = false;
        boolean services = false;
        for (String line : head.lines().toList()) {
            if (line.startsWith("apiVersion:")) apiVersion = true;
            else if (line.startsWith("kind:")) kind = true;
            else if (line.startsWith("services:")) services = true;
        }
        if (apiVersion && kind) return Optional.of(SourceKind.KUBERNETES);
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean legacyCompose = lower.contains("compose") && LEGACY_COMPOSE_SERVICE_KEY.matcher(head).find();
        if (!services && !legacyCompose) return Optional.empty();
        return Optional.of(namesASwarmStack(lower) ? SourceKind.STACK : SourceKind.COMPOSE);
    }

    /**
     * A stack file says so in its name: "stack" or "swarm" as a word of it (docker-stack.yml,
     * docker-compose.swarm.yml), not inside another word (clickstack); an override file never is one,
     * since {@code docker stack deploy} reads no override.
     */
    static boolean namesASwarmStack(String lowerCaseName) {
        if (lowerCaseName.contains("compose.override.")) return false;
        for (String word : lowerCaseName.split("[^a-z0-9]+")) {
            if (word.equals("stack") || word.equals("swarm")) return true;
        }
        return false;
    }

    /**
     * A text whose first instruction is {@code FROM} or {@code ARG} (after blank lines, comments and
     * parser directives): a Dockerfile, for input whose name says nothing (standard input).
     */
    static boolean looksLikeDockerfile(String text) {
        for (String line : (Iterable<String>) text.lines()::iterator) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            String upper = trimmed.toUpperCase(Locale.ROOT);
            return upper.matches("(FROM|ARG)\\s+\\S.*");
        }
        return false;
    }
}
