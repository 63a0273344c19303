package dev.shipshape.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector: {@code matchLabels} plus {@code matchExpressions}
 * (a Service's plain {@code selector} is matchLabels only).
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        expressions = List.copyOf(expressions);
    }

    public static LabelSelector of(Map<String, String> matchLabels) {
        return new LabelSelector(matchLabels, List.of());
    }

    /** An empty selector: a Service with none selects nothing; a PodDisruptionBudget with {@code {}} selects every pod. */
    public boolean isEmpty() {
        return matchLabels.isEmpty() && expressions.isEmpty();
    }

    /** True when every label and every expression holds for these labels (an empty selector matches all). */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : matchLabels.entrySet()) {
            if (!Objects.equals(labels.get(wanted.getKey()), wanted.getValue())) return false;
        }
        return expressions.stream().allMatch(requirement -> requirement.matches(labels));
    }

    /** One {@code matchExpressions} entry: In, NotIn, Exists, DoesNotExist. */
    public record Requirement(String key, String operator, List<String> values) {

        public Requirement {
            values = List.copyOf(values);
        }

        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
        }
    }
}
