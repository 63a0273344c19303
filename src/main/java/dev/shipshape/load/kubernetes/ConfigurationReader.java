package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.ConfigMap;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.SecretManifest;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Secrets (the keys that hold a value, never the values) and ConfigMaps (their {@code data}).
 */
final class ConfigurationReader {

    private static final String OPAQUE = "Opaque";

    private final Problems problems;

    ConfigurationReader(Problems problems) {
        this.problems = problems;
    }

    SecretManifest secret(ManifestObject object, ObjectMetadata metadata) {
        String type = object.fields().text("type").map(Setting::value).orElse(OPAQUE);
        return new SecretManifest(metadata.name(), metadata.namespace(), object.kindOrigin(), type,
                keysWithValues(object.fields(), "data"), keysWithValues(object.fields(), "stringData"));
    }

    ConfigMap configMap(ManifestObject object, ObjectMetadata metadata) {
        List<KeyValue> data = new ArrayList<>();
        for (Entry entry : entries(object.fields(), "data")) {
            entry.value().text().ifPresent(value -> data.add(new KeyValue(entry.key(), value, entry.origin())));
        }
        return new ConfigMap(metadata.name(), metadata.namespace(), object.kindOrigin(), data);
    }

    private List<Setting<String>> keysWithValues(Fields fields, String key) {
        List<Setting<String>> keys = new ArrayList<>();
        for (Entry entry : entries(fields, key)) {
            boolean hasValue = entry.value().text().map(value -> !value.isBlank()).orElse(false);
            if (hasValue) keys.add(Setting.of(entry.key(), entry.origin()));
        }
        return keys;
    }

    /** The scalar entries of a mapping; a value that is not a scalar is reported and left out. */
    private List<Entry> entries(Fields fields, String key) {
        Optional<Fields> mapping = fields.mapping(key);
        if (mapping.isEmpty()) return List.of();
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : mapping.get().node().entries()) {
            YamlNode value = entry.value();
            if (value.isScalar()) {
                entries.add(entry);
            } else if (!value.isNull()) {
                problems.warn(value.origin(), "the " + key + " entry '" + entry.key() + "' should be a string, not " + value.describeType());
            }
        }
        return entries;
    }
}
