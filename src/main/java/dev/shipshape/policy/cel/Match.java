package dev.shipshape.policy.cel;

import dev.shipshape.model.SourceKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a custom rule is checked against (its {@code match:}), and the CEL variables it sees there. */
public enum Match {
    WORKLOAD(Map.of("workload", "Workload"), Set.of(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)),
    CONTAINER(orderedVariables("container", "Container", "workload", "Workload"),
            Set.of(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)),
    IMAGE(Map.of("image", "Image"), Set.of(SourceKind.DOCKERFILE)),
    NETWORK(Map.of("network", "Network"), Set.of(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.LIVE_DOCKER)),
    VOLUME(Map.of("volume", "Volume"), Set.of(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.LIVE_DOCKER)),
    DAEMON(Map.of("daemon", "Daemon"), Set.of(SourceKind.DAEMON_JSON, SourceKind.LIVE_DOCKER));

    private final Map<String, String> variables;
    private final Set<SourceKind> appliesTo;

    Match(Map<String, String> variables, Set<SourceKind> appliesTo) {
        this.variables = variables;
        this.appliesTo = appliesTo;
    }

    private static Map<String, String> orderedVariables(String... nameTypePairs) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) variables.put(nameTypePairs[i], nameTypePairs[i + 1]);
        return variables;
    }

    /** As written in the configuration: {@code workload}, {@code container}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Variable name to schema type name, the matched object first. */
    public Map<String, String> variables() {
        return variables;
    }

    public Set<SourceKind> appliesTo() {
        return appliesTo;
    }

    String variablesText() {
        return variables.entrySet().stream()
                .map(variable -> variable.getKey() + ": " + variable.getValue())
                .collect(Collectors.joining(", "))
                + (this == CONTAINER ? " (the container's workload)" : "");
    }

    public static Optional<Match> parse(String text) {
        return Arrays.stream(values()).filter(match -> match.key().equals(text)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Match::key).toList();
    }
}
