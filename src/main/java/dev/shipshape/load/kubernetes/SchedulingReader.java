package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads where a pod's replicas may run from its pod spec: {@code affinity.podAntiAffinity},
 * {@code topologySpreadConstraints} and {@code nodeSelector} (each entry a placement
 * constraint "key=value" at its key).
 *
 * <p>An empty {@code podAntiAffinity: {}} or {@code topologySpreadConstraints: []} spreads
 * nothing, so it counts as not written.
 */
final class SchedulingReader {

    private final Problems problems;

    SchedulingReader(Problems problems) {
        this.problems = problems;
    }

    Scheduling read(Optional<Fields> podSpec, Origin workloadOrigin) {
        if (podSpec.isEmpty()) return Scheduling.unset(workloadOrigin);
        Fields spec = podSpec.get();
        boolean podAntiAffinity = spec.mapping("affinity")
                .flatMap(affinity -> affinity.mapping("podAntiAffinity"))
                .map(antiAffinity -> !antiAffinity.node().entries().isEmpty())
                .orElse(false);
        boolean topologySpread = !spec.list("topologySpreadConstraints").isEmpty();
        return new Scheduling(Setting.unset(workloadOrigin), podAntiAffinity, topologySpread, List.of(),
                nodeSelector(spec.mapping("nodeSelector")));
    }

    private List<Setting<String>> nodeSelector(Optional<Fields> nodeSelector) {
        if (nodeSelector.isEmpty()) return List.of();
        List<Entry> entries = nodeSelector.get().node().entries();
        List<Setting<String>> constraints = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            YamlNode value = entry.value();
            if (value.isScalar()) {
                constraints.add(Setting.of(entry.key() + "=" + value.textOr(""), entry.origin()));
            } else {
                problems.warn(value.origin(), "the nodeSelector '" + entry.key() + "' should be a string, not " + value.describeType());
            }
        }
        return constraints;
    }
}
