package dev.shipshape.load.docker;

import static dev.shipshape.load.docker.EngineJson.stringMap;
import static dev.shipshape.load.docker.EngineJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import java.util.Set;

/** A volume of {@code GET /volumes}; in use unless the engine lists it as dangling. Origin {@code volume data}. */
final class VolumeReader {

    private VolumeReader() {
    }

    static Volume read(JsonNode volume, Set<String> dangling) {
        String name = text(volume, "Name") == null ? "?" : text(volume, "Name");
        Origin origin = Origin.live("volume " + name);
        String driver = text(volume, "Driver");
        return new Volume(name, SourceKind.LIVE_DOCKER, origin,
                driver == null ? Setting.unset(origin) : Setting.of(driver, origin),
                stringMap(volume, "Options").entrySet().stream()
                        .map(option -> new KeyValue(option.getKey(), option.getValue(), origin)).toList(),
                false,
                Setting.of(!dangling.contains(name), origin));
    }
}
