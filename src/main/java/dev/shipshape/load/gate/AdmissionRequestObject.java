package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.load.yaml.StreamedJsonDocument;
import dev.shipshape.load.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * An object of an AdmissionReview's request ({@code object}, {@code oldObject}): its Jackson tree,
 * or, when the review was streamed ({@link AdmissionRequestStream}), where its JSON text is in the
 * review, made a tree only when asked for (/mutate asks) or read straight into the loader's
 * document (/validate asks). Confined to the thread that handles the request.
 */
public final class AdmissionRequestObject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] review;
    private final int offset;
    private final int length;
    private JsonNode tree;

    private AdmissionRequestObject(byte[] review, int offset, int length, JsonNode tree) {
        this.review = review;
        this.offset = offset;
        this.length = length;
        this.tree = tree;
    }

    static AdmissionRequestObject tree(JsonNode tree) {
        return new AdmissionRequestObject(null, 0, 0, tree);
    }

    /**
     * The object whose {@code START_OBJECT} the review's parser is on, skipped to its end and kept as
     * text. Not read into the loader's document at once, though /validate would save reading it
     * again (a tenth of its decision's CPU): /mutate, which wants the Jackson tree, then took twice
     * as long to read a review (bench/serve's deployment-create.json: 14 to 30 µs of CPU).
     */
    static AdmissionRequestObject skip(JsonParser parser, byte[] review) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end <= start || end > review.length || review[(int) start] != '{' || review[(int) end - 1] != '}') {
            throw new IllegalStateException("the object's text is not where the parser says");
        }
        return new AdmissionRequestObject(review, (int) start, (int) (end - start), null);
    }

    public JsonNode tree() {
        if (tree == null) {
            try {
                tree = JSON.readTree(review, offset, length);
            } catch (IOException cannotHappen) {
                throw new UncheckedIOException("the object was read once already", cannotHappen);
            }
        }
        return tree;
    }

    /** Whether it is a JSON object (a streamed one always is). */
    public boolean isObject() {
        return review != null || tree.isObject();
    }

    /**
     * The loader's document of a streamed object, read from its text and edited on the way as
     * {@link AdmissionObjects#edits} says; empty when the object was read as a tree, or gives a key
     * twice (see {@link StreamedJsonDocument}): then the caller edits the tree.
     */
    Optional<YamlNode> document(StreamedJsonDocument.Edits edits) {
        return review == null ? Optional.empty() : StreamedJsonDocument.of("", review, offset, length, edits);
    }
}
