package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.load.docker.PrivateDockerEngine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Dockerfile, built with the real local dockerd (a private one: {@link PrivateDockerEngine})
 * on a glibc base assembled from this machine's files ({@link GlibcBaseImage}), then run the way the README
 * says: {@code scan} of a mounted folder and {@code serve --kubernetes}, both as its non-root user with a
 * read-only root filesystem. Needs the bundle: -Prelease only.
 */
@Tag("release-bundle")
class ContainerImageTest {

    private static final String BASE = "shipshape-test/glibc-base:1";
    private static final String IMAGE = "shipshape-test/shipshape:build";

    @TempDir
    static Path work;

    private static PrivateDockerEngine engine;

    @BeforeAll
    static void buildTheImage() throws IOException {
        engine = PrivateDockerEngine.shared();
        Path runtime = ReleaseArtifacts.bundleFolder().resolve("runtime");
        engine.docker("import", GlibcBaseImage.tarball(runtime, work).toString(), BASE);
        // the legacy builder: the docker CLI here has no buildx, which BuildKit builds need
        ExternalCommand.Outcome build = docker("build", "--build-arg", "BASE_IMAGE=" + BASE, "--build-arg", "REVISION=test",
                "-t", IMAGE, ReleaseArtifacts.REPOSITORY.toString()).withTimeout(Duration.ofMinutes(5)).run();
        assertThat(build.exitCode()).as(build.shown()).isZero();
    }

    private static ExternalCommand docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", engine.host()));
        command.addAll(List.of(arguments));
        return ExternalCommand.of(work, command.toArray(String[]::new)).withEnvironment(Map.of(
                "PATH", "/usr/local/bin:/usr/bin:/bin",
                "DOCKER_BUILDKIT", "0",
                "DOCKER_CONFIG", work.resolve("docker-config").toString()));
    }

    private static ExternalCommand scan(String example) {
        return docker("run", "--rm", "--read-only", "--network", "none",
                "-v", ReleaseArtifacts.REPOSITORY.resolve("examples").resolve(example) + ":/src:ro", IMAGE, "scan", "/src");
    }

    @Test
    void scansAMountedFolder() {
        ExternalCommand.Outcome insecure = scan("insecure").run();
        ExternalCommand.Outcome hardened = scan("hardened").run();

        assertThat(insecure.exitCode()).as(insecure.shown()).isEqualTo(1);
        assertThat(insecure.out()).contains("/src/compose.yaml:", " critical privileged-container ",
                "scanned 1 Compose, 1 Kubernetes, 1 Dockerfile, 1 daemon.json file(s)");
        assertThat(insecure.err()).isEmpty();
        assertThat(hardened.exitCode()).as(hardened.shown()).isZero();
        assertThat(hardened.out()).contains("no findings, 0 suppressed");
    }

    @Test
    void servesTheAdmissionWebhook() throws Exception {
        int port = PrivateDockerEngine.freePort();
        // the private dockerd has no bridge: the server shares the host's network, on loopback (serve's default)
        String container = engine.docker("run", "-d", "--read-only", "--network", "host", IMAGE,
                "serve", "--kubernetes", "--port", Integer.toString(port));
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> health = null;
            for (int attempt = 0; attempt < 150 && health == null; attempt++) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as(() -> "no /healthz answer within 30 s; logs:\n" + docker("logs", container).run().shown()).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(engine.docker("inspect", "--format", "{{.State.Running}}", container)).isEqualTo("true");
        } finally {
            engine.docker("rm", "-f", container);
        }
    }

    @Test
    void runsAsANumericNonRootUserWithLabelsAndTheShipshapeEntrypoint() throws IOException {
        JsonNode config = new ObjectMapper().readTree(engine.docker("image", "inspect", "--format", "{{json .Config}}", IMAGE));

        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"shipshape\"]");
        assertThat(config.path("Cmd").toString()).isEqualTo("[\"--help\"]");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/src");
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("shipshape");
        assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo("test");
        assertThat(labels.path("org.opencontainers.image.base.name").asText()).isEqualTo(BASE);
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isNotBlank();
        System.out.printf("image %s: %d bytes (glibc base assembled from this machine)%n", IMAGE,
                Long.parseLong(engine.docker("image", "inspect", "--format", "{{.Size}}", IMAGE)));
    }
}
