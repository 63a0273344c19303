package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's {@code build:} followed to its Dockerfile (fixture folder {@code load/compose/build}). */
class BuildLinkTest {

    private static final Path FOLDER = Path.of("src/test/resources/load/compose/build");

    private final LoadResult result = new ComposeLoader()
            .load(FOLDER.resolve("compose.yaml"), "build/compose.yaml", SourceKind.COMPOSE, Map.of());

    private Container container(String name) {
        return result.inventory().workloads().stream().filter(workload -> workload.name().equals(name))
                .findFirst().orElseThrow().containers().getFirst();
    }

    @Test
    void loadsCleanlyAndNamesEachDockerfileOnce() {
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.filesRead()).containsExactly("build/Dockerfile", "build/api/Dockerfile.prod");
    }

    @Test
    void contextStringUsesItsDockerfile() {
        Image image = container("web").builtFrom().orElseThrow();
        assertThat(image.file()).isEqualTo("build/Dockerfile");
        assertThat(image.user().value()).isEqualTo("nginx");
        assertThat(image.user().origin()).isEqualTo(Origin.at("build/Dockerfile", 2, 1));
    }

    @Test
    void contextAndDockerfileMapping() {
        Image image = container("api").builtFrom().orElseThrow();
        assertThat(image.file()).isEqualTo("build/api/Dockerfile.prod");
        assertThat(image.user().value()).isEqualTo("10001");
    }

    @Test
    void theSameDockerfileIsParsedOnce() {
        assertThat(container("api-debug").builtFrom()).containsSame(container("api").builtFrom().orElseThrow());
    }

    @Test
    void remoteContextsAndInlineDockerfilesAreNotFollowed() {
        assertThat(container("remote").builtFrom()).isEmpty();
        assertThat(container("inline").builtFrom()).isEmpty();
    }

    @Test
    void missingDockerfileIsAWarningAtTheBuildKey(@TempDir Path folder) throws IOException {
        Path project = Files.createDirectories(folder.resolve("app"));
        Files.writeString(project.resolve("compose.yaml"), """
                services:
                  web:
                    image: web
                    build:
                      context: ./web
                """);
        LoadResult missing = new ComposeLoader().load(project.resolve("compose.yaml"), "app/compose.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(missing.diagnostics()).containsExactly(
                Diagnostic.warning(Origin.at("app/compose.yaml", 4, 5), "build: the Dockerfile app/web/Dockerfile does not exist"));
        assertThat(missing.inventory().workloads().getFirst().containers().getFirst().builtFrom()).isEmpty();
        assertThat(missing.filesRead()).isEmpty();
    }
}
