package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * action.yml: well-formed, every input used, and its steps' scripts run as GitHub's runner runs them
 * ({@code bash --noprofile --norc -eo pipefail}, inputs through {@code env:}), with the repository
 * launcher on PATH in place of the installed bundle.
 */
class GitHubActionTest {

    private static final Pattern INPUT = Pattern.compile("\\$\\{\\{\\s*inputs\\.([a-z-]+)\\s*}}");

    private static Map<String, Object> action;

    @TempDir
    Path workspace;

    @TempDir
    Path bin;

    private Path githubOutput;
    private Path githubPath;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ReleaseArtifacts.REPOSITORY.resolve("action.yml")));
    }

    @BeforeEach
    void runnerFiles() throws IOException {
        githubOutput = Files.createFile(workspace.resolve("github-output"));
        githubPath = Files.createFile(workspace.resolve("github-path"));
        Files.createSymbolicLink(bin.resolve("shipshape"), ReleaseArtifacts.REPOSITORY.resolve("shipshape"));
        for (String example : List.of("insecure", "hardened")) {
            Path copy = Files.createDirectories(workspace.resolve(example));
            try (var files = Files.list(ReleaseArtifacts.REPOSITORY.resolve("examples").resolve(example))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputs() {
        return (Map<String, Object>) action.get("inputs");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps() {
        return (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    }

    private static Map<String, Object> step(String name) {
        return steps().stream().filter(step -> name.equals(step.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }

    @Test
    void isACompositeActionWhoseInputsAreAllUsed() {
        assertThat(((Map<?, ?>) action.get("runs")).get("using")).isEqualTo("composite");
        assertThat(inputs().keySet()).containsExactlyInAnyOrder("path", "format", "fail-on", "config", "baseline", "sarif-file", "version");
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> step : steps()) {
            assertThat(step.get("shell")).as("composite run steps name their shell").isEqualTo("bash");
            Matcher reference = INPUT.matcher(String.valueOf(step.get("env")) + step.get("run"));
            while (reference.find()) used.add(reference.group(1));
            assertThat(String.valueOf(step.get("run"))).as("inputs reach scripts through env:, never pasted in")
                    .doesNotContain("${{");
        }
        assertThat(used).isEqualTo(new TreeSet<>(inputs().keySet()));
    }

    /** Runs a step's script with the given inputs over the defaults. */
    @SuppressWarnings("unchecked")
    private ExternalCommand.Outcome runStep(String name, Map<String, String> with) {
        Map<String, Object> step = step(name);
        Map<String, String> values = new HashMap<>();
        inputs().forEach((input, spec) -> values.put(input, String.valueOf(((Map<String, Object>) spec).get("default"))));
        values.putAll(with);
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) step.getOrDefault("env", Map.of())).forEach((variable, value) ->
                environment.put(variable, INPUT.matcher(String.valueOf(value)).replaceAll(input -> Matcher.quoteReplacement(values.get(input.group(1))))));
        environment.putAll(Map.of(
                "PATH", bin + ":/usr/bin:/bin",
                "HOME", workspace.toString(),
                "SHIPSHAPE_JAVA_HOME", ReleaseArtifacts.javaHome().toString(),
                "GITHUB_OUTPUT", githubOutput.toString(),
                "GITHUB_PATH", githubPath.toString(),
                "RUNNER_TEMP", workspace.resolve("runner-temp").toString()));
        return ExternalCommand.of(workspace, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", (String) step.get("run"))
                .withEnvironment(environment).withTimeout(Duration.ofMinutes(3)).run();
    }

    @Test
    void findingsFailTheStepAndStillLeaveTheSarifFile() throws IOException {
        ExternalCommand.Outcome scan = runStep("Scan", Map.of("path", "insecure", "fail-on", "high"));

        assertThat(scan.exitCode()).as(scan.shown()).isEqualTo(1);
        assertThat(scan.out()).as("the text report in the log").contains("privileged-container", "insecure/compose.yaml");
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("shipshape.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").path(0).path("results").size()).isPositive();
        assertThat(Files.readString(githubOutput)).isEqualTo("sarif-file=shipshape.sarif\n");
    }

    @Test
    void aCleanPathPassesWithAnEmptySarifRun() throws IOException {
        ExternalCommand.Outcome scan = runStep("Scan", Map.of("path", "hardened", "sarif-file", "reports/out.sarif", "format", "json"));

        assertThat(scan.exitCode()).as(scan.shown()).isZero();
        assertThat(new ObjectMapper().readTree(scan.out()).path("findings").size()).isZero();
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("reports/out.sarif").toFile());
        assertThat(sarif.path("runs").path(0).path("results").size()).isZero();
    }

    @Test
    void noSarifFileWhenNoneIsAskedFor() throws IOException {
        ExternalCommand.Outcome scan = runStep("Scan", Map.of("path", "hardened insecure", "sarif-file", "", "fail-on", "critical"));

        assertThat(scan.exitCode()).as(scan.shown()).isEqualTo(1);
        assertThat(scan.out()).contains("insecure/compose.yaml", "scanned 2 Compose, 2 Kubernetes, 2 Dockerfile, 2 daemon.json file(s)");
        assertThat(workspace.resolve("shipshape.sarif")).doesNotExist();
        assertThat(Files.readString(githubOutput)).isEqualTo("sarif-file=\n");
    }

    @Test
    void theInstallStepKeepsAShipshapeAlreadyOnPath() throws IOException {
        ExternalCommand.Outcome install = runStep("Install shipshape", Map.of());

        assertThat(install.exitCode()).as(install.shown()).isZero();
        assertThat(install.out()).isEqualTo("using " + bin.resolve("shipshape") + "\n");
        assertThat(Files.readString(githubPath)).isEmpty();
    }
}
