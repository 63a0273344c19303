package dev.shipshape.load.docker;

import static dev.shipshape.load.docker.EngineJson.isTrue;
import static dev.shipshape.load.docker.EngineJson.stringMap;
import static dev.shipshape.load.docker.EngineJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;

/** A network of {@code GET /networks} (the predefined bridge, host and none included); origin {@code network web (8f2dce6b5ad8)}. */
final class NetworkReader {

    private NetworkReader() {
    }

    static Network read(JsonNode network) {
        String name = text(network, "Name") != null ? text(network, "Name") : ContainerReader.shortId(text(network, "Id"));
        Origin origin = Origin.live("network " + name + " (" + ContainerReader.shortId(text(network, "Id")) + ")");
        String driver = text(network, "Driver");
        return new Network(name, SourceKind.LIVE_DOCKER, origin,
                driver == null ? Setting.unset(origin) : Setting.of(driver, origin),
                stringMap(network, "Options").entrySet().stream()
                        .map(option -> new KeyValue(option.getKey(), option.getValue(), origin)).toList(),
                false,
                Setting.of(isTrue(network, "Internal"), origin));
    }
}
