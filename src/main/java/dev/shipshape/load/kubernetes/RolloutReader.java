package dev.shipshape.load.kubernetes;

import dev.shipshape.model.Origin;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Setting;
import java.util.Optional;

/**
 * Reads how a workload rolls out a new version: a Deployment's {@code spec.strategy}, a
 * StatefulSet's or DaemonSet's {@code spec.updateStrategy} ({@code type} and
 * {@code rollingUpdate.maxUnavailable}, each at its key). What is not written stays unset at
 * the workload's origin; the Swarm-only parts (order, failure action) are always unset.
 */
final class RolloutReader {

    Rollout read(Optional<Fields> objectSpec, WorkloadKind kind, Origin workloadOrigin) {
        if (kind.rolloutKey() == null || objectSpec.isEmpty()) return Rollout.unset(workloadOrigin);
        Optional<Fields> strategy = objectSpec.get().mapping(kind.rolloutKey());
        if (strategy.isEmpty()) return Rollout.unset(workloadOrigin);
        Setting<String> unset = Setting.unset(workloadOrigin);
        Setting<String> type = strategy.get().text("type").orElse(unset);
        Setting<String> maxUnavailable = strategy.get().mapping("rollingUpdate")
                .flatMap(rollingUpdate -> rollingUpdate.text("maxUnavailable"))
                .orElse(unset);
        return new Rollout(type, maxUnavailable, unset, unset);
    }
}
