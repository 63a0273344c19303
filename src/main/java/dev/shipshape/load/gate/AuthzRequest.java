package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    public record Unreadable(String problem) implements Parsed {
    }

    public static Parsed parse(byte[] json) {
        String user = "";
        String method = "";
        String uri = "";
        Optional<byte[]> body = Optional.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        // streamed, not made a tree: the body arrives as base64 text and is decoded straight to bytes
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) return new Unreadable("the authorization request is empty");
            if (first != JsonToken.START_OBJECT) return new Unreadable("the authorization request is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "User" -> user = text(parser, value);
                    case "RequestMethod" -> method = text(parser, value);
                    case "RequestUri" -> uri = text(parser, value);
                    case "RequestBody" -> {
                        if (value == JsonToken.VALUE_NULL) {
                            body = Optional.empty();
                        } else if (value != JsonToken.VALUE_STRING) {
                            return new Unreadable("RequestBody is not base64 text");
                        } else {
                            byte[] decoded = decoded(parser);
                            if (decoded == null) return new Unreadable("RequestBody is not valid base64");
                            body = decoded.length > 0 ? Optional.of(decoded) : Optional.empty();
                        }
                    }
                    case "RequestHeaders" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String name = parser.currentName();
                                headers.put(name, text(parser, parser.nextToken()));
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException notJson) {
            return new Unreadable("the authorization request is not JSON");
        }
        if (method.isEmpty()) return new Unreadable("the authorization request names no RequestMethod");
        return new Readable(new AuthzRequest(user, method.toUpperCase(Locale.ROOT), uri, body, headers));
    }

    /** The base64 text at the parser as bytes (Go writes []byte as standard base64 with padding), or null when it is not base64. */
    private static byte[] decoded(JsonParser parser) {
        try {
            return Base64.getDecoder().decode(parser.getText());
        } catch (IllegalArgumentException | IOException notBase64) {
            return null;
        }
    }

    /** A scalar's text ("" for null); a nested value is skipped and counts as "". */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return "";
        }
        return value == JsonToken.VALUE_NULL ? "" : parser.getText();
    }

    /** A header's value, its name matched regardless of case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
