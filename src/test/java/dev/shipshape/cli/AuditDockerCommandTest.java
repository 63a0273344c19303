package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.docker.HostFiles;
import dev.shipshape.load.docker.PrivateDockerEngine;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shipshape audit docker} end to end: reports about a real engine, and one clear line for each engine it cannot audit. */
class AuditDockerCommandTest {

    static PrivateDockerEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = PrivateDockerEngine.shared();
        if (engine.docker("ps", "-aq", "--filter", "name=^cli-root$").isEmpty()) {
            engine.docker("run", "-d", "--name", "cli-root", "--network", "none", PrivateDockerEngine.IMAGE);
        }
    }

    /** The command as Main runs it, with no DOCKER_* variables from the developer's shell and host files of its own. */
    private static CliRun audit(Path folder, String... args) {
        CommandLine commandLine = ShipshapeCommand.commandLine();
        CommandLine docker = commandLine.getSubcommands().get("audit").getSubcommands().get("docker");
        AuditDockerCommand command = docker.getCommand();
        command.environment = Map.of();
        command.hostFiles = new HostFiles(folder.resolve("daemon.json"), folder.resolve("group"), folder.resolve("passwd"));
        List<String> all = new ArrayList<>(List.of("audit", "docker"));
        all.addAll(List.of(args));
        return CliRun.on(commandLine, all.toArray(String[]::new));
    }

    @Test
    void textNamesTheLiveObjectAndFailsOnFindings(@TempDir Path folder) {
        CliRun run = audit(folder, "--host", engine.host(), "--rule", "runs-as-root", "--no-color");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("(?m)^container cli-root \\([0-9a-f]{12}\\): high runs-as-root "
                + "container 'cli-root' runs as root: neither it nor its image sets a user$");
    }

    @Test
    void failOnDecidesTheExitCode(@TempDir Path folder) {
        assertThat(audit(folder, "--host", engine.host(), "--rule", "image-without-digest", "--fail-on", "medium").exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(audit(folder, "--host", engine.host(), "--rule", "image-without-digest", "--fail-on", "low").exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void jsonAndSarifLocateFindingsAtTheObject(@TempDir Path folder) throws IOException {
        CliRun json = audit(folder, "--host", engine.host(), "--rule", "runs-as-root", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(json.out()).containsPattern("\"object\" ?: ?\"container cli-root \\([0-9a-f]{12}\\)\"");

        Path sarif = folder.resolve("out/host.sarif");
        CliRun toFile = audit(folder, "--host", engine.host(), "--rule", "runs-as-root", "--format", "sarif", "--output", sarif.toString());
        assertThat(toFile.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(sarif, StandardCharsets.UTF_8))
                .containsPattern("\"logicalLocations\"")
                .containsPattern("\"name\" ?: ?\"container cli-root \\([0-9a-f]{12}\\)\"");
    }

    @Test
    void aMissingSocketIsOneLineAndExitTwo(@TempDir Path folder) {
        Path socket = folder.resolve("docker.sock");
        assertOneLine(audit(folder, "--host", "unix://" + socket),
                "shipshape: cannot reach the Docker Engine at unix://" + socket
                        + ": no such socket (is dockerd running? --host or DOCKER_HOST names another engine)");
    }

    @Test
    void aClosedPortIsOneLineAndExitTwo(@TempDir Path folder) {
        int port = PrivateDockerEngine.freePort();
        assertOneLine(audit(folder, "--host", "tcp://127.0.0.1:" + port),
                "shipshape: cannot reach the Docker Engine at tcp://127.0.0.1:" + port
                        + ": connection refused (is dockerd running and listening there?)");
    }

    @Test
    void tlsWithoutCertificatesIsOneLineAndExitTwo(@TempDir Path folder) throws IOException {
        Path certs = Files.createDirectory(folder.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "not used", StandardCharsets.UTF_8);
        assertOneLine(audit(folder, "--host", "tcp://127.0.0.1:2376", "--tls-verify", "--cert-path", certs.toString()),
                "shipshape: --tls-verify needs ca.pem, cert.pem and key.pem in " + certs
                        + " (--cert-path or DOCKER_CERT_PATH); missing: cert.pem, key.pem");
    }

    @Test
    void anApiVersionTheEngineDoesNotSpeakIsOneLineAndExitTwo(@TempDir Path folder) {
        assertOneLine(audit(folder, "--host", engine.host(), "--api-version", "1.99"),
                "shipshape: the Docker Engine at " + engine.host()
                        + " speaks API 1.12 to 1.41, not 1.99 (set by --api-version or DOCKER_API_VERSION)");
        assertOneLine(audit(folder, "--host", engine.host(), "--api-version", "1.20"),
                "shipshape: shipshape needs Docker API 1.25 or newer; " + engine.host() + " was asked for 1.20");
    }

    @Test
    void aSocketWithoutPermissionIsOneLineAndExitTwo(@TempDir Path folder) throws Exception {
        Path socketPath = folder.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socketPath));
            Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("---------"));
            // root passes every permission check through CAP_DAC_OVERRIDE: run the CLI without it, as an
            // ordinary user outside the docker group would run it
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"));
            }
            command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), "dev.shipshape.Main", "audit", "docker", "--host", "unix://" + socketPath));
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertOneLine(new CliRun(process.exitValue(), out, err),
                    "shipshape: cannot reach the Docker Engine at unix://" + socketPath + ": permission denied "
                            + "(run as root, or as a member of the group that owns the socket, usually 'docker')");
        }
    }

    @Test
    void aHostThatIsNoDockerHostIsOneLineAndExitTwo(@TempDir Path folder) {
        assertOneLine(audit(folder, "--host", "http://10.0.0.5:2375"),
                "shipshape: 'http://10.0.0.5:2375' is not a Docker host; use unix:///path/to/docker.sock or tcp://host:port");
    }

    private static void assertOneLine(CliRun run, String expectedLine) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(expectedLine + System.lineSeparator());
    }
}
