package dev.shipshape.load.kubernetes;

import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.Optional;

/**
 * Reads a PodDisruptionBudget into a {@link DisruptionBudget}.
 *
 * <p>A budget without {@code spec.selector} selects no pods (and in {@code policy/v1beta1}, an
 * empty selector neither); the model has no selector that matches nothing, so such a budget is
 * reported and left out: it protects nothing.
 */
final class DisruptionBudgetReader {

    private static final String V1BETA1 = "policy/v1beta1";

    private final Problems problems;
    private final LabelSelectorReader selectors;

    DisruptionBudgetReader(Problems problems) {
        this.problems = problems;
        this.selectors = new LabelSelectorReader(problems);
    }

    Optional<DisruptionBudget> read(ManifestObject object, ObjectMetadata metadata) {
        Optional<Fields> selector = object.fields().mapping("spec").flatMap(spec -> spec.mapping("selector"));
        String description = "PodDisruptionBudget '" + metadata.name() + "'";
        if (selector.isEmpty()) {
            problems.warn(object.kindOrigin(), description + " has no 'spec.selector', so it selects no pods and protects nothing");
            return Optional.empty();
        }
        LabelSelector read = selectors.selector(selector.get());
        if (read.isEmpty() && V1BETA1.equals(object.apiVersion())) {
            problems.warn(selector.get().node().origin(), description
                    + " has an empty 'spec.selector', which in " + V1BETA1 + " selects no pods: it protects nothing");
            return Optional.empty();
        }
        Optional<Fields> spec = object.fields().mapping("spec");
        Origin origin = object.kindOrigin();
        return Optional.of(new DisruptionBudget(metadata.name(), metadata.namespace(), origin, read,
                spec.flatMap(fields -> fields.text("minAvailable")).orElse(Setting.unset(origin)),
                spec.flatMap(fields -> fields.text("maxUnavailable")).orElse(Setting.unset(origin))));
    }
}
