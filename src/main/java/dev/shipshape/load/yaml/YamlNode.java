package dev.shipshape.load.yaml;

import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A read-only view of one YAML node that always knows where it is.
 *
 * <p>Lines and columns are 1-based. Mapping access resolves merge keys ({@code <<: *defaults}):
 * keys written locally win over merged ones, as YAML 1.1 merge keys specify.
 */
public final class YamlNode {

    private static final String MERGE_KEY = "<<";

    private final Node node;
    private final String file;

    YamlNode(Node node, String file) {
        this.node = node;
        this.file = file;
    }

    public String file() {
        return file;
    }

    public Origin origin() {
        return node.getStartMark()
                .map(mark -> Origin.at(file, mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(Origin.at(file, 1, 1));
    }

    /**
     * The last line the node's text occupies (1-based, inclusive). A block collection's end mark
     * lies where the next token starts, so a collection asks its last child instead.
     */
    public int lastLine() {
        Node last = node;
        while (true) {
            if (last instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
                last = mapping.getValue().getLast().getValueNode();
            } else if (last instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
                last = sequence.getValue().getLast();
            } else {
                break;
            }
        }
        return last.getEndMark()
                .map(mark -> mark.getColumn() == 0 ? Math.max(mark.getLine(), 1) : mark.getLine() + 1)
                .orElse(origin().line());
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** A quoted scalar: a JSON string, where {@code "true"} is not {@code true}. */
    public boolean isString() {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() != ScalarStyle.PLAIN && !isNull();
    }

    /** True for an explicit {@code null}, {@code ~} or an empty value. */
    public boolean isNull() {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** The node's tag when it is a custom one such as {@code !reset} or {@code !override}, else empty. */
    public Optional<String> customTag() {
        String tag = node.getTag().getValue();
        return tag.startsWith("!") && !tag.startsWith("!!") ? Optional.of(tag) : Optional.empty();
    }

    /** What kind of node this is, in words for messages: "a mapping", "a list", "a string". */
    public String describeType() {
        if (isMap()) return "a mapping";
        if (isList()) return "a list";
        if (isNull()) return "null";
        return "a scalar";
    }

    /** The scalar's text; empty for a non-scalar. */
    public Optional<String> text() {
        return node instanceof ScalarNode scalar && !isNull() ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** The scalar's text, or the fallback when the node is not a scalar. */
    public String textOr(String fallback) {
        return text().orElse(fallback);
    }

    /**
     * A boolean written as YAML {@code true}/{@code false} or as the strings "true"/"false"
     * (Compose allows strings so that booleans can be interpolated).
     */
    public Optional<Boolean> bool() {
        return text().map(value -> value.trim().toLowerCase(Locale.ROOT)).flatMap(value -> switch (value) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        });
    }

    /** A whole number written as an int or a numeric string. */
    public Optional<Long> integer() {
        return text().flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.trim()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        });
    }

    /** The mapping's entries in order, merge keys resolved; repeated keys are all kept. Empty for a non-mapping. */
    public List<Entry> entries() {
        if (!(node instanceof MappingNode mapping)) return List.of();
        List<NodeTuple> tuples = mapping.getValue();
        List<Entry> local = new ArrayList<>(tuples.size());
        List<Entry> merged = null;
        for (NodeTuple tuple : tuples) {
            YamlNode key = new YamlNode(tuple.getKeyNode(), file);
            YamlNode value = new YamlNode(tuple.getValueNode(), file);
            if (key.isMergeKey(tuple.getKeyNode())) {
                if (merged == null) merged = new ArrayList<>();
                merged.addAll(value.mergeSources());
            } else {
                local.add(new Entry(key.textOr(""), key, value));
            }
        }
        if (merged == null || merged.isEmpty()) return local;
        Set<String> written = new HashSet<>();
        local.forEach(entry -> written.add(entry.key()));
        List<Entry> all = new ArrayList<>(local);
        for (Entry entry : merged) {
            if (written.add(entry.key())) all.add(entry);
        }
        return all;
    }

    private boolean isMergeKey(Node keyNode) {
        return keyNode instanceof ScalarNode scalar && MERGE_KEY.equals(scalar.getValue());
    }

    private List<Entry> mergeSources() {
        if (isMap()) return entries();
        List<Entry> fromList = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : items()) {
            for (Entry entry : item.entries()) {
                if (seen.add(entry.key())) fromList.add(entry);
            }
        }
        return fromList;
    }

    /** The value of the last entry with this key (YAML's "later wins"), if this is a mapping that has it. */
    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    /** The entry with this key (its key node gives the key's origin), if present. */
    public Optional<Entry> entry(String key) {
        Entry found = null;
        for (Entry entry : entries()) {
            if (entry.key().equals(key)) found = entry;
        }
        return Optional.ofNullable(found);
    }

    /** Follows a path of mapping keys: {@code at("spec", "template", "spec")}. */
    public Optional<YamlNode> at(String... path) {
        Optional<YamlNode> current = Optional.of(this);
        for (String key : path) {
            current = current.flatMap(node -> node.get(key));
        }
        return current;
    }

    /** The sequence's items; empty for a non-sequence. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) return List.of();
        List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
        for (Node item : sequence.getValue()) items.add(new YamlNode(item, file));
        return items;
    }

    @Override
    public String toString() {
        return describeType() + " at " + origin();
    }

    /** One key: value pair of a mapping. */
    public record Entry(String key, YamlNode keyNode, YamlNode value) {

        /** Where the key is written: what a finding about this setting points at. */
        public Origin origin() {
            return keyNode.origin();
        }
    }
}
