package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Docker API request body as dockerd's Go decoder ({@code json.NewDecoder(body).Decode(&v)}
 * into moby's structs, {@link EngineBodies}) reads it, or says why the two readings could differ.
 * Go's rules, and what this reader does with each:
 *
 * <ul>
 *   <li><b>Only the first value is read</b>; what follows it is not looked at (v20.10 ignores it,
 *       newer Engines refuse it): the first value is judged.
 *   <li><b>Key matching.</b> A key sets the struct field of exactly that name, else the field it
 *       equals under {@code bytes.EqualFold}: ASCII letters in any case, plus the only two
 *       non-ASCII runes whose {@code unicode.SimpleFold} orbit holds an ASCII letter, {@code ſ}
 *       (U+017F, with s and S) and the Kelvin sign (U+212A, with k and K). Every Engine field name
 *       is ASCII, so no other rune can match one; this reader folds exactly so. Java's own case
 *       mapping folds more ({@code ı} U+0131 to i, {@code ß} to SS): a key that matches a field only
 *       that way is ignored by Go, and is <em>undecidable</em> here, since a reader that folds it
 *       would judge a value the daemon never sees.
 *   <li><b>Duplicate keys</b> are no error to Go: each occurrence is decoded, in order, into the same
 *       field (a second object merges into the first, a second array overwrites the first's elements
 *       in place, {@code null} leaves a bool or string as it was). Any key given twice in one object
 *       (exactly, or as the same field after folding, or two unknown keys that fold alike) is
 *       <em>undecidable</em>.
 *   <li><b>{@code null}</b> sets a pointer, map, slice or interface to nil and leaves anything else as
 *       it was; with duplicates refused, a field set to {@code null} is a field not set, and is dropped.
 *   <li><b>Types.</b> A value of the wrong JSON type, a number with a fraction or exponent for an
 *       integer field, or one outside the field's Go type (int64, uint16…), makes {@code Decode} fail,
 *       and dockerd refuses the request: <em>undecidable</em> here (denying costs nothing).
 *       moby 20.10's {@code strslice.StrSlice} ({@code Cmd}, {@code Entrypoint}, {@code CapAdd},
 *       {@code CapDrop}) also takes one string for a list of one: it is read as that list.
 *   <li><b>Invalid UTF-8</b> becomes U+FFFD in Go and an error in Java: <em>undecidable</em>.
 *   <li>Unknown keys are ignored, as Go ignores them; keys of maps ({@code Labels}, {@code DriverOpts})
 *       are data, kept as written.
 * </ul>
 * The result is the body with every field under its canonical name, ready for the readers.
 */
final class GoJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GoJson() {
    }

    /** The body as dockerd decodes it, or why the gate cannot know what that is. */
    sealed interface Read {
    }

    record Decoded(JsonNode value) implements Read {
    }

    record Undecidable(String problem) implements Read {
    }

    /**
     * Thrown inside the reader to stop at the first problem. Where it is in the body is collected as
     * it unwinds ({@link #at}), so that reading a body that has no problem builds no path at all (one
     * string per key and element, and a deque kept in step with them, for nothing).
     */
    private static final class Problem extends Exception {

        private final String message;
        /** The field names, {@code [index]}es and {@code [key]}s from the top of the body down to the problem. */
        private final Deque<String> path = new ArrayDeque<>();

        Problem(String message) {
            super(message, null, false, false);
            this.message = message;
        }

        /** This problem, inside the field, element or map value {@code step} of the value around it. */
        Problem at(String step) {
            path.addFirst(step);
            return this;
        }

        @Override
        public String getMessage() {
            String where = path.isEmpty() ? "the body" : String.join(".", path).replace(".[", "[");
            return where + " " + message;
        }
    }

    static Read read(byte[] body, GoType type) {
        if (!isUtf8(body)) return new Undecidable("it is not valid UTF-8 (Go's decoder reads U+FFFD where a byte is invalid)");
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) return new Undecidable("it is empty");
            JsonNode value = new Reader(parser).value(type);
            return new Decoded(value == null ? NODES.nullNode() : value);
        } catch (Problem problem) {
            return new Undecidable(problem.getMessage());
        } catch (IOException | RuntimeException notJson) {
            return new Undecidable("it is not JSON");
        }
    }

    /**
     * A key folded as Go folds it to compare with a field name: ASCII letters upper-cased, {@code ſ}
     * to S and the Kelvin sign to K; every other rune as written (none can match an ASCII name).
     */
    static String foldKey(String key) {
        StringBuilder folded = null;
        for (int index = 0; index < key.length(); index++) {
            char c = key.charAt(index);
            char f = c >= 'a' && c <= 'z' ? (char) (c - 32) : c == '\u017F' ? 'S' : c == '\u212A' ? 'K' : c;
            if (f != c && folded == null) folded = new StringBuilder(key.substring(0, index));
            if (folded != null) folded.append(f);
        }
        return folded == null ? key : folded.toString();
    }

    private static boolean isUtf8(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
                    return true;
                } catch (CharacterCodingException invalid) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final class Reader {

        private final JsonParser parser;

        Reader(JsonParser parser) {
            this.parser = parser;
        }

        /** The value at the current token as {@code type}; null for JSON null. */
        JsonNode value(GoType type) throws IOException, Problem {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) return null;
            return switch (type) {
                case GoType.Any any -> any();
                case GoType.Bool bool -> {
                    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) throw mismatch(token, "a bool");
                    yield NODES.booleanNode(token == JsonToken.VALUE_TRUE);
                }
                case GoType.Text text -> {
                    if (token != JsonToken.VALUE_STRING) throw mismatch(token, "a string");
                    yield NODES.textNode(parser.getText());
                }
                case GoType.Bytes bytes -> {
                    if (token != JsonToken.VALUE_STRING) throw mismatch(token, "base64 text");
                    String text = parser.getText();
                    try {
                        Base64.getDecoder().decode(text);
                    } catch (IllegalArgumentException notBase64) {
                        throw problem("is not base64, which dockerd's decoder refuses");
                    }
                    yield NODES.textNode(text);
                }
                case GoType.Integer integer -> integer(token, integer);
                case GoType.Float real -> {
                    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) throw mismatch(token, "a number");
                    double value = Double.parseDouble(parser.getText());
                    if (Double.isInfinite(value) || Math.abs(value) > real.max()) {
                        throw problem("%s overflows a Go %s, which dockerd's decoder refuses".formatted(parser.getText(), real.goName()));
                    }
                    yield NODES.numberNode(value);
                }
                case GoType.StrSlice strings -> {
                    if (token == JsonToken.VALUE_STRING) yield NODES.arrayNode().add(parser.getText());
                    if (token != JsonToken.START_ARRAY) throw mismatch(token, "a string or a list of strings");
                    yield array(new GoType.Text());
                }
                case GoType.Slice slice -> {
                    if (token != JsonToken.START_ARRAY) throw mismatch(token, "a list");
                    yield array(slice.element());
                }
                case GoType.MapOf map -> {
                    if (token != JsonToken.START_OBJECT) throw mismatch(token, "an object");
                    yield map(map.value());
                }
                case GoType.Struct struct -> {
                    if (token != JsonToken.START_OBJECT) throw mismatch(token, "an object");
                    yield struct(struct);
                }
            };
        }

        private JsonNode integer(JsonToken token, GoType.Integer type) throws IOException, Problem {
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                throw problem("%s is not an integer, and dockerd's decoder refuses it for a Go %s".formatted(parser.getText(), type.goName()));
            }
            if (token != JsonToken.VALUE_NUMBER_INT) throw mismatch(token, "an integer");
            // strconv.ParseUint takes no sign, not even for -0
            if (type.min().signum() == 0 && parser.getTextCharacters()[parser.getTextOffset()] == '-') {
                throw problem("%s overflows a Go %s, which dockerd's decoder refuses".formatted(parser.getText(), type.goName()));
            }
            if (parser.getTextLength() < 19) {
                // fewer than 19 characters always fit a long: no String and no BigInteger for the usual integer
                long value = parser.getLongValue();
                if (value < type.minLong() || value > type.maxLong()) {
                    throw problem("%s overflows a Go %s, which dockerd's decoder refuses".formatted(parser.getText(), type.goName()));
                }
                return NODES.numberNode(value);
            }
            String literal = parser.getText();
            BigInteger value = new BigInteger(literal);
            if (value.compareTo(type.min()) < 0 || value.compareTo(type.max()) > 0) {
                throw problem("%s overflows a Go %s, which dockerd's decoder refuses".formatted(parser.getText(), type.goName()));
            }
            return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
        }

        private ArrayNode array(GoType element) throws IOException, Problem {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item;
                try {
                    item = value(element);
                } catch (Problem problem) {
                    throw problem.at("[" + index + "]");
                }
                index++;
                array.add(item == null ? NODES.nullNode() : item);
            }
            return array;
        }

        private ObjectNode map(GoType valueType) throws IOException, Problem {
            ObjectNode map = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (map.has(key)) throw problem("gives the key '%s' twice".formatted(key));
                parser.nextToken();
                JsonNode value;
                try {
                    value = value(valueType);
                } catch (Problem problem) {
                    throw problem.at("[" + key + "]");
                }
                map.set(key, value == null ? NODES.nullNode() : value);
            }
            return map;
        }

        private ObjectNode struct(GoType.Struct struct) throws IOException, Problem {
            // sized for every field, so that a large struct (HostConfig) is not rehashed as it fills
            ObjectNode object = new ObjectNode(NODES, LinkedHashMap.newLinkedHashMap(struct.size()));
            // the key each field was written as, by field number: a second one is a duplicate
            String[] writtenAs = new String[struct.size()];
            Set<String> unknown = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                GoType.Struct.Field field = struct.fieldFor(key);
                parser.nextToken();
                if (field == null) {
                    Optional<String> javaOnly = struct.javaOnlyFieldFor(key);
                    if (javaOnly.isPresent()) {
                        throw problem(("has the key '%s', which Go's decoder does not take for %s (Go folds only ASCII letters, "
                                + "ſ and the Kelvin sign) while other readers would").formatted(key, javaOnly.get()));
                    }
                    if (unknown == null) unknown = new HashSet<>();
                    if (!unknown.add(foldKey(key))) throw problem("gives the key '%s' twice".formatted(key));
                    parser.skipChildren();
                    continue;
                }
                String name = field.name();
                String earlier = writtenAs[field.index()];
                if (earlier != null) {
                    throw problem(earlier.equals(key)
                            ? "gives %s twice; dockerd decodes both, one into the other".formatted(name)
                            : "gives %s twice (as '%s' and '%s'); dockerd decodes both, one into the other".formatted(name, earlier, key));
                }
                writtenAs[field.index()] = key;
                JsonNode value;
                try {
                    value = value(field.type());
                } catch (Problem problem) {
                    throw problem.at(name);
                }
                if (value != null) object.set(name, value);
            }
            return object;
        }

        /** A value whose content the gate does not read, kept as written; a key given twice is still refused. */
        private JsonNode any() throws IOException, Problem {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> map(new GoType.Any());
                case START_ARRAY -> array(new GoType.Any());
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                default -> NODES.nullNode();
            };
        }

        private Problem mismatch(JsonToken token, String expected) {
            return problem("is %s where dockerd's decoder expects %s, so it refuses the request".formatted(describe(token), expected));
        }

        private static Problem problem(String message) {
            return new Problem(message);
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a bool";
                default -> "null";
            };
        }
    }
}
