package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * .pre-commit-hooks.yaml: which files start a hook, and the hooks' entries run the way pre-commit runs
 * them (from the root of the user's repository; a script hook's entry is a path inside this repository).
 */
class PreCommitHooksTest {

    private static List<Map<String, Object>> hooks;

    @TempDir
    Path project;

    @TempDir
    Path bin;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ReleaseArtifacts.REPOSITORY.resolve(".pre-commit-hooks.yaml")));
    }

    private static Map<String, Object> hook(String id) {
        return hooks.stream().filter(hook -> id.equals(hook.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no hook " + id));
    }

    @Test
    void threeWaysToRunEachWithItsLanguage() {
        assertThat(hooks).extracting(hook -> hook.get("id") + " " + hook.get("language"))
                .containsExactly("shipshape script", "shipshape-system system", "shipshape-docker docker_image");
        assertThat(hook("shipshape-docker").get("entry")).as("the image deploy/kubernetes runs")
                .isEqualTo("ghcr.io/shipshape-dev/shipshape:0.1.0 scan .");
        for (Map<String, Object> hook : hooks) {
            assertThat(hook).containsEntry("pass_filenames", false).containsKeys("name", "description", "files");
        }
    }

    /** pre-commit matches {@code files} with Python's re.search against paths from the repository root. */
    @Test
    void filesStartTheHookForContainerFilesOnly() {
        Pattern files = Pattern.compile((String) hook("shipshape").get("files"));

        for (String path : List.of("Dockerfile", "docker/Dockerfile", "Dockerfile.prod", "api.Dockerfile", "Containerfile",
                "compose.yaml", "deploy/k8s/app.yml", "etc/docker/daemon.json")) {
            assertThat(files.matcher(path).find()).as(path).isTrue();
        }
        for (String path : List.of("README.md", "src/Main.java", "package.json", "Dockerfile.md/notes.txt", "daemon.json.bak")) {
            assertThat(files.matcher(path).find()).as(path).isFalse();
        }
    }

    private ExternalCommand.Outcome entry(String id, String program) {
        List<String> command = new ArrayList<>(List.of(((String) hook(id).get("entry")).split(" ")));
        command.set(0, program);
        return ExternalCommand.of(project, command.toArray(String[]::new)).withTimeout(Duration.ofMinutes(3)).withEnvironment(Map.of(
                "PATH", bin + ":/usr/bin:/bin",
                "HOME", project.toString(),
                "SHIPSHAPE_JAVA_HOME", ReleaseArtifacts.javaHome().toString())).run();
    }

    @Test
    void theScriptHookRunsTheRepositoryLauncherInTheUsersRepository() throws IOException {
        Files.writeString(project.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
        Files.writeString(project.resolve("workflow.yml"), "on: push\njobs: {}\n");

        ExternalCommand.Outcome run = entry("shipshape", ReleaseArtifacts.REPOSITORY.resolve("shipshape").toString());

        assertThat(run.exitCode()).as(run.shown()).isEqualTo(1);
        assertThat(run.out()).startsWith("compose.yaml:").contains("compose.yaml:4:5: critical privileged-container ", "scanned 1 Compose file(s)")
                .as("a YAML file that is not ours is left alone").doesNotContain("workflow.yml");
    }

    @Test
    void theSystemHookRunsTheShipshapeOnPath() throws IOException {
        Files.createSymbolicLink(bin.resolve("shipshape"), ReleaseArtifacts.REPOSITORY.resolve("shipshape"));
        Files.writeString(project.resolve("Dockerfile"), "FROM nginx:1.27\nUSER 101\n"
                + "LABEL org.opencontainers.image.source=x org.opencontainers.image.licenses=MIT\nHEALTHCHECK CMD [\"/bin/true\"]\n");

        ExternalCommand.Outcome run = entry("shipshape-system", "shipshape");

        assertThat(run.exitCode()).as(run.shown()).isZero();
        assertThat(run.out()).contains("no findings, 0 suppressed", "scanned 1 Dockerfile file(s)");
    }
}
