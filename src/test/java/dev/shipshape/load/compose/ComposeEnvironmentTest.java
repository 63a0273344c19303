package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variables of the command line, the shell and env files, in Compose's order. */
class ComposeEnvironmentTest {

    @TempDir
    Path folder;

    @Test
    void envBeatsTheShellWhichBeatsEnvFilesOfWhichTheLaterWins() throws Exception {
        Path first = Files.writeString(folder.resolve("a.env"), "A=from-a\nB=from-a\nC=from-a\nD=from-a\n");
        Path second = Files.writeString(folder.resolve("b.env"), "B=from-b\nC=from-b\nD=from-b\nE=${A}-then-b\n");
        List<Diagnostic> diagnostics = new ArrayList<>();

        ComposeEnvironment environment = ComposeEnvironment.fromCommandLine(Map.of("C", "from-shell", "D", "from-shell"),
                List.of(first, second), Map.of("D", "from-env"), true, diagnostics);

        assertThat(environment.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A", "from-a", "B", "from-b", "C", "from-shell", "D", "from-env", "E", "from-a-then-b"));
        assertThat(environment.readsDotEnv()).isFalse();
        assertThat(environment.strict()).isTrue();
        assertThat(diagnostics).isEmpty();
        assertThat(ComposeEnvironment.fromCommandLine(Map.of(), List.of(), Map.of(), false, diagnostics).readsDotEnv()).isTrue();
    }

    @Test
    void aMissingEnvFileStopsTheRun() {
        Path missing = folder.resolve("missing.env");
        assertThatThrownBy(() -> ComposeEnvironment.fromCommandLine(Map.of(), List.of(missing), Map.of(), false, new ArrayList<>()))
                .isInstanceOf(ComposeEnvironment.UnreadableEnvFile.class)
                .hasMessage("env file not found: " + missing);
    }

    @Test
    void withEnvFilesTheDotEnvBesideTheFileIsNotRead() throws IOException {
        Path project = Files.createDirectories(folder.resolve("app"));
        Files.writeString(project.resolve(".env"), "TAG=from-dotenv\n");
        Path file = Files.writeString(project.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:${TAG}\n");

        LoadResult withDotEnv = new ComposeLoader().load(file, "app/compose.yaml", SourceKind.COMPOSE,
                ComposeEnvironment.of(Map.of()), null);
        LoadResult withEnvFiles = new ComposeLoader().load(file, "app/compose.yaml", SourceKind.COMPOSE,
                new ComposeEnvironment(Map.of("TAG", "from-env-file"), false, false), null);

        assertThat(withDotEnv.inventory().workloads().getFirst().containers().getFirst().image().value()).isEqualTo("nginx:from-dotenv");
        assertThat(withEnvFiles.inventory().workloads().getFirst().containers().getFirst().image().value())
                .isEqualTo("nginx:from-env-file");
        assertThat(withEnvFiles.filesRead()).isEmpty();
    }

    @Test
    void aVolumeEmptiedByAnUnsetVariableIsKeptWithItsSourceUnknown() throws IOException {
        Path file = Files.writeString(folder.resolve("compose.yaml"), """
                services:
                  db:
                    image: postgres:16
                    volumes:
                      - ${DATA}:/var/lib/postgresql/data:ro
                      - ${ALSO_UNSET}:${TARGET_UNSET}
                """);

        LoadResult result = new ComposeLoader().load(file, "compose.yaml", SourceKind.COMPOSE, ComposeEnvironment.of(Map.of()), null);

        Origin first = Origin.at("compose.yaml", 5, 9);
        Origin second = Origin.at("compose.yaml", 6, 9);
        assertThat(result.inventory().workloads().getFirst().containers().getFirst().mounts()).containsExactly(
                new Mount(Mount.Type.OTHER, null, "/var/lib/postgresql/data", Setting.of(true, first), first));
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(first, "variable DATA is not set; using an empty string"),
                Diagnostic.warning(second, "variable ALSO_UNSET is not set; using an empty string"),
                Diagnostic.warning(second, "variable TARGET_UNSET is not set; using an empty string"),
                Diagnostic.warning(first, "the volume \":/var/lib/postgresql/data:ro\" has an empty source after interpolation;"
                        + " it is judged with its source unknown"),
                // with no target either, nothing is left to judge: it stays a visible warning
                Diagnostic.warning(second, "\":\" is not a volume: write [SOURCE:]TARGET[:MODE] (after interpolation); skipped"));
    }
}
