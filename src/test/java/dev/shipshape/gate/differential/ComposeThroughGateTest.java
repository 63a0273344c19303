package dev.shipshape.gate.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.DecisionLog;
import dev.shipshape.gate.Gate;
import dev.shipshape.gate.Judge;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose through shipshape's plugin with the default policy, enforcing: {@code docker-compose up -d}
 * of a hardened project (a user network, a named volume, then the container) is let through
 * unchanged and runs, and an unhardened one is denied with shipshape's message.
 *
 * <p>The Compose here is Debian's {@code docker-compose} 1.29 (Python, docker-py: API 1.41 with this
 * dockerd, the same Engine calls as Compose v2 makes for these projects: network create, volume
 * create, container create, network connect, start). Compose v2 (Go) cannot be installed without a
 * Go module proxy or a registry, so it is not tested.
 */
class ComposeThroughGateTest {

    private static final String HARDENED = """
            version: "2.4"
            services:
              web:
                image: %s
                user: "1000:1000"
                read_only: true
                cap_drop: [ALL]
                security_opt: ["no-new-privileges:true"]
                mem_limit: 64m
                cpus: 0.5
                pids_limit: 64
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 5s
                  timeout: 2s
                  retries: 3
                volumes:
                  - data:/data
                networks: [back]
            volumes:
              data:
            networks:
              back:
            """.formatted(DifferentialCorpus.IMAGE);

    private static final String UNHARDENED = """
            version: "2.4"
            services:
              web:
                image: %s
                privileged: true
                volumes:
                  - /:/host
            """.formatted(DifferentialCorpus.IMAGE);

    @TempDir
    static Path folder;

    static PluginDaemon daemon;
    static DecisionLog log;

    @BeforeAll
    static void startDaemonThenEnforce() throws IOException {
        log = DecisionLog.toFile(folder.resolve("decisions.jsonl"), Clock.systemUTC());
        daemon = PluginDaemon.start(new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (daemon != null) daemon.close();
        } finally {
            if (log != null) log.close();
        }
    }

    @Test
    void aHardenedProjectComesUpUnchanged() throws IOException {
        int logged = decisions().size();

        Compose result = composeUp("hardened", HARDENED);

        assertThat(result.exitCode()).as(result.output()).isZero();
        String container = daemon.engine.docker("ps", "-aq", "--filter", "label=com.docker.compose.project=hardened");
        assertThat(container).as("the project's one container").matches("[0-9a-f]{12}");
        assertThat(daemon.engine.docker("inspect", "--format", "{{.State.Running}}", container)).isEqualTo("true");
        assertThat(daemon.engine.docker("inspect", "--format", String.join(" ",
                "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}}",
                "{{.HostConfig.Privileged}} {{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}",
                "{{.Config.Healthcheck.Test}}",
                "{{range .Mounts}}{{.Type}}:{{.Name}}:{{.Destination}}:{{.RW}}{{end}}",
                "{{range $name, $network := .NetworkSettings.Networks}}{{$name}}{{end}}"), container))
                .isEqualTo("1000:1000 true [ALL] [no-new-privileges:true] false 67108864 500000000 64 [CMD true]"
                        + " volume:hardened_data:/data:true hardened_back");

        List<String> all = decisions();
        List<String> decisions = all.subList(logged, all.size()).stream()
                .filter(line -> !line.contains("\"method\":\"GET\"")).toList();
        assertThat(decisions).as("every change Compose asked for was let through").allSatisfy(line ->
                assertThat(line).containsAnyOf("\"decision\":\"allowed\"", "\"decision\":\"warned\""));
        assertThat(decisions).as("and judged: the network, the volume, the container")
                .anySatisfy(line -> assertThat(line).contains("\"endpoint\":\"POST /networks/create\""))
                .anySatisfy(line -> assertThat(line).contains("\"endpoint\":\"POST /volumes/create\""))
                .anySatisfy(line -> assertThat(line).contains("\"endpoint\":\"POST /containers/create\"", "\"object\":\"hardened_web_1\""));
    }

    @Test
    void anUnhardenedProjectIsDeniedWithShipshapesMessage() throws IOException {
        Compose result = composeUp("unhardened", UNHARDENED);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("authorization denied by plugin " + daemon.plugin + ": shipshape denied: ",
                "privileged-container", "sensitive-host-path");
        assertThat(daemon.engine.docker("ps", "-aq", "--filter", "label=com.docker.compose.project=unhardened")).isEmpty();
    }

    private static List<String> decisions() throws IOException {
        log.sync();
        return Files.readAllLines(folder.resolve("decisions.jsonl"), StandardCharsets.UTF_8);
    }

    record Compose(int exitCode, String output) {
    }

    private static Compose composeUp(String project, String file) throws IOException {
        Path projectFolder = Files.createDirectories(folder.resolve(project));
        Files.writeString(projectFolder.resolve("docker-compose.yml"), file, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(composeCommand(), "--no-ansi", "-p", project, "up", "-d"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectFolder.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DOCKER_") || name.startsWith("COMPOSE_"));
        builder.environment().put("DOCKER_HOST", daemon.engine.host());
        builder.environment().put("HOME", folder.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException closed) {
                return "";
            }
        });
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Compose(-1, "timed out: " + String.join(" ", command));
            }
            return new Compose(process.exitValue(), output.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("cannot run " + command, failed);
        }
    }

    private static String composeCommand() {
        return Stream.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose").filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "docker-compose is not installed: this test needs Debian's docker-compose (.ci/run installs it: apt-get install -y docker-compose)"));
    }
}
