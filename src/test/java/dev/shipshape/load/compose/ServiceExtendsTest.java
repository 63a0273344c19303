package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends} in the same file and from another file (fixture folders {@code load/compose/extends} and {@code shared}). */
class ServiceExtendsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/load/compose");

    private final LoadResult result = new ComposeLoader()
            .load(FIXTURES.resolve("extends/compose.yaml"), "extends/compose.yaml", SourceKind.COMPOSE, Map.of());

    private static Origin local(int line, int column) {
        return Origin.at("extends/compose.yaml", line, column);
    }

    private static Origin common(int line, int column) {
        return Origin.at("shared/common.yml", line, column);
    }

    private Workload service(String name) {
        return result.inventory().workloads().stream().filter(workload -> workload.name().equals(name)).findFirst().orElseThrow();
    }

    private Container container(String name) {
        return service(name).containers().getFirst();
    }

    @Test
    void loadsCleanly() {
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("base", "web", "worker", "chained");
    }

    @Test
    void sameFileBaseGivesWhatTheServiceDoesNotSay() {
        assertThat(service("web").origin()).isEqualTo(local(8, 3));
        assertThat(service("web").lastLine()).isEqualTo(12);
        assertThat(container("web").image()).isEqualTo(Setting.of("app:1", local(3, 5)));
        assertThat(container("web").readOnlyRootFilesystem()).isEqualTo(Setting.of(true, local(4, 5)));
        assertThat(container("web").environment()).containsExactly(
                EnvVar.literal("MODE", "prod", false, local(7, 7)),
                EnvVar.literal("PORT", "8080", false, local(11, 7)));
    }

    @Test
    void capabilitiesAreConcatenatedWithoutRepeats() {
        assertThat(container("web").capabilitiesDropped()).containsExactly(
                Setting.of("ALL", local(12, 16)), Setting.of("NET_RAW", local(12, 21)));
    }

    @Test
    void baseInAnotherFileKeepsItsOrigins() {
        assertThat(container("worker").image()).isEqualTo(Setting.of("worker:2", local(17, 5)));
        assertThat(container("worker").user()).isEqualTo(Setting.of("10001", common(4, 5)));
        assertThat(container("worker").noNewPrivileges()).isEqualTo(Setting.of(true, common(6, 9)));
        assertThat(result.filesRead()).contains("shared/common.yml");
    }

    @Test
    void buildContextOfAnotherFileIsRelativeToThatFile() {
        assertThat(container("worker").builtFrom()).hasValueSatisfying(image -> assertThat(image.file()).isEqualTo("shared/worker/Dockerfile"));
        assertThat(result.filesRead()).containsExactly("shared/common.yml", "shared/worker/Dockerfile");
    }

    @Test
    void extendsIsResolvedRecursively() {
        assertThat(container("chained").image()).isEqualTo(Setting.of("app:1", local(3, 5)));
        assertThat(container("chained").privileged()).isEqualTo(Setting.of(true, local(20, 5)));
        assertThat(container("chained").environment()).extracting(EnvVar::name).containsExactly("MODE", "PORT");
    }

    @Test
    void cycleIsAnErrorAndBothServicesStillLoad(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(file, """
                services:
                  a:
                    extends: b
                    image: x
                  b:
                    extends: a
                """);
        LoadResult cyclic = new ComposeLoader().load(file, "app.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(cyclic.diagnostics()).containsExactly(Diagnostic.error(Origin.at("app.yaml", 3, 5), "extends cycle: a -> b -> a"));
        assertThat(cyclic.inventory().workloads()).extracting(Workload::name).containsExactly("a", "b");
        assertThat(cyclic.inventory().workloads()).allSatisfy(workload ->
                assertThat(workload.containers().getFirst().image().value()).isEqualTo("x"));
    }

    @Test
    void selfReferenceIsACycle(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(file, "services:\n  a:\n    extends: a\n    image: x\n");
        LoadResult cyclic = new ComposeLoader().load(file, "app.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(cyclic.diagnostics()).containsExactly(Diagnostic.error(Origin.at("app.yaml", 3, 5), "extends cycle: a -> a"));
    }

    @Test
    void missingBaseServiceOrFileIsAnErrorAtTheReference(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(file, """
                services:
                  a:
                    extends: nope
                    image: x
                  b:
                    extends:
                      file: missing.yml
                      service: base
                    image: y
                """);
        LoadResult broken = new ComposeLoader().load(file, "app.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(broken.diagnostics()).containsExactly(
                Diagnostic.error(Origin.at("app.yaml", 3, 14), "extends: service 'nope' is not defined"),
                Diagnostic.error(Origin.at("app.yaml", 7, 13), "cannot read the extends file missing.yml: no such file"));
        assertThat(broken.inventory().workloads()).hasSize(2);
    }
}
