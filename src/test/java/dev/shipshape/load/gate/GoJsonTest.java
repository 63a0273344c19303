package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies read as the daemon's Go decoder reads them. */
class GoJsonTest {

    private static JsonNode read(String json) {
        return GoJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void fieldNamesMatchWhateverTheirCase() {
        JsonNode body = read("{\"hostconfig\":{\"PRIVILEGED\":true,\"capadd\":[\"SYS_ADMIN\"]},\"image\":\"nginx\"}");

        assertThat(body.toString()).isEqualTo("{\"HostConfig\":{\"Privileged\":true,\"CapAdd\":[\"SYS_ADMIN\"]},\"Image\":\"nginx\"}");
    }

    @Test
    void unicodeFoldingCountsAsWell() {
        // U+017F LATIN SMALL LETTER LONG S folds to s; U+212A KELVIN SIGN to k
        JsonNode body = read("{\"HostConfig\":{\"\u017FecurityOpt\":[\"seccomp=unconfined\"],\"\u212AernelMemory\":1}}");

        assertThat(body.path("HostConfig").has("SecurityOpt")).isTrue();
        assertThat(body.path("HostConfig").fieldNames()).toIterable().containsExactly("SecurityOpt", "KernelMemory");
    }

    @Test
    void theLastOfRepeatedFieldsWinsInDocumentOrder() {
        assertThat(read("{\"HostConfig\":{\"Privileged\":false,\"privileged\":true}}").path("HostConfig").path("Privileged").asBoolean())
                .isTrue();
        assertThat(read("{\"HostConfig\":{\"privileged\":true,\"Privileged\":false,\"privileged\":true}}")
                .path("HostConfig").path("Privileged").asBoolean()).isTrue();
        assertThat(read("{\"HostConfig\":{\"privileged\":true,\"Privileged\":false}}")
                .path("HostConfig").path("Privileged").asBoolean()).isFalse();
    }

    @Test
    void keysOfMapsAreDataAndStayAsWritten() {
        JsonNode body = read("{\"Labels\":{\"image\":\"x\",\"Type\":\"y\"},\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"hostip\":\"\"}]}}}");

        assertThat(body.path("Labels").fieldNames()).toIterable().containsExactly("image", "Type");
        assertThat(body.path("HostConfig").path("PortBindings").path("80/tcp").get(0).has("HostIp")).isTrue();
    }

    @Test
    void nanoCpusIsSpelledAsItsStructSpellsIt() {
        assertThat(read("{\"HostConfig\":{\"nanocpus\":1}}").path("HostConfig").has("NanoCpus")).isTrue();
        assertThat(read("{\"TaskTemplate\":{\"Resources\":{\"Limits\":{\"NanoCpus\":1}}}}")
                .path("TaskTemplate").path("Resources").path("Limits").has("NanoCPUs")).isTrue();
    }

    @Test
    void onlyTheFirstValueIsRead() {
        assertThat(read("{\"Image\":\"a\"} {\"Image\":\"b\"}").path("Image").asText()).isEqualTo("a");
    }

    @Test
    void whatIsNotJsonIsEmpty() {
        assertThat(GoJson.read(new byte[0])).isEmpty();
        assertThat(GoJson.read("{\"Image\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(GoJson.read("nope".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
