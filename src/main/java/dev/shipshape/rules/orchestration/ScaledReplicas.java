package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Autoscaler;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import java.util.Optional;

/**
 * How many replicas a workload counts with: an autoscaler's minimum when a HorizontalPodAutoscaler
 * or KEDA ScaledObject of the scanned set scales it (its {@code replicas} field is then not
 * expected), else its {@code replicas} as written.
 *
 * @param count the number, at the autoscaler's {@code minReplicas} (or the autoscaler, when it uses
 *              its default) or at the workload's {@code replicas}; unset when neither says
 * @param by    the autoscaler, when one scales it
 */
record ScaledReplicas(Setting<Integer> count, Optional<Autoscaler> by) {

    static ScaledReplicas of(Workload workload, Inventory inventory) {
        Optional<Autoscaler> autoscaler = inventory.kubernetes().autoscalers().stream()
                .filter(candidate -> candidate.scales(workload))
                .findFirst();
        if (autoscaler.isEmpty()) return new ScaledReplicas(workload.replicas(), Optional.empty());
        Autoscaler found = autoscaler.get();
        Setting<Integer> min = found.minReplicas();
        return new ScaledReplicas(Setting.of(found.effectiveMinReplicas(), min.isSet() ? min.origin() : found.origin()), autoscaler);
    }

    /** " (its HorizontalPodAutoscaler 'web' keeps at least 1)", or "" when no autoscaler scales it. */
    String via() {
        return by.map(autoscaler -> " (" + autoscaler.description() + " keeps at least " + count.value() + ")").orElse("");
    }
}
