package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Optional;

/**
 * Joins a container's {@code volumeMounts} with the pod's volumes. A hostPath mount points at
 * the volume's {@code path} (what a finding about the host path wants); any other mount at its
 * volumeMount item. An emptyDir's {@code sizeLimit} stays at its key in the pod's volume, as every
 * container mounting it shares that one limit.
 */
final class VolumeMountReader {

    private final Problems problems;

    VolumeMountReader(Problems problems) {
        this.problems = problems;
    }

    void read(List<YamlNode> volumeMounts, PodVolumes volumes, List<Mount> into) {
        for (YamlNode item : volumeMounts) {
            Optional<Fields> mount = Fields.ofItem(item, "an item of 'volumeMounts'", problems);
            if (mount.isEmpty()) continue;
            Fields fields = mount.get();
            Optional<Setting<String>> name = fields.text("name");
            if (name.isEmpty()) {
                problems.warn(item.origin(), "a volumeMount without a 'name'");
                continue;
            }
            Origin itemOrigin = item.origin();
            String target = fields.textOrNull("mountPath");
            Setting<Boolean> readOnly = fields.bool("readOnly").orElse(Setting.unset(itemOrigin));
            Optional<PodVolumes.PodVolume> volume = volumes.named(name.get().value());
            if (volume.isEmpty()) {
                problems.warn(name.get().origin(), "the volumeMount names no volume of the pod: '" + name.get().value() + "'");
                into.add(new Mount(Mount.Type.OTHER, null, target, readOnly, itemOrigin));
                continue;
            }
            PodVolumes.PodVolume joined = volume.get();
            Origin origin = joined.type() == Mount.Type.HOST_PATH && joined.pathOrigin() != null ? joined.pathOrigin() : itemOrigin;
            Setting<String> sizeLimit = joined.sizeLimit() != null ? joined.sizeLimit() : Setting.unset(origin);
            into.add(new Mount(joined.type(), joined.source(), target, readOnly, origin, sizeLimit));
        }
    }
}
