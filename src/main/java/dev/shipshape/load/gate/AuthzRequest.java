package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the Docker daemon asks its authorization plugin about one API call
 * ({@code POST /AuthZPlugin.AuthZReq}); field names as moby's {@code pkg/authorization/api.go} writes them.
 *
 * @param user       the authenticated user (a TLS client certificate's CN), "" when the daemon knows none
 * @param method     GET, POST, DELETE…
 * @param rawUri     the request URI exactly as the client sent it, query included; see {@link RequestUri}
 * @param body       the request body, when the daemon passed it (JSON bodies under its size limit only)
 * @param headers    the request's headers (canonical names, credentials removed by the daemon)
 */
public record AuthzRequest(String user, String method, String rawUri, Optional<byte[]> body, Map<String, String> headers) {

    private static final JsonFactory JSON = new JsonFactory();

    public AuthzRequest {
        headers = Map.copyOf(headers);
    }

    /** The request, or why it cannot be read. */
    public sealed interface Parsed {
    }

    public record Readable(AuthzRequest request) implements Parsed {
    }

    /**
     * An envelope dockerd would never send. {@code method} and {@code uri} are what could still be
     * read of it, so that the gate can tell whether the request could be one it judges or guards.
     */
    public record Unreadable(String problem, Optional<String> method, Optional<String> uri) implements Parsed {

        public Unreadable(String problem) {
            this(problem, Optional.empty(), Optional.empty());
        }
    }

    /** Envelope fields the gate reads, by the bit that marks them seen. */
    private static final Map<String, Integer> FIELDS = Map.of("User", 1, "UserAuthNMethod", 2, "RequestMethod", 4,
            "RequestUri", 8, "RequestBody", 16, "RequestHeaders", 32);

    /**
     * Reads the envelope as moby's {@code authorization.Request} marshals it: string fields, the
     * body as base64, the headers as an object of strings, each key once, and a method and a URI
     * always present. Anything else is unreadable (never allowed as if it were something else).
     */
    public static Parsed parse(byte[] json) {
        String user = "";
        String method = null;
        String uri = null;
        Optional<byte[]> body = Optional.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        String problem = null;
        int seen = 0;
        // streamed, not made a tree: the body arrives as base64 text and is decoded straight to bytes
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) return new Unreadable("is empty");
            if (first != JsonToken.START_OBJECT) return new Unreadable("is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                Integer bit = FIELDS.get(field);
                if (bit == null) {
                    parser.skipChildren();
                    continue;
                }
                if ((seen & bit) != 0 && problem == null) problem = "gives " + field + " twice";
                seen |= bit;
                if (value == JsonToken.VALUE_NULL) continue;
                switch (field) {
                    case "RequestHeaders" -> {
                        if (value != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            if (problem == null) problem = "has RequestHeaders that are not an object";
                            continue;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                                parser.skipChildren();
                                if (problem == null) problem = "has a header that is not a string";
                                continue;
                            }
                            headers.put(name, parser.getText());
                        }
                    }
                    default -> {
                        if (value != JsonToken.VALUE_STRING) {
                            parser.skipChildren();
                            if (problem == null) problem = "has a " + field + " that is not a string";
                            continue;
                        }
                        switch (field) {
                            case "User" -> user = parser.getText();
                            case "RequestMethod" -> method = parser.getText();
                            case "RequestUri" -> uri = parser.getText();
                            case "RequestBody" -> {
                                byte[] decoded = decoded(parser, json);
                                if (decoded == null && problem == null) problem = "has a RequestBody that is not base64";
                                body = decoded == null || decoded.length == 0 ? Optional.empty() : Optional.of(decoded);
                            }
                            default -> {
                                // UserAuthNMethod: only checked for its type
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException notJson) {
            return new Unreadable("is not JSON");
        }
        if (method == null || method.isEmpty()) problem = problem == null ? "names no RequestMethod" : problem;
        if (uri == null || uri.isEmpty()) problem = problem == null ? "names no RequestUri" : problem;
        if (problem != null) {
            return new Unreadable(problem, Optional.ofNullable(method).filter(text -> !text.isEmpty()),
                    Optional.ofNullable(uri).filter(text -> !text.isEmpty()));
        }
        return new Readable(new AuthzRequest(user, method, uri, body, headers));
    }

    /**
     * The base64 text at the parser as bytes (Go writes []byte as standard base64 with padding), or
     * null when it is not base64. Text of base64 characters only, as dockerd writes it, is decoded
     * straight from the envelope's bytes: having the parser turn it into characters and a String
     * first was an eighth of reading bench/serve/container-create.json's request in a profile.
     * Anything else (escapes, other characters) is read through the parser, and refused by the same
     * decoder.
     */
    private static byte[] decoded(JsonParser parser, byte[] json) {
        try {
            long quote = parser.currentTokenLocation().getByteOffset();
            if (quote >= 0 && quote < json.length && json[(int) quote] == '"') {
                int start = (int) quote + 1;
                int end = start;
                while (end < json.length && isBase64(json[end])) end++;
                // the string holds exactly these bytes when its closing quote follows them
                if (end < json.length && json[end] == '"') return Base64.getDecoder().decode(Arrays.copyOfRange(json, start, end));
            }
            char[] text = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            byte[] ascii = new byte[parser.getTextLength()];
            for (int index = 0; index < ascii.length; index++) {
                char c = text[offset + index];
                if (c > 0x7f) return null; // no base64 character
                ascii[index] = (byte) c;
            }
            return Base64.getDecoder().decode(ascii);
        } catch (IllegalArgumentException | IOException notBase64) {
            return null;
        }
    }

    /** A character of the standard base64 alphabet, or its padding. */
    private static boolean isBase64(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '=';
    }

    /** A header's value, its name matched regardless of case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
