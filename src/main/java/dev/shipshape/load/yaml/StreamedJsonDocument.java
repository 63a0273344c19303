package dev.shipshape.load.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * A JSON object's text read straight into a YAML document, with some keys left out or given a
 * default on the way: the same document as {@link JsonDocument#of} gives for the Jackson tree of
 * that text edited the same way (each node on line 1, numbered in document order, keys before
 * their values; numbers written as Jackson's tree writes them). The gate reads every
 * AdmissionReview's object so: building a Jackson tree and then turning it into this one was a
 * third of a /validate decision's CPU in a profile.
 *
 * <p>A key given twice in one object makes no document: Jackson's tree keeps the first key's place
 * with the last value, which one pass cannot number the same; the caller reads the tree instead.
 */
public final class StreamedJsonDocument {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int[] NO_TEXT = {};
    /** Up to this many keys a linear search finds a repeated key sooner than a hash set does. */
    private static final int LINEAR_SEARCH_KEYS = 12;

    /**
     * What to change while reading, by key path from the root: keys to leave out, and keys whose
     * value becomes a string when it is not one (added at the end of their object, in the order
     * given, when absent). A change applies where the objects on its path are objects.
     */
    public static final class Edits {

        private final Map<String, Edits> children = new LinkedHashMap<>();
        private boolean dropped;
        private String text;

        public Edits drop(String... path) {
            at(path).dropped = true;
            return this;
        }

        public Edits textDefault(String value, String... path) {
            at(path).text = value;
            return this;
        }

        private Edits at(String... path) {
            Edits edits = this;
            for (String key : path) edits = edits.children.computeIfAbsent(key, unused -> new Edits());
            return edits;
        }
    }

    /** A key of the input given twice: no document. */
    private static final class RepeatedKey extends Exception {
        RepeatedKey() {
            super(null, null, false, false);
        }
    }

    private final String file;
    private int column;

    private StreamedJsonDocument(String file) {
        this.file = file;
    }

    /**
     * The document of the object at {@code json[offset, offset + length)}, which must be one JSON
     * object that was already read whole (its syntax is checked); empty when a key is given twice in one object.
     */
    public static Optional<YamlNode> of(String file, byte[] json, int offset, int length, Edits edits) {
        try (JsonParser parser = JSON.createParser(json, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
            return read(file, parser, edits);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the JSON was read once already", unreadable);
        }
    }

    /** The document of the object whose {@code START_OBJECT} the parser is on; empty when a key is given twice in one object. */
    private static Optional<YamlNode> read(String file, JsonParser parser, Edits edits) throws IOException {
        try {
            return Optional.of(new YamlNode(new StreamedJsonDocument(file).object(parser, edits), file));
        } catch (RepeatedKey repeated) {
            return Optional.empty();
        }
    }

    /** The value whose first token the parser is on; {@code edits} are those under its key, or null. */
    private Node value(JsonParser parser, Edits edits) throws IOException, RepeatedKey {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) return object(parser, edits);
        Optional<Mark> here = mark();
        return switch (token) {
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) items.add(value(parser, null));
                yield new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, here, here);
            }
            case VALUE_STRING -> new ScalarNode(Tag.STR, true, parser.getText(), ScalarStyle.DOUBLE_QUOTED, here, here);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(Tag.BOOL, true, parser.getText(), ScalarStyle.PLAIN, here, here);
            // as the tree's IntNode writes it: -0 is 0
            case VALUE_NUMBER_INT -> new ScalarNode(Tag.INT, true, parser.getNumberValue().toString(), ScalarStyle.PLAIN, here, here);
            // as the tree's DoubleNode writes it: 1e2 is 100.0
            case VALUE_NUMBER_FLOAT -> new ScalarNode(Tag.FLOAT, true, Double.toString(parser.getDoubleValue()), ScalarStyle.PLAIN, here, here);
            case VALUE_NULL -> new ScalarNode(Tag.NULL, true, "null", ScalarStyle.PLAIN, here, here);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private Node object(JsonParser parser, Edits edits) throws IOException, RepeatedKey {
        Optional<Mark> here = mark();
        List<NodeTuple> entries = new ArrayList<>();
        Set<String> keys = null;
        Set<String> given = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (keys == null && entries.size() == LINEAR_SEARCH_KEYS) keys = keysOf(entries);
            if (keys != null ? !keys.add(key) : hasKey(entries, key)) throw new RepeatedKey();
            Edits under = edits == null ? null : edits.children.get(key);
            JsonToken value = parser.nextToken();
            if (under != null && under.dropped) {
                // a repeated dropped key is still a repeated key
                if (given == null) given = new HashSet<>();
                if (!given.add(key)) throw new RepeatedKey();
                parser.skipChildren();
                continue;
            }
            Optional<Mark> keyMark = mark();
            Node node;
            if (under != null && under.text != null && value != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                node = text(under.text);
            } else {
                node = value(parser, under);
            }
            entries.add(new NodeTuple(key(key, keyMark), node));
        }
        if (edits != null) {
            for (Map.Entry<String, Edits> child : edits.children.entrySet()) {
                String key = child.getKey();
                if (child.getValue().text != null && !hasKey(entries, key)) entries.add(new NodeTuple(key(key, mark()), text(child.getValue().text)));
            }
        }
        return new MappingNode(Tag.MAP, true, entries, FlowStyle.FLOW, here, here);
    }

    private static boolean hasKey(List<NodeTuple> entries, String key) {
        for (NodeTuple entry : entries) {
            if (((ScalarNode) entry.getKeyNode()).getValue().equals(key)) return true;
        }
        return false;
    }

    private static Set<String> keysOf(List<NodeTuple> entries) {
        Set<String> keys = HashSet.newHashSet(entries.size() * 4);
        for (NodeTuple entry : entries) keys.add(((ScalarNode) entry.getKeyNode()).getValue());
        return keys;
    }

    private static ScalarNode key(String key, Optional<Mark> mark) {
        return new ScalarNode(Tag.STR, true, key, ScalarStyle.DOUBLE_QUOTED, mark, mark);
    }

    private ScalarNode text(String value) {
        Optional<Mark> here = mark();
        return new ScalarNode(Tag.STR, true, value, ScalarStyle.DOUBLE_QUOTED, here, here);
    }

    private Optional<Mark> mark() {
        int here = column++;
        return Optional.of(new Mark(file, here, 0, here, NO_TEXT, 0));
    }
}
