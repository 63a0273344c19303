package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException | RuntimeException notJson) {
            return new Unreadable("the authorization request is not JSON");
        } catch (java.io.IOException unreadable) {
            return new Unreadable("the authorization request cannot be read");
        }
        if (root == null || !root.isObject()) return new Unreadable("the authorization request is not a JSON object");
        String method = text(root, "RequestMethod");
        if (method.isEmpty()) return new Unreadable("the authorization request names no RequestMethod");
        Optional<byte[]> body = Optional.empty();
        JsonNode encoded = root.get("RequestBody");
        if (encoded != null && !encoded.isNull()) {
            if (!encoded.isTextual()) return new Unreadable("RequestBody is not base64 text");
            try {
                byte[] decoded = Base64.getDecoder().decode(encoded.asText());
                if (decoded.length > 0) body = Optional.of(decoded);
            } catch (IllegalArgumentException notBase64) {
                return new Unreadable("RequestBody is not valid base64");
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode written = root.get("RequestHeaders");
        if (written != null && written.isObject()) {
            written.properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText("")));
        }
        return new Readable(new AuthzRequest(text(root, "User"), method.toUpperCase(Locale.ROOT), text(root, "RequestUri"), body, headers));
    }

    /** A header's value, its name matched regardless of case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? "" : value.asText("");
    }
}
