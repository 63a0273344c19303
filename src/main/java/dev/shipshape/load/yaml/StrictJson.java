package dev.shipshape.load.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads a file that must be strict JSON (RFC 8259), as a strict consumer such as dockerd reads it,
 * into located {@link YamlNode}s. Comments, trailing commas, single quotes, unquoted keys, a second
 * value after the first and anything else JSON does not allow are errors with their line and
 * column; nothing is read then. A key given twice in one object is an error too, but the document
 * is kept with every occurrence (Go's decoder, dockerd's, takes each in turn, so the last wins):
 * readers disagree about repeated keys, and a reviewer reading the first is misled.
 *
 * <p>Strings are double-quoted scalars ({@link YamlNode#isString()}), so {@code "true"} and
 * {@code true} stay apart. Columns count code points, as the YAML reader's do.
 */
public final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** The document (empty after a syntax error), and the problems. */
    public record Parsed(Optional<YamlNode> document, List<Diagnostic> diagnostics) {
    }

    private final String file;
    private final String text;
    private final int[] lineStarts;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private StrictJson(String file, String text) {
        this.file = file;
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    public static Parsed parse(String file, String text) {
        return new StrictJson(file, text).parse();
    }

    private Parsed parse() {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                diagnostics.add(Diagnostic.error(Origin.at(file, 1, 1), "the file holds no JSON value"));
                return new Parsed(Optional.empty(), diagnostics);
            }
            Node root = value(parser);
            if (parser.nextToken() != null) {
                diagnostics.clear();
                diagnostics.add(Diagnostic.error(origin(parser.currentTokenLocation()),
                        "not valid JSON: a second value after the first; a JSON file holds one"));
                return new Parsed(Optional.empty(), diagnostics);
            }
            return new Parsed(Optional.of(new YamlNode(root, file)), diagnostics);
        } catch (JsonProcessingException invalid) {
            diagnostics.clear();
            Origin where = invalid.getLocation() == null ? Origin.at(file, 1, 1) : origin(invalid.getLocation());
            diagnostics.add(Diagnostic.error(where, "not valid JSON: " + JsonProblem.describe(invalid, text, offsetOf(where))));
            return new Parsed(Optional.empty(), diagnostics);
        } catch (IOException cannotHappen) {
            diagnostics.clear();
            diagnostics.add(Diagnostic.error(Origin.at(file, 1, 1), "cannot read the JSON: " + cannotHappen.getMessage()));
            return new Parsed(Optional.empty(), diagnostics);
        }
    }

    /** The value whose first token the parser is on. */
    private Node value(JsonParser parser) throws IOException {
        Optional<Mark> here = mark(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(parser, here);
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) items.add(value(parser));
                yield new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, here, here);
            }
            case VALUE_STRING -> new ScalarNode(Tag.STR, true, parser.getText(), ScalarStyle.DOUBLE_QUOTED, here, here);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(Tag.BOOL, true, parser.getText(), ScalarStyle.PLAIN, here, here);
            case VALUE_NUMBER_INT -> new ScalarNode(Tag.INT, true, parser.getText(), ScalarStyle.PLAIN, here, here);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(Tag.FLOAT, true, parser.getText(), ScalarStyle.PLAIN, here, here);
            case VALUE_NULL -> new ScalarNode(Tag.NULL, true, "null", ScalarStyle.PLAIN, here, here);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private Node object(JsonParser parser, Optional<Mark> here) throws IOException {
        List<NodeTuple> entries = new ArrayList<>();
        Map<String, Origin> firstAt = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Optional<Mark> keyMark = mark(parser.currentTokenLocation());
            String key = parser.currentName();
            Origin keyOrigin = origin(parser.currentTokenLocation());
            Origin earlier = firstAt.putIfAbsent(key, keyOrigin);
            if (earlier != null) {
                diagnostics.add(Diagnostic.error(keyOrigin, "'%s' is given more than once (first at line %d); dockerd takes the last, "
                        .formatted(key, earlier.line()) + "other readers may not: give each key once"));
            }
            parser.nextToken();
            entries.add(new NodeTuple(new ScalarNode(Tag.STR, true, key, ScalarStyle.DOUBLE_QUOTED, keyMark, keyMark), value(parser)));
        }
        return new MappingNode(Tag.MAP, true, entries, FlowStyle.FLOW, here, here);
    }

    private Optional<Mark> mark(JsonLocation location) {
        Origin origin = origin(location);
        return Optional.of(new Mark(file, (int) Math.max(0, location.getCharOffset()), origin.line() - 1, origin.column() - 1, new int[0], 0));
    }

    /** Jackson counts columns in UTF-16 units; findings count code points. */
    private Origin origin(JsonLocation location) {
        int line = Math.max(1, location.getLineNr());
        long offset = location.getCharOffset();
        if (offset < 0 || line > lineStarts.length) return Origin.at(file, line, Math.max(1, location.getColumnNr()));
        int start = lineStarts[line - 1];
        int end = (int) Math.min(offset, text.length());
        return Origin.at(file, line, end < start ? Math.max(1, location.getColumnNr()) : text.codePointCount(start, end) + 1);
    }

    private int offsetOf(Origin where) {
        if (where.line() < 1 || where.line() > lineStarts.length) return -1;
        int index = lineStarts[where.line() - 1];
        for (int column = 1; column < where.column() && index < text.length(); column++) {
            index += Character.charCount(text.codePointAt(index));
        }
        return index;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
