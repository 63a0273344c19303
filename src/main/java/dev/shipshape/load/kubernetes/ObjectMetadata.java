package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.KeyValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object's (or a pod template's) {@code metadata}.
 *
 * @param name        {@code name}, else {@code generateName}, else "&lt;unnamed&gt;"
 * @param namespace   null when not stated
 * @param labels      as written, repeated keys kept
 * @param annotations as written, repeated keys kept; each entry's origin is its key
 */
record ObjectMetadata(String name, String namespace, List<KeyValue> labels, List<Entry> annotations) {

    static final String UNNAMED = "<unnamed>";

    static ObjectMetadata read(Optional<Fields> metadata, Problems problems) {
        if (metadata.isEmpty()) return new ObjectMetadata(UNNAMED, null, List.of(), List.of());
        Fields fields = metadata.get();
        String name = fields.text("name").or(() -> fields.text("generateName")).map(setting -> setting.value())
                .filter(text -> !text.isBlank()).orElse(UNNAMED);
        String namespace = fields.textOrNull("namespace");
        List<KeyValue> labels = new ArrayList<>();
        for (Entry label : scalarEntries(fields.mapping("labels"), "label", problems)) {
            labels.add(new KeyValue(label.key(), label.value().textOr(""), label.origin()));
        }
        return new ObjectMetadata(name, namespace, labels, scalarEntries(fields.mapping("annotations"), "annotation", problems));
    }

    private static List<Entry> scalarEntries(Optional<Fields> mapping, String what, Problems problems) {
        if (mapping.isEmpty()) return List.of();
        List<Entry> entries = mapping.get().node().entries();
        List<Entry> scalars = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            YamlNode value = entry.value();
            if (value.isScalar()) {
                scalars.add(entry);
            } else {
                problems.warn(value.origin(), "the " + what + " '" + entry.key() + "' should be a string, not " + value.describeType());
            }
        }
        return scalars;
    }

    /** The labels as Kubernetes sees them: one value per key, the last written wins. */
    Map<String, String> labelMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue label : labels) map.put(label.key(), label.value());
        return map;
    }
}
