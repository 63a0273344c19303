package dev.shipshape.load.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole Dockerfiles through {@link DockerfileLoader#load}. */
class DockerfileLoaderTest {

    private static String resource(String name) {
        try (InputStream in = DockerfileLoaderTest.class.getResourceAsStream("/load/dockerfile/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Origin at(String file, int line, int column) {
        return Origin.at(file, line, column);
    }

    @Test
    void aMultiStageNodeBuildLoadsCleanly() {
        String file = "services/orders/Dockerfile";
        LoadResult result = new DockerfileLoader().load(file, resource("multi-stage.Dockerfile"));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.suppressions()).isEmpty();
        assertThat(result.filesRead()).isEmpty();
        assertThat(result.inventory().images()).hasSize(1);
        Image image = result.inventory().images().getFirst();

        assertThat(image.file()).isEqualTo(file);
        assertThat(image.globalArgs()).containsExactly(
                EnvVar.literal("NODE_VERSION", "22.11", false, at(file, 5, 1)),
                EnvVar.literal("RUNTIME_BASE", "gcr.io/distroless/nodejs22-debian12:nonroot", false, at(file, 6, 1)));
        assertThat(image.stages()).extracting(Stage::name).containsExactly("deps", "build", "test", "runtime");
        assertThat(image.stages()).extracting(Stage::baseImage)
                .containsExactly("node:${NODE_VERSION}-bookworm-slim", "deps", "build", "${RUNTIME_BASE}");
        assertThat(image.stages()).extracting(Stage::origin)
                .containsExactly(at(file, 8, 1), at(file, 15, 1), at(file, 30, 1), at(file, 34, 1));

        assertThat(image.user()).isEqualTo(Setting.of("nonroot:nonroot", at(file, 47, 1)));
        assertThat(image.healthcheck()).contains(new Probe(Probe.Kind.HEALTHCHECK, false, at(file, 45, 1)));
        assertThat(image.exposedPorts()).containsExactly(Setting.of("8080/tcp", at(file, 42, 1)));
        assertThat(image.volumes()).containsExactly(Setting.of("/app/uploads", at(file, 43, 1)));
        assertThat(image.labels()).containsExactly(
                new KeyValue("org.opencontainers.image.title", "orders-api", at(file, 35, 1)),
                new KeyValue("org.opencontainers.image.source", "https://example.com/shop/orders-api", at(file, 35, 1)),
                new KeyValue("org.opencontainers.image.licenses", "Apache-2.0", at(file, 35, 1)));
        assertThat(image.environment()).containsExactly(EnvVar.literal("PORT", "8080", false, at(file, 41, 1)));
        assertThat(image.args()).isEmpty();
    }

    @Test
    void theMultiStageBuildsInstructionsKeepTheirDetails() {
        String file = "Dockerfile";
        Image image = new DockerfileLoader().load(file, resource("multi-stage.Dockerfile")).inventory().images().getFirst();

        List<Instruction> deps = image.stages().get(0).instructions();
        assertThat(deps).extracting(Instruction::keyword).containsExactly("FROM", "WORKDIR", "COPY", "RUN");
        assertThat(deps.get(0).flags()).isEqualTo(Map.of("platform", "$BUILDPLATFORM"));
        assertThat(deps.get(3).flags()).isEqualTo(Map.of("mount",
                "type=cache,target=/root/.npm\ntype=secret,id=npmrc,target=/root/.npmrc"));
        assertThat(deps.get(3).arguments()).isEqualTo("npm ci --omit=dev");

        List<Instruction> build = image.stages().get(1).instructions();
        assertThat(build).extracting(Instruction::origin).containsExactly(
                at(file, 15, 1), at(file, 16, 1), at(file, 17, 1), at(file, 19, 1), at(file, 20, 1), at(file, 26, 1));
        assertThat(build.get(4).heredocs()).containsExactly(
                "set -eu\nnpm run build\n# keep the source maps out of the image\nfind dist -name '*.map' -delete\n");
        assertThat(build.get(5).heredocs()).containsExactly("{\"sha\": \"${GIT_SHA}\"}\n");

        List<Instruction> runtime = image.stages().get(3).instructions();
        assertThat(runtime).extracting(Instruction::keyword).containsExactly("FROM", "LABEL", "WORKDIR", "COPY", "COPY",
                "ENV", "EXPOSE", "VOLUME", "COPY", "HEALTHCHECK", "USER", "ENTRYPOINT", "CMD");
        Instruction trigger = runtime.get(8);
        assertThat(trigger.onbuild()).isTrue();
        assertThat(trigger.origin()).isEqualTo(at(file, 44, 9));
        assertThat(runtime.get(9).execForm()).containsExactly("/nodejs/bin/node", "dist/healthcheck.js");
        assertThat(runtime.get(9).flags()).isEqualTo(Map.of("interval", "30s", "timeout", "3s", "retries", "3"));
        assertThat(runtime.get(12).execForm()).containsExactly("dist/server.js");
    }

    @Test
    void aWindowsDockerfileWithTheBacktickEscape() {
        String file = "win/Dockerfile";
        LoadResult result = new DockerfileLoader().load(file, resource("windows.Dockerfile"));

        assertThat(result.diagnostics()).isEmpty();
        Image image = result.inventory().images().getFirst();
        List<Instruction> instructions = image.finalStage().instructions();
        assertThat(instructions).extracting(Instruction::keyword)
                .containsExactly("FROM", "SHELL", "WORKDIR", "RUN", "COPY", "USER", "HEALTHCHECK", "ENTRYPOINT");
        assertThat(instructions.get(3).arguments())
                .isEqualTo("New-Item -ItemType Directory -Path C:\\app\\logs;     Set-Content -Path C:\\app\\ready.txt -Value ok");
        assertThat(instructions.get(4).arguments()).isEqualTo("bin\\ C:\\app\\");
        assertThat(instructions.get(7).execForm()).containsExactly("C:\\app\\service.exe");
        assertThat(image.user()).isEqualTo(Setting.of("ContainerUser", at(file, 10, 1)));
        assertThat(image.healthcheck()).contains(new Probe(Probe.Kind.HEALTHCHECK, true, at(file, 11, 1)));
    }

    @Test
    void aDockerfileWithoutFromGivesAnErrorAndNoImage() {
        LoadResult result = new DockerfileLoader().load("Dockerfile", "RUN make\n");

        assertThat(result.inventory().images()).isEmpty();
        assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at("Dockerfile", 1, 1),
                "no FROM instruction: a Dockerfile must begin its first build stage with FROM"));
    }

    @Test
    void aBrokenDockerfileStillGivesItsImageWithTheErrors() {
        LoadResult result = new DockerfileLoader().load("Dockerfile", "FROM alpine\nRUN <<EOF\nmake\n");

        assertThat(result.inventory().images()).hasSize(1);
        assertThat(result.diagnostics()).extracting(Diagnostic::level).containsExactly(Diagnostic.Level.ERROR);
    }

    @Test
    void aLargeDockerfileLoadsInOnePass() {
        StringBuilder text = new StringBuilder("FROM alpine\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("RUN echo ").append(i).append(" \\\n    && true\nENV V").append(i).append("=x\n");
        }
        LoadResult result = new DockerfileLoader().load("Dockerfile", text.toString());

        assertThat(result.diagnostics()).isEmpty();
        Image image = result.inventory().images().getFirst();
        assertThat(image.finalStage().instructions()).hasSize(40_001);
        assertThat(image.environment().getLast()).isEqualTo(EnvVar.literal("V19999", "x", false, at("Dockerfile", 60_001, 1)));
    }
}
