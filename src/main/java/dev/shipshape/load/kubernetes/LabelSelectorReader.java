package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.LabelSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads label selectors: a Service's plain {@code selector} map, and the {@code matchLabels} plus
 * {@code matchExpressions} of the selector of a PodDisruptionBudget (and of the other kinds that
 * use a full one).
 */
final class LabelSelectorReader {

    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

    private final Problems problems;

    LabelSelectorReader(Problems problems) {
        this.problems = problems;
    }

    /** A map of label to value; the last written wins, and a value that is no string is reported and left out. */
    Map<String, String> labels(Fields mapping) {
        List<Entry> entries = mapping.node().entries();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Entry entry : entries) {
            YamlNode value = entry.value();
            if (value.isScalar()) {
                labels.put(entry.key(), value.textOr(""));
            } else {
                problems.warn(value.origin(), "the label '" + entry.key() + "' should be a string, not " + value.describeType());
            }
        }
        return labels;
    }

    /** {@code matchLabels} and {@code matchExpressions}; an expression that cannot be read is reported and left out. */
    LabelSelector selector(Fields selector) {
        Map<String, String> matchLabels = selector.mapping("matchLabels").map(this::labels).orElse(Map.of());
        List<LabelSelector.Requirement> expressions = new ArrayList<>();
        for (YamlNode item : selector.list("matchExpressions")) {
            Fields.ofItem(item, "an item of 'matchExpressions'", problems)
                    .flatMap(expression -> requirement(item, expression))
                    .ifPresent(expressions::add);
        }
        return new LabelSelector(matchLabels, expressions);
    }

    private Optional<LabelSelector.Requirement> requirement(YamlNode item, Fields expression) {
        Optional<String> key = expression.text("key").map(written -> written.value());
        Optional<String> operator = expression.text("operator").map(written -> written.value());
        if (key.isEmpty() || operator.isEmpty()) {
            problems.warn(item.origin(), "a selector expression needs a 'key' and an 'operator'");
            return Optional.empty();
        }
        if (!OPERATORS.contains(operator.get())) {
            // kept: an expression with an unknown operator matches nothing, as the API server would not accept it
            problems.warn(expression.entry("operator").orElseThrow().origin(),
                    "unknown selector operator '" + operator.get() + "'; expected In, NotIn, Exists or DoesNotExist");
        }
        List<String> values = new ArrayList<>();
        for (YamlNode value : expression.list("values")) {
            Optional<String> text = value.text();
            if (text.isPresent()) {
                values.add(text.get());
            } else {
                problems.warn(value.origin(), "a selector value should be a string, not " + value.describeType());
            }
        }
        return Optional.of(new LabelSelector.Requirement(key.get(), operator.get(), values));
    }
}
