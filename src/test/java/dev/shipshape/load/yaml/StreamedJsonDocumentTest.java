package dev.shipshape.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed document is the document {@link JsonDocument#of} makes of the edited Jackson tree:
 * same nodes, texts, types and origins, as the loaders read them.
 */
class StreamedJsonDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The edits the gate makes, on paths whose values the cases vary. */
    private static StreamedJsonDocument.Edits edits() {
        return new StreamedJsonDocument.Edits()
                .textDefault("Pod", "kind")
                .textDefault("v1", "apiVersion")
                .drop("status")
                .drop("metadata", "managedFields")
                .drop("metadata", "annotations", "last")
                .textDefault("prod", "metadata", "namespace");
    }

    /** The same edits, made to the tree as AdmissionObjects made them. */
    private static JsonNode edited(JsonNode tree) {
        ObjectNode object = tree.deepCopy();
        if (!object.path("kind").isTextual()) object.put("kind", "Pod");
        if (!object.path("apiVersion").isTextual()) object.put("apiVersion", "v1");
        object.remove("status");
        if (object.path("metadata").isObject()) {
            ObjectNode metadata = (ObjectNode) object.get("metadata");
            if (!metadata.path("namespace").isTextual()) metadata.put("namespace", "prod");
            metadata.remove("managedFields");
            if (metadata.path("annotations").isObject()) ((ObjectNode) metadata.get("annotations")).remove("last");
        }
        return object;
    }

    static Stream<String> objects() throws IOException {
        Stream.Builder<String> objects = Stream.builder();
        for (String fixture : new String[] {"deployment-create.json", "pod-create.json", "pod-ephemeralcontainers.json",
                "cronjob-create.json", "statefulset-create.json", "clusterrolebinding-create.json", "service-nodeport-create.json"}) {
            try (InputStream in = StreamedJsonDocumentTest.class.getResourceAsStream("/gate/admission/" + fixture)) {
                JsonNode review = JSON.readTree(in);
                objects.add(review.path("request").path("object").toString());
                if (review.path("request").path("oldObject").isObject()) objects.add(review.path("request").path("oldObject").toString());
            }
        }
        return Stream.concat(objects.build(), Stream.of(
                "{}",
                "{\"a\":[]}",
                "{\"numbers\":[0,-0,7,-12,2147483648,-9223372036854775809,123456789012345678901234567890,1.5,1.50,-0.0,1e2,1E-7,2.5e+3,0.1]}",
                "{\"flags\":[true,false,null],\"text\":\"\\u00e9\\n\\\"q\\\" \\ud83d\\ude00\",\"empty\":\"\",\"nested\":[[[{}]],{\"x\":[1,{\"y\":null}]}]}",
                "{\"kind\":null,\"apiVersion\":5,\"metadata\":{\"namespace\":{\"deep\":[1,2]},\"name\":\"a\"},\"spec\":{}}",
                "{\"kind\":[\"Pod\"],\"apiVersion\":true,\"metadata\":{\"namespace\":\"other\"}}",
                "{\"metadata\":[{\"namespace\":1,\"managedFields\":[]}],\"spec\":{\"metadata\":{\"managedFields\":[1]}}}",
                "{\"metadata\":\"scalar\",\"status\":{\"phase\":\"Running\",\"n\":[1,2,3]},\"kind\":\"Job\"}",
                "{\"status\":null,\"metadata\":{\"annotations\":{\"last\":\"{}\",\"keep\":\"x\"},\"managedFields\":[{\"f\":{\"g\":{}}}],\"labels\":{}}}",
                "{\"metadata\":{\"annotations\":[\"last\"],\"generateName\":\"web-\"},\"spec\":{\"status\":{},\"kind\":1}}",
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"m\":13,\"n\":14,\"o\":15}"));
    }

    @ParameterizedTest
    @MethodSource("objects")
    void isTheDocumentOfTheEditedTree(String json) throws IOException {
        byte[] bytes = ("  [" + json + "]  ").getBytes(StandardCharsets.UTF_8);
        Optional<YamlNode> streamed = StreamedJsonDocument.of("f", bytes, 3, bytes.length - 6, edits());

        assertThat(streamed).isPresent();
        assertThat(dump(streamed.get())).isEqualTo(dump(JsonDocument.of("f", edited(JSON.readTree(json)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":[{\"c\":1,\"d\":2,\"c\":3}]}}",
            "{\"status\":{},\"status\":null}",
            "{\"metadata\":{\"managedFields\":[],\"name\":\"x\",\"managedFields\":[]}}",
            "{\"kind\":5,\"kind\":\"Pod\"}",
            "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"m\":13,\"b\":14}",
            "{\"status\":1,\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"status\":2}"})
    void aKeyGivenTwiceMakesNoDocument(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(StreamedJsonDocument.of("f", bytes, 0, bytes.length, edits())).isEmpty();
    }

    /** What a loader can see of a node. */
    static String dump(YamlNode node) {
        StringBuilder out = new StringBuilder();
        dump(node, out);
        return out.toString();
    }

    private static void dump(YamlNode node, StringBuilder out) {
        out.append(node.origin()).append(':').append(node.lastLine());
        if (node.isMap()) {
            out.append('{');
            for (YamlNode.Entry entry : node.entries()) {
                out.append(entry.key()).append('@').append(entry.origin()).append(entry.keyNode().isString()).append('=');
                dump(entry.value(), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isList()) {
            out.append('[');
            for (YamlNode item : node.items()) {
                dump(item, out);
                out.append(',');
            }
            out.append(']');
        } else {
            out.append(node.isNull() ? "null" : node.isString() ? "s" : "p").append('<').append(node.textOr("?")).append('>')
                    .append(node.customTag().orElse(""));
        }
    }
}
