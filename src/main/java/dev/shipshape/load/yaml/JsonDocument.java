package dev.shipshape.load.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A JSON tree that is already parsed (an API object the gate received) as a YAML document, so that
 * the loaders read it like a file, without a second parse: the YAML parser reads JSON about ten
 * times slower than Jackson. There is no text to point into, so every node gets its own origin on
 * line 1, numbered in document order (keys before their values), which keeps findings about
 * different settings apart.
 */
public final class JsonDocument {

    private static final int[] NO_TEXT = {};

    private final String file;
    private int column;

    private JsonDocument(String file) {
        this.file = file;
    }

    public static YamlNode of(String file, JsonNode json) {
        return new YamlNode(new JsonDocument(file).node(json), file);
    }

    private Node node(JsonNode json) {
        Optional<Mark> start = mark();
        if (json.isObject()) {
            List<NodeTuple> entries = new ArrayList<>(json.size());
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                Node key = new ScalarNode(Tag.STR, true, field.getKey(), ScalarStyle.DOUBLE_QUOTED, mark(), Optional.empty());
                entries.add(new NodeTuple(key, node(field.getValue())));
            }
            return new MappingNode(Tag.MAP, true, entries, FlowStyle.FLOW, start, mark());
        }
        if (json.isArray()) {
            List<Node> items = new ArrayList<>(json.size());
            for (JsonNode item : json) items.add(node(item));
            return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, start, mark());
        }
        if (json.isNull() || json.isMissingNode()) return scalar(Tag.NULL, "null", ScalarStyle.PLAIN, start);
        if (json.isBoolean()) return scalar(Tag.BOOL, json.asText(), ScalarStyle.PLAIN, start);
        if (json.isIntegralNumber()) return scalar(Tag.INT, json.asText(), ScalarStyle.PLAIN, start);
        if (json.isNumber()) return scalar(Tag.FLOAT, json.asText(), ScalarStyle.PLAIN, start);
        return scalar(Tag.STR, json.asText(), ScalarStyle.DOUBLE_QUOTED, start);
    }

    private ScalarNode scalar(Tag tag, String value, ScalarStyle style, Optional<Mark> start) {
        return new ScalarNode(tag, true, value, style, start, mark());
    }

    private Optional<Mark> mark() {
        int here = column++;
        return Optional.of(new Mark(file, here, 0, here, NO_TEXT, 0));
    }
}
