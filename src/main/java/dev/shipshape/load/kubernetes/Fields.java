package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.load.yaml.YamlNode.Entry;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapping's entries, read once, found by key (a repeated key: the last one wins, as in YAML).
 * A mapping of up to {@value #LINEAR_SEARCH_ENTRIES} entries is searched in order, a larger one
 * through a hash map: building a map for every mapping read was a sixth of the bytes a /validate
 * decision allocated while loading, and Kubernetes objects' mappings are small.
 *
 * <p>Every typed accessor treats an absent key and an explicit {@code null} alike (Kubernetes
 * does), and reports a value of the wrong type as a warning before answering "absent".
 */
final class Fields {

    private static final int LINEAR_SEARCH_ENTRIES = 16;

    private final YamlNode node;
    private final List<Entry> entries;
    /** Null for a small mapping. */
    private final Map<String, Entry> byKey;
    private final Problems problems;

    private Fields(YamlNode node, List<Entry> entries, Map<String, Entry> byKey, Problems problems) {
        this.node = node;
        this.entries = entries;
        this.byKey = byKey;
        this.problems = problems;
    }

    /** The fields of a node already known to be a mapping. */
    static Fields of(YamlNode mapping, Problems problems) {
        List<Entry> entries = mapping.entries();
        if (entries.size() <= LINEAR_SEARCH_ENTRIES) return new Fields(mapping, entries, null, problems);
        Map<String, Entry> byKey = HashMap.newHashMap(entries.size());
        for (Entry entry : entries) byKey.put(entry.key(), entry);
        return new Fields(mapping, entries, byKey, problems);
    }

    /** The last entry with this key, or null. */
    private Entry find(String key) {
        if (byKey != null) return byKey.get(key);
        for (int index = entries.size() - 1; index >= 0; index--) {
            Entry entry = entries.get(index);
            if (entry.key().equals(key)) return entry;
        }
        return null;
    }

    /** The fields of a list item that must be a mapping ("a container"); empty, with a warning, when it is not. */
    static Optional<Fields> ofItem(YamlNode item, String what, Problems problems) {
        if (item.isMap()) return Optional.of(of(item, problems));
        problems.warn(item.origin(), what + " should be a mapping, not " + item.describeType());
        return Optional.empty();
    }

    YamlNode node() {
        return node;
    }

    /** Where the mapping starts: its first key. */
    Origin origin() {
        return node.origin();
    }

    /** The entry as written, whatever its value (an explicit null included). */
    Optional<Entry> entry(String key) {
        return Optional.ofNullable(find(key));
    }

    private Entry present(String key) {
        Entry entry = find(key);
        return entry == null || entry.value().isNull() ? null : entry;
    }

    /** The value's fields when it is a mapping. */
    Optional<Fields> mapping(String key) {
        Entry entry = present(key);
        if (entry == null) return Optional.empty();
        if (entry.value().isMap()) return Optional.of(of(entry.value(), problems));
        problems.wrongType(key, entry.value(), "a mapping");
        return Optional.empty();
    }

    /** The value's items when it is a list; empty when absent. */
    List<YamlNode> list(String key) {
        Entry entry = present(key);
        if (entry == null) return List.of();
        if (entry.value().isList()) return entry.value().items();
        problems.wrongType(key, entry.value(), "a list");
        return List.of();
    }

    /** A list of strings, each at its item; an item that is no string is reported and left out. */
    List<Setting<String>> texts(String key) {
        List<Setting<String>> texts = new ArrayList<>();
        for (YamlNode item : list(key)) {
            Optional<String> text = item.text();
            if (text.isPresent()) {
                texts.add(Setting.of(text.get(), item.origin()));
            } else {
                problems.warn(item.origin(), "an item of '" + key + "' should be a string, not " + item.describeType());
            }
        }
        return texts;
    }

    /** A scalar's text with the key's origin. */
    Optional<Setting<String>> text(String key) {
        Entry entry = present(key);
        if (entry == null) return Optional.empty();
        Optional<String> text = entry.value().text();
        if (text.isEmpty()) problems.wrongType(key, entry.value(), "a string");
        return text.map(value -> Setting.of(value, entry.origin()));
    }

    /** A scalar's text, or null when absent or not a scalar (for names inside references). */
    String textOrNull(String key) {
        return text(key).map(Setting::value).orElse(null);
    }

    Optional<Setting<Boolean>> bool(String key) {
        Entry entry = present(key);
        if (entry == null) return Optional.empty();
        Optional<Boolean> value = entry.value().bool();
        if (value.isEmpty()) problems.wrongType(key, entry.value(), "true or false");
        return value.map(flag -> Setting.of(flag, entry.origin()));
    }

    Optional<Setting<Long>> integer(String key) {
        Entry entry = present(key);
        if (entry == null) return Optional.empty();
        Optional<Long> value = entry.value().integer();
        if (value.isEmpty()) problems.wrongType(key, entry.value(), "a whole number");
        return value.map(number -> Setting.of(number, entry.origin()));
    }
}
