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
 * review, made a tree only when asked for (/mutate asks), and for the {@code object} the loader's
 * document, read at the same time (/validate reads that). Confined to the thread that handles the request.
 */
public final class AdmissionRequestObject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] review;
    private final int offset;
    private final int length;
    /** The loader's document, read with the review, and the values its edits were made for; or null. */
    private final Read read;
    private JsonNode tree;

    private record Read(String kind, String apiVersion, String namespace, YamlNode document) {
    }

    private AdmissionRequestObject(byte[] review, int offset, int length, Read read, JsonNode tree) {
        this.review = review;
        this.offset = offset;
        this.length = length;
        this.read = read;
        this.tree = tree;
    }

    static AdmissionRequestObject tree(JsonNode tree) {
        return new AdmissionRequestObject(null, 0, 0, null, tree);
    }

    /** The object whose {@code START_OBJECT} the review's parser is on, skipped to its end: kept as text (an oldObject). */
    static AdmissionRequestObject skip(JsonParser parser, byte[] review) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        return text(parser, review, start, null);
    }

    /**
     * The object whose {@code START_OBJECT} the review's parser is on, read to its end into the loader's
     * document (edited for the request's kind, apiVersion and namespace as read so far): reading its
     * text once more, when /validate asks, was a tenth of a decision's CPU. Null when the object gives a
     * key twice: the parser is left inside it, and the review is read as a tree.
     */
    static AdmissionRequestObject read(JsonParser parser, byte[] review, String kind, String apiVersion, String namespace)
            throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        Optional<YamlNode> document = StreamedJsonDocument.read(kind, parser, AdmissionObjects.edits(kind, apiVersion, namespace));
        return document.isEmpty() ? null : text(parser, review, start, new Read(kind, apiVersion, namespace, document.get()));
    }

    /** The object from {@code start} to where the parser is, just past its end. */
    private static AdmissionRequestObject text(JsonParser parser, byte[] review, long start, Read read) {
        long end = parser.currentLocation().getByteOffset();
        if (start < 0 || end <= start || end > review.length || review[(int) start] != '{' || review[(int) end - 1] != '}') {
            throw new IllegalStateException("the object's text is not where the parser says");
        }
        return new AdmissionRequestObject(review, (int) start, (int) (end - start), read, null);
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
     * The loader's document of a streamed object, edited as {@link AdmissionObjects#edits} says; empty
     * when the object was read as a tree, or gives a key twice (see {@link StreamedJsonDocument}): then
     * the caller edits the tree.
     */
    Optional<YamlNode> document(String kind, String apiVersion, String namespace) {
        if (review == null) return Optional.empty();
        if (read != null && read.kind().equals(kind) && read.apiVersion().equals(apiVersion) && read.namespace().equals(namespace)) {
            return Optional.of(read.document());
        }
        // a field the edits depend on came after the object in the review
        return StreamedJsonDocument.of(kind, review, offset, length, AdmissionObjects.edits(kind, apiVersion, namespace));
    }
}
