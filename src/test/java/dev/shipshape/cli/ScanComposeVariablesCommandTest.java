package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --env-file}, {@code --env} and {@code --strict-env}: Compose variables as CI sets them. */
class ScanComposeVariablesCommandTest {

    @TempDir
    Path folder;

    /** Variable names no CI machine sets, so that the shell's environment never interferes. */
    private static final String COMPOSE = """
            services:
              web:
                image: nginx:${SHIPSHAPE_T_TAG:?set the tag}
                privileged: ${SHIPSHAPE_T_PRIV:-false}
                volumes:
                  - ${SHIPSHAPE_T_DATA}:/data:ro
            """;

    private Path project() throws IOException {
        Path project = Files.createDirectories(folder.resolve("app"));
        Files.writeString(project.resolve("compose.yaml"), COMPOSE);
        return project;
    }

    @Test
    void anUnsetRequiredVariableIsAWarningAndFailOnDecides() throws IOException {
        Path project = project();

        CliRun run = CliRun.of("scan", project.toString(), "--rule", "privileged-container", "--fail-on", "high");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String file = project.resolve("compose.yaml").toString();
        assertThat(run.out()).contains(
                file + ":3:12  warning  required variable SHIPSHAPE_T_TAG is missing a value: set the tag"
                        + " (judged with its value unknown; --strict-env makes this an error)",
                file + ":6:9   warning  the volume \":/data:ro\" has an empty source after interpolation;"
                        + " it is judged with its source unknown");
    }

    @Test
    void strictEnvMakesItAnInputErrorThatFailsTheRun() throws IOException {
        Path project = project();

        CliRun run = CliRun.of("scan", project.toString(), "--rule", "privileged-container", "--fail-on", "high", "--strict-env");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains(project.resolve("compose.yaml") + ":3:12  error    required variable SHIPSHAPE_T_TAG"
                + " is missing a value: set the tag\n");
    }

    @Test
    void envFilesAndEnvSetTheVariablesWithEnvWinning() throws IOException {
        Path project = project();
        // a .env beside the file is not read once --env-file is given, as docker compose does
        Files.writeString(project.resolve(".env"), "SHIPSHAPE_T_PRIV=false\n");
        Path first = Files.writeString(folder.resolve("first.env"), "SHIPSHAPE_T_TAG=1.27\nSHIPSHAPE_T_PRIV=false\n");
        Path second = Files.writeString(folder.resolve("second.env"), "SHIPSHAPE_T_PRIV=true\nSHIPSHAPE_T_DATA=/srv\n");

        CliRun privileged = CliRun.of("scan", project.toString(), "--rule", "privileged-container", "--fail-on", "high",
                "--env-file", first.toString(), "--env-file", second.toString(), "--format", "json");
        CliRun overridden = CliRun.of("scan", project.toString(), "--rule", "privileged-container", "--fail-on", "high",
                "--env-file", first.toString(), "--env-file", second.toString(), "--env", "SHIPSHAPE_T_PRIV=false");

        assertThat(privileged.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(privileged.out()).contains("\"rule\": \"privileged-container\"", "\"line\": 4")
                .doesNotContain("SHIPSHAPE_T_TAG", "empty source");
        assertThat(overridden.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(overridden.out()).doesNotContain("warning");
    }

    @Test
    void aMissingEnvFileOrABadEnvIsAUsageError() throws IOException {
        Path project = project();

        CliRun missing = CliRun.of("scan", project.toString(), "--env-file", folder.resolve("nope.env").toString());
        CliRun bad = CliRun.of("scan", project.toString(), "--env", "NOEQUALS");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).isEqualTo("shipshape: env file not found: " + folder.resolve("nope.env") + "\n");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).isEqualTo("shipshape: --env wants KEY=VALUE, not 'NOEQUALS'\n");
    }
}
