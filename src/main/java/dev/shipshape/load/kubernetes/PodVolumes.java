package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod's {@code volumes} by name, ready to be joined with the containers' {@code volumeMounts};
 * a StatefulSet's {@code volumeClaimTemplates} count as claim volumes named after the template.
 */
final class PodVolumes {

    /** The emptyDir medium that makes it a tmpfs (RAM-backed) mount. */
    private static final String MEMORY_MEDIUM = "Memory";

    /**
     * One pod volume.
     *
     * @param source      the host path, claim, secret or config map name; null when the volume names none
     *                    (always for an emptyDir)
     * @param pathOrigin  for a hostPath, where its {@code path} is written; else null
     * @param sizeLimit   an emptyDir's {@code sizeLimit} at its key; null when not written
     */
    record PodVolume(Mount.Type type, String source, Origin pathOrigin, Setting<String> sizeLimit) {

        PodVolume(Mount.Type type, String source, Origin pathOrigin) {
            this(type, source, pathOrigin, null);
        }
    }

    static final PodVolumes NONE = new PodVolumes(Map.of());

    private final Map<String, PodVolume> byName;

    private PodVolumes(Map<String, PodVolume> byName) {
        this.byName = byName;
    }

    /** @param claimTemplates the names of a StatefulSet's {@code volumeClaimTemplates} */
    static PodVolumes read(List<YamlNode> volumes, List<Setting<String>> claimTemplates, Problems problems) {
        if (volumes.isEmpty() && claimTemplates.isEmpty()) return NONE;
        Map<String, PodVolume> byName = HashMap.newHashMap(volumes.size() + claimTemplates.size());
        for (Setting<String> claim : claimTemplates) {
            byName.put(claim.value(), new PodVolume(Mount.Type.CLAIM, claim.value(), null));
        }
        for (YamlNode item : volumes) {
            Optional<Fields> volume = Fields.ofItem(item, "a volume", problems);
            if (volume.isEmpty()) continue;
            Optional<String> name = volume.get().text("name").map(setting -> setting.value());
            if (name.isEmpty()) {
                problems.warn(item.origin(), "a volume without a 'name'");
                continue;
            }
            byName.put(name.get(), volume(volume.get(), problems));
        }
        return new PodVolumes(byName);
    }

    private static PodVolume volume(Fields volume, Problems problems) {
        Optional<Entry> hostPath = volume.entry("hostPath");
        if (hostPath.isPresent()) {
            Optional<Entry> path = volume.mapping("hostPath").flatMap(fields -> fields.entry("path"));
            if (path.isPresent() && path.get().value().text().isPresent()) {
                return new PodVolume(Mount.Type.HOST_PATH, path.get().value().text().get(), path.get().origin());
            }
            problems.warn(hostPath.get().origin(), "a hostPath volume without a 'path'");
            return new PodVolume(Mount.Type.HOST_PATH, null, hostPath.get().origin());
        }
        if (volume.entry("emptyDir").isPresent()) {
            return emptyDir(volume.mapping("emptyDir"));
        }
        if (volume.entry("persistentVolumeClaim").isPresent()) {
            return new PodVolume(Mount.Type.CLAIM, sourceName(volume, "persistentVolumeClaim", "claimName"), null);
        }
        if (volume.entry("secret").isPresent()) {
            return new PodVolume(Mount.Type.SECRET, sourceName(volume, "secret", "secretName"), null);
        }
        if (volume.entry("configMap").isPresent()) {
            return new PodVolume(Mount.Type.CONFIG, sourceName(volume, "configMap", "name"), null);
        }
        return new PodVolume(Mount.Type.OTHER, null, null);
    }

    /** {@code medium: Memory} is a tmpfs; any other medium (none, HugePages) a directory of the node's. */
    private static PodVolume emptyDir(Optional<Fields> emptyDir) {
        if (emptyDir.isEmpty()) return new PodVolume(Mount.Type.EMPTY_DIR, null, null);
        boolean inMemory = emptyDir.get().text("medium").map(medium -> medium.value().equals(MEMORY_MEDIUM)).orElse(false);
        return new PodVolume(inMemory ? Mount.Type.TMPFS : Mount.Type.EMPTY_DIR, null, null,
                emptyDir.get().text("sizeLimit").orElse(null));
    }

    private static String sourceName(Fields volume, String type, String nameKey) {
        return volume.mapping(type).map(fields -> fields.textOrNull(nameKey)).filter(name -> !name.isEmpty()).orElse(null);
    }

    Optional<PodVolume> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
