package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.gate.AdmissionRequest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The JSON Patch of safe defaults: exactly what is added, and nothing the user wrote is changed. */
class HardeningPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode review(String fixture) throws IOException {
        try (InputStream in = HardeningPatchTest.class.getResourceAsStream("/gate/admission/" + fixture)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static AdmissionRequest request(JsonNode review) throws IOException {
        return ((AdmissionRequest.Readable) AdmissionRequest.parse(JSON.writeValueAsBytes(review))).request();
    }

    private static String patch(JsonNode review, boolean readOnlyRootFilesystem) throws IOException {
        return HardeningPatch.of(request(review), readOnlyRootFilesystem).toString();
    }

    /** A pod spec of a Pod the user creates, with one container. */
    private static ObjectNode podReview(String container) throws IOException {
        ObjectNode review = review("pod-create.json");
        ObjectNode pod = (ObjectNode) review.path("request").path("object");
        ((ObjectNode) pod.path("metadata")).remove("ownerReferences");
        ObjectNode spec = (ObjectNode) pod.path("spec");
        spec.remove("securityContext");
        spec.set("containers", JSON.readTree("[" + container + "]"));
        return review;
    }

    @Test
    void addsEveryDefaultToAnUnhardenedTemplate() throws IOException {
        assertThat(patch(review("deployment-unhardened.json"), false)).isEqualTo("""
                [{"op":"add","path":"/spec/template/spec/securityContext/seccompProfile","value":{"type":"RuntimeDefault"}},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/allowPrivilegeEscalation","value":false},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/capabilities/drop","value":["ALL"]},\
                {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":\
                {"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}}]""");
    }

    @Test
    void addsReadOnlyRootFilesystemOnlyWhenConfigured() throws IOException {
        assertThat(patch(review("deployment-unhardened.json"), true)).isEqualTo("""
                [{"op":"add","path":"/spec/template/spec/securityContext/seccompProfile","value":{"type":"RuntimeDefault"}},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/allowPrivilegeEscalation","value":false},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/capabilities/drop","value":["ALL"]},\
                {"op":"add","path":"/spec/template/spec/initContainers/0/securityContext/readOnlyRootFilesystem","value":true},\
                {"op":"add","path":"/spec/template/spec/containers/0/securityContext","value":\
                {"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"readOnlyRootFilesystem":true}}]""");
    }

    @Test
    void aHardenedTemplateGetsNothing() throws IOException {
        assertThat(patch(review("deployment-create.json"), true)).isEqualTo("[]");
        assertThat(patch(review("cronjob-create.json"), false)).isEqualTo("[]");
    }

    @Test
    void neverChangesWhatIsWrittenEvenWhenItIsWorse() throws IOException {
        ObjectNode review = podReview("""
                {"name":"app","image":"nginx:1.27","securityContext":{"allowPrivilegeEscalation":true,
                 "capabilities":{"drop":[]},"readOnlyRootFilesystem":false}}""");
        ((ObjectNode) review.path("request").path("object").path("spec")).set("securityContext",
                JSON.readTree("{\"seccompProfile\":{\"type\":\"Unconfined\"}}"));

        assertThat(patch(review, true)).isEqualTo("[]");
    }

    @Test
    void aPrivilegedContainerIsLeftAsItAsked() throws IOException {
        assertThat(patch(podReview("{\"name\":\"app\",\"image\":\"nginx:1.27\",\"securityContext\":{\"privileged\":true}}"), false))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/spec/securityContext\",\"value\":{\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}}]");
    }

    @Test
    void aContainerAddingSysAdminKeepsPrivilegeEscalation() throws IOException {
        // the API server refuses allowPrivilegeEscalation: false together with CAP_SYS_ADMIN
        assertThat(patch(podReview("""
                {"name":"app","image":"nginx:1.27","securityContext":{"capabilities":{"add":["SYS_ADMIN"]}}}"""), false))
                .isEqualTo("""
                        [{"op":"add","path":"/spec/securityContext","value":{"seccompProfile":{"type":"RuntimeDefault"}}},\
                        {"op":"add","path":"/spec/containers/0/securityContext/capabilities/drop","value":["ALL"]}]""");
    }

    @Test
    void theLegacySeccompAnnotationKeepsTheFieldUnset() throws IOException {
        ObjectNode review = podReview("{\"name\":\"app\",\"image\":\"nginx:1.27\",\"securityContext\":{\"allowPrivilegeEscalation\":false,"
                + "\"capabilities\":{\"drop\":[\"ALL\"]}}}");
        ((ObjectNode) review.path("request").path("object").path("metadata"))
                .putObject("annotations").put("seccomp.security.alpha.kubernetes.io/pod", "unconfined");

        assertThat(patch(review, false)).isEqualTo("[]");
    }

    @Test
    void aWindowsPodGetsNothing() throws IOException {
        ObjectNode review = podReview("{\"name\":\"app\",\"image\":\"mcr.microsoft.com/windows/nanoserver:ltsc2022\"}");
        ((ObjectNode) review.path("request").path("object").path("spec")).putObject("os").put("name", "windows");

        assertThat(patch(review, true)).isEqualTo("[]");
    }

    @Test
    void podsArePatchedOnCreateOnlyAndSubresourcesNever() throws IOException {
        ObjectNode update = podReview("{\"name\":\"app\",\"image\":\"nginx:1.27\"}");
        ((ObjectNode) update.path("request")).put("operation", "UPDATE");
        assertThat(patch(update, false)).isEqualTo("[]");

        assertThat(patch(review("pod-ephemeralcontainers.json"), false)).isEqualTo("[]");
    }

    @Test
    void aCronJobsTemplateIsDeeper() throws IOException {
        ObjectNode review = review("job-create.json");
        JsonNode job = review.path("request").path("object");
        ObjectNode cronJob = JSON.createObjectNode().put("kind", "CronJob").put("apiVersion", "batch/v1");
        cronJob.set("metadata", job.path("metadata"));
        cronJob.putObject("spec").put("schedule", "@daily").putObject("jobTemplate").set("spec", job.path("spec"));
        ObjectNode request = (ObjectNode) review.path("request");
        request.set("object", cronJob);
        ((ObjectNode) request.path("kind")).put("kind", "CronJob");

        assertThat(patch(review, false)).isEqualTo("""
                [{"op":"add","path":"/spec/jobTemplate/spec/template/spec/securityContext/seccompProfile","value":{"type":"RuntimeDefault"}},\
                {"op":"add","path":"/spec/jobTemplate/spec/template/spec/containers/0/securityContext","value":\
                {"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}}]""");
    }

    @Test
    void applyingThePatchLeavesNothingToAdd() throws IOException {
        for (String fixture : new String[] {"deployment-unhardened.json", "job-create.json"}) {
            ObjectNode review = review(fixture);
            ArrayNode patch = HardeningPatch.of(request(review), true);
            assertThat(patch).isNotEmpty();
            apply(patch, (ObjectNode) review.path("request").path("object"));

            assertThat(HardeningPatch.of(request(review), true)).isEmpty();
        }
    }

    /** Applies "add" operations (all the patch uses). */
    private static void apply(ArrayNode patch, ObjectNode document) {
        for (JsonNode operation : patch) {
            assertThat(operation.path("op").asText()).isEqualTo("add");
            String[] segments = operation.path("path").asText().substring(1).split("/");
            JsonNode parent = document;
            for (int index = 0; index < segments.length - 1; index++) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(segments[index])) : parent.get(segments[index]);
            }
            ((ObjectNode) parent).set(segments[segments.length - 1], operation.path("value"));
        }
    }
}
