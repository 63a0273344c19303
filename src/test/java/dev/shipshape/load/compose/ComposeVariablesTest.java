package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interpolation as the loader applies it: sources of values, where problems point, what is marked interpolated. */
class ComposeVariablesTest {

    @TempDir
    Path folder;

    private LoadResult load(String yaml, SourceKind kind, Map<String, String> environment) throws IOException {
        Path project = Files.createDirectories(folder.resolve("app"));
        Path file = project.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return new ComposeLoader().load(file, "app/compose.yaml", kind, environment);
    }

    private static Origin at(int line, int column) {
        return Origin.at("app/compose.yaml", line, column);
    }

    private static Container onlyContainer(LoadResult result) {
        return result.inventory().workloads().getFirst().containers().getFirst();
    }

    @Test
    void valuesComeFromTheEnvironmentThenTheDotEnvFileBesideTheFile() throws IOException {
        Files.createDirectories(folder.resolve("app"));
        Files.writeString(folder.resolve("app/.env"), "TAG=from-dotenv\nUSER_ID=1000 # the app user\nPRIV=true\n");
        LoadResult result = load("""
                services:
                  web:
                    image: "nginx:${TAG}"
                    user: $USER_ID
                    privileged: ${PRIV}
                """, SourceKind.COMPOSE, Map.of("TAG", "from-shell"));
        assertThat(result.diagnostics()).isEmpty();
        Container web = onlyContainer(result);
        assertThat(web.image()).isEqualTo(Setting.of("nginx:from-shell", at(3, 5)));
        assertThat(web.user()).isEqualTo(Setting.of("1000", at(4, 5)));
        assertThat(web.privileged()).isEqualTo(Setting.of(true, at(5, 5)));
        assertThat(result.filesRead()).containsExactly("app/.env");
    }

    @Test
    void unsetVariableIsAWarningAtTheScalarNamingIt() throws IOException {
        LoadResult result = load("""
                services:
                  db:
                    image: postgres:${DB_TAG}
                """, SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(3, 12), "variable DB_TAG is not set; using an empty string"));
        assertThat(onlyContainer(result).image()).isEqualTo(Setting.of("postgres:", at(3, 5)));
    }

    @Test
    void requiredVariableIsAWarningWithItsMessageAndTheServiceIsStillRead() throws IOException {
        LoadResult result = load("""
                services:
                  db:
                    image: postgres
                    environment:
                      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}
                """, SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(5, 26), "required variable DB_PASSWORD is missing a value: set DB_PASSWORD"
                        + " (judged with its value unknown; --strict-env makes this an error)"));
        assertThat(result.inventory().workloads()).hasSize(1);
    }

    @Test
    void environmentEntriesKnowWhetherTheyWereInterpolated() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    environment:
                      - DB_PASSWORD=${DB_PASSWORD}
                      - ${PREFIX}_MODE=prod
                      - PLAIN=secret
                      - PRICE=5$$
                """, SourceKind.COMPOSE, Map.of("DB_PASSWORD", "hunter2", "PREFIX", "APP"));
        assertThat(onlyContainer(result).environment()).containsExactly(
                EnvVar.literal("DB_PASSWORD", "hunter2", true, at(5, 9)),
                EnvVar.literal("APP_MODE", "prod", true, at(6, 9)),
                EnvVar.literal("PLAIN", "secret", false, at(7, 9)),
                EnvVar.literal("PRICE", "5$", false, at(8, 9)));
    }

    @Test
    void mapKeysAreNotInterpolated() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    environment:
                      ${NAME}: value
                """, SourceKind.COMPOSE, Map.of("NAME", "X"));
        assertThat(onlyContainer(result).environment()).extracting(EnvVar::name).containsExactly("${NAME}");
    }

    @Test
    void aStackFileDoesNotReadDotEnv() throws IOException {
        Files.createDirectories(folder.resolve("app"));
        Files.writeString(folder.resolve("app/.env"), "TAG=from-dotenv\n");
        LoadResult result = load("""
                services:
                  web:
                    image: nginx:${TAG:-stable}
                """, SourceKind.STACK, Map.of());
        assertThat(onlyContainer(result).image().value()).isEqualTo("nginx:stable");
        assertThat(result.filesRead()).isEmpty();
    }

    @Test
    void aBrokenDotEnvLineIsAWarningInTheDotEnvFile() throws IOException {
        Files.createDirectories(folder.resolve("app"));
        Files.writeString(folder.resolve("app/.env"), "GOOD=1\nthis is not an assignment\n");
        LoadResult result = load("services:\n  web:\n    image: nginx:$GOOD\n", SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(Origin.at("app/.env", 2, 1), "not a KEY=VALUE line; ignored"));
        assertThat(onlyContainer(result).image().value()).isEqualTo("nginx:1");
    }

    // snakeyaml starts an anchored node at its anchor (column 10), not at the quoted value.
    @Test
    void anUnsetVariableInAnAnchorUsedTwiceIsReportedOnce() throws IOException {
        LoadResult result = load("""
                x-image: &image "app:${TAG}"
                services:
                  a:
                    image: *image
                  b:
                    image: *image
                """, SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(at(1, 10), "variable TAG is not set; using an empty string"));
    }
}
