package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.load.docker.PrivateDockerEngine;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * shipshape as the authorization plugin of a real Docker Engine (Debian's dockerd on a private
 * socket), found through a uniquely named spec file in /etc/docker/plugins holding its loopback
 * address, as dockerd finds plugins. The plugin runs before dockerd starts, as it must.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerPluginEndToEndTest {

    private static final String PLUGIN = "shipshape-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DENIED = "authorization denied by plugin " + PLUGIN + ": shipshape denied: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The flags that leave the rules nothing at or above high to say about a `docker run`. */
    private static final List<String> HARDENED = List.of("--network", "none", "--user", "10001:10001", "--read-only",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--memory", "64m", "--cpus", "0.5",
            "--pids-limit", "50", "--restart", "on-failure:5", "--health-cmd", "true");

    @TempDir
    static Path folder;

    static Path logFile;
    static DecisionLog log;
    static Gate gate;
    static GateServer server;
    static int port;
    static PluginSpecFile spec;
    static PrivateDockerEngine engine;

    @BeforeAll
    static void startPluginThenDaemon() throws IOException {
        logFile = folder.resolve("decisions.jsonl");
        log = DecisionLog.toFile(logFile, Clock.systemUTC());
        gate = new Gate(new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC()), log);
        server = GateServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), EnumSet.of(GateServer.Door.DOCKER_PLUGIN), gate, 4);
        port = server.address().getPort();
        spec = PluginSpecFile.write(PluginSpecFile.DEFAULT_FOLDER, PLUGIN, server.address());
        engine = PrivateDockerEngine.startWith(List.of("--authorization-plugin=" + PLUGIN));
    }

    @AfterAll
    static void stopDaemonThenPlugin() throws IOException {
        try {
            if (engine != null) engine.stop();
        } finally {
            if (server != null) server.close();
            if (spec != null) spec.close();
            if (log != null) log.close();
        }
        assertThat(PluginSpecFile.DEFAULT_FOLDER.resolve(PLUGIN + ".spec")).doesNotExist();
    }

    @Test
    @Order(1)
    void theSpecFilePointsDockerdAtThePlugin() throws IOException {
        assertThat(Files.readString(spec.file(), StandardCharsets.UTF_8)).isEqualTo("tcp://127.0.0.1:" + port + "\n");
        assertThat(gate.metrics().render()).contains("shipshape_requests_total{endpoint=\"/Plugin.Activate\",code=\"200\"}");
    }

    @Test
    @Order(2)
    void aPrivilegedRunIsRefusedWithShipshapesMessage() {
        Run run = docker(Duration.ofMinutes(2), "run", "--rm", "--name", "root-shell", "--privileged", PrivateDockerEngine.IMAGE, "true");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains(DENIED + "privileged-container: container 'root-shell' runs privileged");
        assertThat(run.output()).contains("(set \"enforce\" in .shipshape.yaml to change this)");
        assertThat(docker(Duration.ofMinutes(1), "ps", "-a", "--format", "{{.Names}}").output()).doesNotContain("root-shell");
    }

    @Test
    @Order(3)
    void aHardenedRunIsAllowedAndRuns() {
        List<String> arguments = new ArrayList<>(List.of("run", "-d", "--name", "hardened"));
        arguments.addAll(HARDENED);
        arguments.add(PrivateDockerEngine.IMAGE);
        Run run = docker(Duration.ofMinutes(2), arguments.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(docker(Duration.ofMinutes(1), "inspect", "--format", "{{.State.Running}}", "hardened").output().strip()).isEqualTo("true");
    }

    @Test
    @Order(4)
    void aPrivilegedExecIsRefused() {
        Run run = docker(Duration.ofMinutes(1), "exec", "--privileged", "hardened", "id");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains(DENIED + "privileged-container: exec in container 'hardened' runs privileged");
        assertThat(docker(Duration.ofMinutes(1), "exec", "hardened", "id", "-u").output().strip()).isEqualTo("10001");
    }

    @Test
    @Order(5)
    void joiningAForeignSwarmIsRefused() {
        Run run = docker(Duration.ofMinutes(1), "swarm", "join", "--token",
                "SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx", "192.0.2.10:2377");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains(DENIED + "host-handover: an unauthenticated user (the daemon names none without TLS client "
                + "certificates) may not swarm-join: joining a swarm lets its managers run tasks on this host");
    }

    @Test
    @Order(6)
    void initialisingASwarmThatListensOnEveryInterfaceIsRefused() {
        Run run = docker(Duration.ofMinutes(1), "swarm", "init", "--advertise-addr", "127.0.0.1");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains(DENIED + "host-handover: an unauthenticated user (the daemon names none without TLS client "
                + "certificates) may not swarm-init: a swarm that listens, advertises or carries data beyond loopback");
        assertThat(docker(Duration.ofMinutes(1), "info", "--format", "{{.Swarm.LocalNodeState}}").output().strip()).isEqualTo("inactive");
    }

    @Test
    @Order(7)
    void aBuildOnTheHostsNetworkIsRefused() throws IOException {
        Path context = Files.createDirectories(folder.resolve("build-context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + PrivateDockerEngine.IMAGE + "\nRUN true\n", StandardCharsets.UTF_8);

        Run hostNetwork = docker(Duration.ofMinutes(2), List.of("DOCKER_BUILDKIT=0"), "build", "--network", "host", "-t", "on-host", context.toString());
        Run plain = docker(Duration.ofMinutes(2), List.of("DOCKER_BUILDKIT=0"), "build", "--network", "none", "-t", "plain", context.toString());

        assertThat(hostNetwork.exitCode()).isNotZero();
        assertThat(hostNetwork.output()).contains(DENIED + "host-handover: an unauthenticated user (the daemon names none without TLS "
                + "client certificates) may not build-privileged");
        assertThat(plain.exitCode()).as(plain.output()).isZero();
    }

    @Test
    @Order(8)
    void aLoopbackSwarmIsAllowedAndAServiceBindingTheHostsEtcThroughALocalVolumeIsRefused() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Run init = docker(Duration.ofMinutes(2), "swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", "127.0.0.1:" + port);
        assertThat(init.exitCode()).as(init.output()).isZero();
        try {
            Run service = docker(Duration.ofMinutes(1), "service", "create", "--detach", "--no-resolve-image", "--name", "etc-reader",
                    "--mount", "type=volume,source=etc,target=/h,volume-driver=local,volume-opt=type=none,volume-opt=o=bind,"
                            + "volume-opt=device=/etc", PrivateDockerEngine.IMAGE, "true");

            assertThat(service.exitCode()).isNotZero();
            assertThat(service.output()).contains(DENIED).contains("/etc");
            assertThat(docker(Duration.ofMinutes(1), "service", "ls", "--format", "{{.Name}}").output()).doesNotContain("etc-reader");
        } finally {
            docker(Duration.ofMinutes(1), "swarm", "leave", "--force");
        }
    }

    @Test
    @Order(9)
    void theDecisionLogHoldsAllThree() throws IOException {
        List<JsonNode> decisions = decisions();
        JsonNode privileged = decisions.stream()
                .filter(line -> line.path("uri").asText().matches("/v[0-9.]+/containers/create\\?name=root-shell")).findFirst().orElseThrow();
        JsonNode hardened = decisions.stream()
                .filter(line -> line.path("uri").asText().matches("/v[0-9.]+/containers/create\\?name=hardened")).findFirst().orElseThrow();
        JsonNode exec = decisions.stream()
                .filter(line -> line.path("uri").asText().matches("/v[0-9.]+/containers/hardened/exec")
                        && line.path("decision").asText().equals("denied")).findFirst().orElseThrow();

        assertThat(privileged.path("decision").asText()).isEqualTo("denied");
        assertThat(privileged.path("method").asText()).isEqualTo("POST");
        assertThat(privileged.path("action").asText()).isEqualTo("container-create");
        assertThat(privileged.path("rules").get(0).asText()).isEqualTo("privileged-container");
        assertThat(hardened.path("decision").asText()).isIn("allowed", "warned");
        assertThat(hardened.path("rules").toString()).doesNotContain("privileged-container");
        assertThat(exec.path("action").asText()).isEqualTo("container-exec");
        assertThat(exec.path("rules").toString()).isEqualTo("[\"privileged-container\"]");
        assertThat(exec.path("endpoint").asText()).isEqualTo("POST /containers/{name:.*}/exec");
        assertThat(exec.path("object").asText()).isEqualTo("hardened");
        assertThat(exec.path("bodySha256").asText()).matches("[0-9a-f]{64}");
        assertThat(privileged.path("endpoint").asText()).isEqualTo("POST /containers/create");
        assertThat(privileged.path("object").asText()).isEqualTo("root-shell");
        assertThat(privileged.path("findings").get(0).path("rule").asText()).isEqualTo("privileged-container");
        assertThat(decisions).anySatisfy(line -> assertThat(line.path("endpoint").asText()).isEqualTo("POST /swarm/join"));
        // the daemon asks about every call: the CLI's pings and inspects are logged as allowed
        assertThat(decisions).anySatisfy(line -> assertThat(line.path("uri").asText()).endsWith("/_ping"));
    }

    @Test
    @Order(10)
    void withShipshapeStoppedTheDaemonFailsRequestsAsDocumented() throws IOException {
        server.close();
        try {
            // dockerd retries a dead plugin for about 30 s, then fails the call: Docker's authorization fails closed
            Run run = docker(Duration.ofSeconds(120), "ps");

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).contains("plugin " + PLUGIN + " failed with error");
        } finally {
            server = GateServer.start(new InetSocketAddress("127.0.0.1", port), Optional.empty(),
                    EnumSet.of(GateServer.Door.DOCKER_PLUGIN), gate, 4);
        }
        // each call dials the plugin afresh: once it is back, requests pass again
        assertThat(docker(Duration.ofMinutes(2), "ps", "--format", "{{.Names}}").output()).contains("hardened");
    }

    private static List<JsonNode> decisions() throws IOException {
        log.sync();
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            List<JsonNode> decisions = new ArrayList<>();
            for (String line : lines.toList()) decisions.add(JSON.readTree(line));
            return decisions;
        }
    }

    record Run(int exitCode, String output) {
    }

    /** The docker CLI against the private engine; failures are results here, not errors. */
    private static Run docker(Duration timeout, String... arguments) {
        return docker(timeout, List.of(), arguments);
    }

    /** @param environment {@code NAME=value} settings added to the CLI's environment */
    private static Run docker(Duration timeout, List<String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(dockerCli(), "-H", engine.host()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            for (String setting : environment) {
                builder.environment().put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
            Process process = builder.start();
            process.getOutputStream().close();
            java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException closed) {
                    return "";
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out: " + String.join(" ", command));
            }
            return new Run(process.exitValue(), output.get(30, TimeUnit.SECONDS));
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException failed) {
            throw new IllegalStateException("cannot run " + command, failed);
        }
    }

    private static String dockerCli() {
        return Stream.of("/usr/local/bin/docker", "/usr/bin/docker").filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the docker CLI is not installed (docker.io has it)"));
    }
}
