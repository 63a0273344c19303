package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed reading of an AdmissionReview answers every review as the tree reading does: the
 * same request, objects and model, or the same reason it is unreadable.
 */
class AdmissionRequestStreamTest {

    private static final String FIXTURES = """
            clusterrolebinding-create.json configmap-create.json cronjob-create.json daemonset-create.json
            deployment-create.json deployment-privileged-dryrun.json deployment-privileged.json deployment-scale.json
            deployment-unhardened.json job-create.json pod-create.json pod-delete.json pod-ephemeralcontainers.json pod-exec.json
            replicaset-create.json service-nodeport-create.json statefulset-create.json""";

    private static final String HEAD = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",";
    private static final String POD = "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},\"resource\":{\"resource\":\"pods\"},"
            + "\"operation\":\"CREATE\",\"namespace\":\"prod\",";
    private static final String SPEC = "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"nginx:1.27\"}]}";

    static Stream<String> fixtures() {
        return Stream.of(FIXTURES.split("\\s+"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureIsStreamedAndReadAsTheTreeReadsIt(String fixture) {
        byte[] body = AdmissionObjectsTest.fixture(fixture);

        assertThat(AdmissionRequestStream.read(body)).isNotNull();
        assertSameAnswer(body);
    }

    static Stream<String> oddReviews() {
        return Stream.of(
            // well-formed: streamed
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "},\"dryRun\":true,\"oldObject\":null}} trailing",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"name\":null,\"subResource\":{},\"userInfo\":[],\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\",\"kind\":\"Pod\",\"operation\":\"CREATE\",\"object\":{" + SPEC + "}}}",
            // the kind and namespace the object's edits depend on given after it
            HEAD + "\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\",\"object\":{\"metadata\":{}," + SPEC + "}," + POD + "\"name\":\"n\"}}",
            // the object edited on the way, or read as a tree when it gives a key twice
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{\"kind\":7,\"metadata\":{\"namespace\":null,\"generateName\":5,"
                    + "\"ownerReferences\":[{\"controller\":1}]}," + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{\"metadata\":{\"generateName\":\"web-\",\"ownerReferences\":"
                    + "{\"x\":{\"controller\":\" true \"}}}," + SPEC + ",\"status\":{\"a\":1}}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{\"metadata\":{\"ownerReferences\":[{\"controller\":\"TRUE\"},"
                    + "{\"controller\":1.0},{\"controller\":0},{\"controller\":[true]}]}," + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "," + SPEC.replace("nginx", "busybox") + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{\"metadata\":{\"labels\":{\"a\":\"1\",\"a\":\"2\"}}," + SPEC + "}}}",
            // not the well-formed shape: read as a tree
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "},\"object\":{}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":[" + "{" + SPEC + "}]}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":\"text\"}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"namespace\":5,\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"dryRun\":\"true\",\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"dryRun\":null,\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"userInfo\":{\"username\":\"a\",\"username\":\"b\"},\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\",\"kind\":{\"kind\":\"Pod\",\"kind\":\"Secret\"},\"operation\":\"CREATE\",\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":12," + POD + "\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"\"," + POD + "\"object\":{" + SPEC + "}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "}},\"request\":{\"uid\":\"v\"}}",
            HEAD + "\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "}}}",
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":5,\"request\":{\"uid\":\"u\"}}",
            "{\"apiVersion\":[1],\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}}",
            HEAD + "\"request\":[]}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + "},\"options\":{\"a\":[1,}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"object\":{" + SPEC + ",\"status\":{\"n\":1" + "0".repeat(1200) + "}}}}",
            HEAD + "\"request\":{\"uid\":\"u\"," + POD + "\"options\":" + "[".repeat(1200) + "]".repeat(1200) + ",\"object\":{" + SPEC + "}}}",
            "   ",
            "[1]",
            "{\"a\":1} {\"b\":2}");
    }

    @ParameterizedTest
    @MethodSource("oddReviews")
    void anOddReviewIsAnsweredAsTheTreeAnswersIt(String review) {
        assertSameAnswer(review.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"options\":\"\u00ff\"", "\"options\":\"\u00e9\u00e9\""})
    void bytesThatAreNotUtf8AreAnsweredAsTheTreeAnswersThem(String skipped) {
        byte[] ascii = (HEAD + "\"request\":{\"uid\":\"u\"," + POD + skipped + ",\"object\":{" + SPEC + "}}}").getBytes(StandardCharsets.ISO_8859_1);

        assertSameAnswer(ascii);
    }

    private static void assertSameAnswer(byte[] body) {
        AdmissionRequest.Parsed parsed = AdmissionRequest.parse(body);
        AdmissionRequest.Parsed tree = AdmissionRequest.parseTree(body);
        if (!(tree instanceof AdmissionRequest.Readable(AdmissionRequest expected))) {
            assertThat(parsed).isEqualTo(tree);
            return;
        }
        assertThat(parsed).isInstanceOf(AdmissionRequest.Readable.class);
        AdmissionRequest request = ((AdmissionRequest.Readable) parsed).request();
        assertThat(request).usingRecursiveComparison().ignoringFields("objectJson", "oldObjectJson").isEqualTo(expected);
        assertThat(request.object()).isEqualTo(expected.object());
        assertThat(request.oldObject()).isEqualTo(expected.oldObject());
        assertThat(request.objectJson().isObject()).isEqualTo(expected.object().isObject());
        assertThat(AdmissionObjects.read(request)).isEqualTo(AdmissionObjects.read(expected));
    }
}
