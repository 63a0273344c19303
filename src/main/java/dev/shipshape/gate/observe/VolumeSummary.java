package dev.shipshape.gate.observe;

import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Volume;
import java.util.Map;
import java.util.TreeMap;

/**
 * A volume as it matters for security: its driver, its driver options, and what of the host a
 * container that mounts it will see.
 *
 * @param hostMount "" when the volume is storage of its own; else what {@code mount(2)} will put
 *                  there from the host, such as {@code bind /srv/data}
 */
public record VolumeSummary(String name, String driver, Map<String, String> options, String hostMount) {

    public VolumeSummary {
        options = new TreeMap<>(options);
    }

    /** @param hostMount what the gate took the volume to mount from the host ("" for nothing) */
    public static VolumeSummary of(Volume volume, String hostMount) {
        Map<String, String> options = new TreeMap<>();
        for (KeyValue option : volume.driverOptions()) options.put(option.key(), option.value());
        return new VolumeSummary(volume.name(), volume.driver().orElse("local"), options, hostMount);
    }
}
