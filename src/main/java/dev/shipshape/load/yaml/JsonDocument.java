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

    /** Marks are 0-based: -1 gives origins on line 0, which is how a live object's origin reads. */
    private static final int LIVE_LINE = -1;

    private final String file;
    private final int line;
    private int column;

    private JsonDocument(String file, int line) {
        this.file = file;
        this.line = line;
    }

    public static YamlNode of(String file, JsonNode json) {
        return new YamlNode(new JsonDocument(file, 0).node(json), file);
    }

    /**
     * A live object read from an API server, described as {@code Deployment/shop/web}: its nodes'
     * origins are live (line 0, so reports show the object and no file position); the columns
     * still number the nodes in document order and keep findings about different settings apart.
     */
    public static YamlNode live(String objectDescription, JsonNode json) {
        return new YamlNode(new JsonDocument(objectDescription, LIVE_LINE).node(json), objectDescription);
    }

    /** Each node's one mark is both its start and its end: there is no text whose extent it could give. */
    private Node node(JsonNode json) {
        Optional<Mark> here = mark();
        if (json.isObject()) {
            List<NodeTuple> entries = new ArrayList<>(json.size());
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                Optional<Mark> key = mark();
                entries.add(new NodeTuple(new ScalarNode(Tag.STR, true, field.getKey(), ScalarStyle.DOUBLE_QUOTED, key, key),
                        node(field.getValue())));
            }
            return new MappingNode(Tag.MAP, true, entries, FlowStyle.FLOW, here, here);
        }
        if (json.isArray()) {
            List<Node> items = new ArrayList<>(json.size());
            for (JsonNode item : json) items.add(node(item));
            return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, here, here);
        }
        if (json.isNull() || json.isMissingNode()) return new ScalarNode(Tag.NULL, true, "null", ScalarStyle.PLAIN, here, here);
        if (json.isBoolean()) return new ScalarNode(Tag.BOOL, true, json.asText(), ScalarStyle.PLAIN, here, here);
        if (json.isIntegralNumber()) return new ScalarNode(Tag.INT, true, json.asText(), ScalarStyle.PLAIN, here, here);
        if (json.isNumber()) return new ScalarNode(Tag.FLOAT, true, json.asText(), ScalarStyle.PLAIN, here, here);
        return new ScalarNode(Tag.STR, true, json.asText(), ScalarStyle.DOUBLE_QUOTED, here, here);
    }

    private Optional<Mark> mark() {
        int here = column++;
        return Optional.of(new Mark(file, here, line, here, NO_TEXT, 0));
    }
}
