package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes ConfigMap: its {@code data} entries (key, value, at the key). Values are kept because
 * a rule judges whether a value under a secret-like key is a secret; {@code binaryData} is not.
 */
public record ConfigMap(String name, String namespace, Origin origin, List<KeyValue> data) {

    public ConfigMap {
        data = List.copyOf(data);
    }

    /** "ConfigMap 'settings'". */
    public String description() {
        return "ConfigMap '" + name + "'";
    }
}
