package dev.shipshape.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer: status, body, content type. */
record Reply(int status, byte[] body, String contentType) {

    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Reply json(int status, Object value) {
        try {
            return new Reply(status, JSON.writeValueAsBytes(value), JSON_TYPE);
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** {@code {"error":"…"}} with the status. */
    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    static Reply text(int status, String text, String contentType) {
        return new Reply(status, text.getBytes(StandardCharsets.UTF_8), contentType);
    }
}
