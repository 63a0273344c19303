package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes Secret object: its type and the keys that hold a value. The values themselves are
 * not kept: no rule needs them, and a model must not carry secrets around.
 *
 * @param type            {@code type}; "Opaque" when unset
 * @param dataKeys        keys of {@code data} with a non-empty value, each at its key
 * @param stringDataKeys  keys of {@code stringData} with a non-empty value, each at its key
 */
public record SecretManifest(String name, String namespace, Origin origin, String type, List<Setting<String>> dataKeys,
        List<Setting<String>> stringDataKeys) {

    public SecretManifest {
        dataKeys = List.copyOf(dataKeys);
        stringDataKeys = List.copyOf(stringDataKeys);
    }

    /** "Secret 'db'". */
    public String description() {
        return "Secret '" + name + "'";
    }
}
