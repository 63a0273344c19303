package dev.shipshape.load.kubernetes;

import dev.shipshape.model.Autoscaler;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.Optional;

/**
 * Reads a HorizontalPodAutoscaler (autoscaling/v1, v2, v2beta1, v2beta2: {@code minReplicas},
 * {@code maxReplicas}) or a KEDA ScaledObject (keda.sh/v1alpha1: {@code minReplicaCount},
 * {@code maxReplicaCount}, a target kind that defaults to Deployment) into an {@link Autoscaler}.
 */
final class AutoscalerReader {

    private static final String DEFAULT_SCALED_KIND = "Deployment";

    private final Problems problems;

    AutoscalerReader(Problems problems) {
        this.problems = problems;
    }

    Autoscaler read(ManifestObject object, ObjectMetadata metadata) {
        boolean keda = object.kind().equals(Autoscaler.SCALED_OBJECT);
        Origin origin = object.kindOrigin();
        Optional<Fields> spec = object.fields().mapping("spec");
        Optional<Fields> target = spec.flatMap(fields -> fields.mapping("scaleTargetRef"));
        Origin targetOrigin = spec.flatMap(fields -> fields.entry("scaleTargetRef")).map(entry -> entry.origin()).orElse(origin);
        if (target.isEmpty()) problems.warn(origin, object.kind() + " '" + metadata.name() + "' has no 'spec.scaleTargetRef'");
        String targetKind = target.flatMap(ref -> ref.text("kind")).map(Setting::value).orElse(keda ? DEFAULT_SCALED_KIND : null);
        Setting<String> targetName = target.flatMap(ref -> ref.text("name")).orElse(Setting.unset(targetOrigin));
        Setting<Integer> min = spec.flatMap(fields -> count(fields, keda ? "minReplicaCount" : "minReplicas")).orElse(Setting.unset(origin));
        Setting<Integer> max = spec.flatMap(fields -> count(fields, keda ? "maxReplicaCount" : "maxReplicas")).orElse(Setting.unset(origin));
        return new Autoscaler(object.kind(), metadata.name(), metadata.namespace(), origin, targetKind, targetName, min, max);
    }

    private Optional<Setting<Integer>> count(Fields spec, String key) {
        Optional<Setting<Long>> written = spec.integer(key);
        if (written.isEmpty()) return Optional.empty();
        long value = written.get().value();
        if (value < 0 || value > Integer.MAX_VALUE) {
            problems.warn(written.get().origin(), "'" + key + "' is out of range: " + value);
            return Optional.empty();
        }
        return Optional.of(Setting.of((int) value, written.get().origin()));
    }
}
