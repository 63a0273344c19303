package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;

/**
 * An AdmissionReview as the API server writes it, read with Jackson's streaming parser: the
 * envelope's fields as strings, and the objects kept as where their text is in the review
 * ({@link AdmissionRequestObject}), not made a Jackson tree. Reading the whole review as a tree and
 * then the object's tree into the loader's document was a third of a /validate decision's CPU in a profile.
 *
 * <p>It reads only the well-formed shape: any other (a field given twice, a field of another type,
 * a wrong kind or apiVersion, no request or uid, not JSON) gives null, and the review is read as a
 * tree, which answers it exactly as before. Every value is still parsed, the skipped ones too, so
 * a review that is not JSON anywhere is never read here.
 */
final class AdmissionRequestStream {

    private static final JsonFactory JSON = new JsonFactory();
    /**
     * Skipped strings are not held to the parser's length limit, which the tree would enforce: a body
     * that could hold a longer string is read as a tree. (The gate's own limit on bodies is far below.)
     */
    private static final int LONGEST_BODY = StreamReadConstraints.defaults().getMaxStringLength();

    private String uid;
    private String group = "";
    private String version = "";
    private String kind = "";
    private String resource = "";
    private String subResource = "";
    private String name = "";
    private String namespace = "";
    private String operation = "";
    private String username = "";
    private boolean dryRun;
    private AdmissionRequestObject object = AdmissionRequestObject.tree(MissingNode.getInstance());
    private AdmissionRequestObject oldObject = AdmissionRequestObject.tree(MissingNode.getInstance());

    /** Thrown where the review is not of the well-formed shape: the tree reading answers it. */
    private static final class OtherShape extends Exception {
        OtherShape() {
            super(null, null, false, false);
        }
    }

    private AdmissionRequestStream() {
    }

    /** The request, or null when the review is not of the shape read here. */
    static AdmissionRequest read(byte[] body) {
        if (body.length > LONGEST_BODY) return null;
        try (JsonParser parser = JSON.createParser(body)) {
            return new AdmissionRequestStream().review(parser, body);
        } catch (IOException | RuntimeException | OtherShape other) {
            return null;
        }
    }

    private AdmissionRequest review(JsonParser parser, byte[] body) throws IOException, OtherShape {
        expect(parser.nextToken() == JsonToken.START_OBJECT);
        Seen seen = new Seen();
        boolean kindRight = false;
        boolean apiVersionRight = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "kind" -> {
                    seen.once(1);
                    kindRight = value == JsonToken.VALUE_STRING && parser.getText().equals(AdmissionRequest.KIND);
                }
                case "apiVersion" -> {
                    seen.once(2);
                    apiVersionRight = value == JsonToken.VALUE_STRING && parser.getText().equals(AdmissionRequest.API_VERSION);
                }
                case "request" -> {
                    seen.once(4);
                    expect(value == JsonToken.START_OBJECT);
                    request(parser, body);
                }
                default -> parser.skipChildren();
            }
        }
        expect(kindRight && apiVersionRight && uid != null && !uid.isEmpty());
        return new AdmissionRequest(uid, group, version, kind, resource, subResource, name, namespace, operation, username, dryRun,
                object, oldObject);
    }

    private void request(JsonParser parser, byte[] body) throws IOException, OtherShape {
        Seen seen = new Seen();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "uid" -> {
                    seen.once(1);
                    expect(value == JsonToken.VALUE_STRING);
                    uid = parser.getText();
                }
                case "kind" -> {
                    seen.once(2);
                    kind(parser, value);
                }
                case "resource" -> {
                    seen.once(4);
                    resource = only(parser, value, "resource");
                }
                case "subResource" -> {
                    seen.once(8);
                    subResource = text(parser, value);
                }
                case "name" -> {
                    seen.once(16);
                    name = text(parser, value);
                }
                case "namespace" -> {
                    seen.once(32);
                    namespace = text(parser, value);
                }
                case "operation" -> {
                    seen.once(64);
                    operation = text(parser, value);
                }
                case "userInfo" -> {
                    seen.once(128);
                    username = only(parser, value, "username");
                }
                case "dryRun" -> {
                    seen.once(256);
                    expect(value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE);
                    dryRun = value == JsonToken.VALUE_TRUE;
                }
                case "object" -> {
                    seen.once(512);
                    object = object(parser, value, body);
                }
                case "oldObject" -> {
                    seen.once(1024);
                    oldObject = object(parser, value, body);
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** {@code request.kind}: its group, version and kind. */
    private void kind(JsonParser parser, JsonToken value) throws IOException, OtherShape {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        Seen seen = new Seen();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "group" -> {
                    seen.once(1);
                    group = text(parser, token);
                }
                case "version" -> {
                    seen.once(2);
                    version = text(parser, token);
                }
                case "kind" -> {
                    seen.once(4);
                    kind = text(parser, token);
                }
                default -> parser.skipChildren();
            }
        }
    }

    /** The one field read of an object ({@code resource.resource}, {@code userInfo.username}); "" when it is none. */
    private static String only(JsonParser parser, JsonToken value, String wanted) throws IOException, OtherShape {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return "";
        }
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (!field.equals(wanted)) {
                parser.skipChildren();
                continue;
            }
            expect(found == null);
            found = text(parser, token);
        }
        return found == null ? "" : found;
    }

    /** A string field: "" when null, an object or a list (as the tree reading has it); another value is another shape. */
    private static String text(JsonParser parser, JsonToken value) throws IOException, OtherShape {
        if (value == JsonToken.VALUE_STRING) return parser.getText();
        expect(value == JsonToken.VALUE_NULL || value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY);
        parser.skipChildren();
        return "";
    }

    private static AdmissionRequestObject object(JsonParser parser, JsonToken value, byte[] body) throws IOException, OtherShape {
        if (value == JsonToken.VALUE_NULL) return AdmissionRequestObject.tree(NullNode.getInstance());
        expect(value == JsonToken.START_OBJECT);
        return AdmissionRequestObject.skip(parser, body);
    }

    private static void expect(boolean wellFormed) throws OtherShape {
        if (!wellFormed) throw new OtherShape();
    }

    /** The fields of one object read so far, by bit: a field given twice is another shape. */
    private static final class Seen {
        private int bits;

        void once(int bit) throws OtherShape {
            expect((bits & bit) == 0);
            bits |= bit;
        }
    }
}
