package dev.shipshape.load.gate;

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
 * review, made a tree only when asked for (/mutate asks; /validate reads the text straight into
 * the loader's document). Confined to the thread that handles the request.
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

    /** The JSON object at {@code review[offset, offset + length)}, whose syntax was checked already. */
    static AdmissionRequestObject text(byte[] review, int offset, int length) {
        return new AdmissionRequestObject(review, offset, length, null);
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
     * The loader's document of a streamed object, edited on the way; empty when the object was read as
     * a tree, or has a key given twice (see {@link StreamedJsonDocument}): then the caller edits the tree.
     */
    Optional<YamlNode> document(String file, StreamedJsonDocument.Edits edits) {
        return review == null ? Optional.empty() : StreamedJsonDocument.of(file, review, offset, length, edits);
    }
}
