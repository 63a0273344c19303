package dev.shipshape.load.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads fields of the Engine API's JSON the way the engine means them: a field that is absent,
 * {@code null} or empty states nothing. Never throws on an unexpected shape.
 */
final class EngineJson {

    private EngineJson() {
    }

    /** The text at {@code path}, or null when absent, null, empty or not a scalar. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || !value.isValueNode() || value.isNull()) return null;
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    static boolean isTrue(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** A number, or 0 when absent or not a number. */
    static long number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isNumber() ? value.longValue() : 0;
    }

    /** The strings of an array (other items are skipped); empty when it is absent. */
    static List<String> strings(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || !value.isArray()) return new ArrayList<>();
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (item.isTextual() && !item.asText().isEmpty()) strings.add(item.asText());
        }
        return strings;
    }

    /** The items of an array; empty when it is absent or not an array. */
    static List<JsonNode> items(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || !value.isArray()) return new ArrayList<>();
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    /** An object's string fields, sorted by key so that output is stable; empty when absent. */
    static Map<String, String> stringMap(JsonNode node, String... path) {
        Map<String, String> map = new TreeMap<>();
        JsonNode value = at(node, path);
        if (value == null || !value.isObject()) return map;
        value.properties().forEach(entry -> {
            JsonNode item = entry.getValue();
            map.put(entry.getKey(), item == null || item.isNull() ? "" : item.asText());
        });
        return map;
    }

    /** An object's fields, in the order the engine sent them; empty when absent. */
    static List<Map.Entry<String, JsonNode>> fields(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        if (value != null && value.isObject()) fields.addAll(value.properties());
        return fields;
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || !current.isObject()) return null;
            current = current.get(field);
        }
        return current;
    }
}
