package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shipshape serve --docker-plugin --observe}: everything is allowed, and what would have been decided is recorded. */
class ServeObserveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void allowsEveryRequestAndRecordsTheDecisionAndModelItWouldHaveMade() throws Exception {
        Path observations = folder.resolve("observations.jsonl");
        Path decisions = folder.resolve("decisions.jsonl");
        ServeCommand command = new ServeCommand();
        CommandLine commandLine = new CommandLine(command);
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> commandLine.execute("--docker-plugin",
                "--plugin-address", "tcp://127.0.0.1:0", "--observe=" + observations, "--decision-log", decisions.toString()));
        assertThat(command.awaitStarted(Duration.ofSeconds(30))).as(err::toString).isTrue();
        int port = command.servers().getFirst().address().getPort();
        String privileged = "{\"Image\":\"nginx:1.27\",\"User\":\"+0\",\"HostConfig\":{\"Privileged\":true,\"Binds\":[\"/:/host:ro\"]}}";
        String request = "{\"RequestMethod\":\"POST\",\"RequestUri\":\"/v1.41/containers/create?name=web\",\"RequestBody\":\""
                + Base64.getEncoder().encodeToString(privileged.getBytes(StandardCharsets.UTF_8)) + "\"}";

        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newHttpClient()) {
            answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/AuthZPlugin.AuthZReq"))
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            command.stop();
        }

        assertThat(exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(answer.body()).isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
        assertThat(err.toString()).contains("shipshape serve: observe mode: every Docker request is allowed; what would have been decided is recorded\n");
        List<String> lines = Files.readAllLines(observations, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode observed = JSON.readTree(lines.getFirst());
        assertThat(observed.path("method").asText()).isEqualTo("POST");
        assertThat(observed.path("uri").asText()).isEqualTo("/v1.41/containers/create?name=web");
        assertThat(observed.path("input").asText()).isEqualTo("modelled");
        assertThat(observed.path("decision").asText()).isEqualTo("denied");
        assertThat(observed.path("rules").get(0).asText()).isEqualTo("privileged-container");
        assertThat(observed.path("message").asText()).startsWith("shipshape denied: privileged-container: container 'web' runs privileged");
        JsonNode container = observed.path("model").path("containers").get(0);
        assertThat(container.path("workload").asText()).isEqualTo("container 'web'");
        assertThat(container.path("container").path("privileged").asBoolean()).isTrue();
        assertThat(container.path("container").path("user").asText()).isEqualTo("+0");
        assertThat(container.path("container").path("mounts").toString())
                .isEqualTo("[{\"type\":\"bind\",\"source\":\"/\",\"target\":\"/host\",\"readOnly\":true}]");
        JsonNode decision = JSON.readTree(Files.readAllLines(decisions, StandardCharsets.UTF_8).getFirst());
        assertThat(decision.path("decision").asText()).isEqualTo("denied");
        assertThat(decision.path("enforced").asBoolean(true)).as("observe mode enforces nothing").isFalse();
    }

    @Test
    void observeNeedsTheDockerPlugin() {
        assertThat(CliRun.on(new CommandLine(new ServeCommand()), "--kubernetes", "--observe"))
                .isEqualTo(new CliRun(ExitCodes.USAGE, "", "shipshape: --observe needs --docker-plugin\n"));
    }
}
