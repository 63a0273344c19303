package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.load.docker.HostFiles;
import dev.shipshape.load.docker.PrivateDockerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code audit docker} under the same policy as {@code scan}, against the private engine: waivers
 * that name live objects, and a baseline written and read back by object name.
 */
class AuditDockerPolicyTest {

    static PrivateDockerEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = PrivateDockerEngine.shared();
        for (String name : List.of("policy-root", "policy-waived", "kept-root")) {
            if (engine.docker("ps", "-aq", "--filter", "name=^" + name + "$").isEmpty()) {
                engine.docker("run", "-d", "--name", name, "--network", "none", PrivateDockerEngine.IMAGE);
            }
        }
    }

    private static CliRun audit(Path folder, String... args) {
        CommandLine commandLine = ShipshapeCommand.commandLine();
        AuditDockerCommand command = commandLine.getSubcommands().get("audit").getSubcommands().get("docker").getCommand();
        command.environment = Map.of();
        command.hostFiles = new HostFiles(folder.resolve("daemon.json"), folder.resolve("group"), folder.resolve("passwd"));
        List<String> all = new ArrayList<>(List.of("audit", "docker", "--host", engine.host()));
        all.addAll(List.of(args));
        return CliRun.on(commandLine, all.toArray(String[]::new));
    }

    private static List<JsonNode> about(JsonNode findings, String object) {
        return StreamSupport.stream(findings.spliterator(), false).filter(finding -> object.equals(finding.path("object").asText())).toList();
    }

    @Test
    void aWaiverForALiveContainerHidesItsFindingAndOnlyItsFinding(@TempDir Path folder) throws IOException {
        Path config = folder.resolve(".shipshape.yaml");
        Files.writeString(config, """
                waivers:
                  - rule: runs-as-root
                    target: container:policy-waived
                    reason: vendor image, runs as root by design
                    owner: platform-team@example.com
                    expires: 2099-12-31
                """);

        CliRun run = audit(folder, "--rule", "runs-as-root", "--config", config.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(about(json.path("findings"), "container:policy-waived")).isEmpty();
        assertThat(about(json.path("findings"), "container:policy-root")).hasSize(1);
        List<JsonNode> waived = about(json.path("suppressed"), "container:policy-waived");
        assertThat(waived).hasSize(1);
        assertThat(waived.getFirst().path("rule").asText()).isEqualTo("runs-as-root");
        assertThat(waived.getFirst().path("reason").asText()).isEqualTo("vendor image, runs as root by design");
        assertThat(waived.getFirst().path("waiver").path("owner").asText()).isEqualTo("platform-team@example.com");
        assertThat(waived.getFirst().path("waiver").path("expires").asText()).isEqualTo("2099-12-31");
    }

    @Test
    void aWaiverGlobAndTheDaemonTargetMatchLiveObjects(@TempDir Path folder) throws IOException {
        Path config = folder.resolve(".shipshape.yaml");
        Files.writeString(config, """
                waivers:
                  - rule: runs-as-root
                    target: container:policy-*
                    reason: test containers
                    owner: qa@example.com
                    expires: 2099-12-31
                  - rule: daemon-without-authorization-plugin
                    target: daemon
                    reason: the gate is rolled out next quarter
                    owner: platform-team@example.com
                    expires: 2099-12-31
                """);

        CliRun run = audit(folder, "--rule", "runs-as-root,daemon-without-authorization-plugin", "--config", config.toString(),
                "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(about(json.path("findings"), "container:policy-root")).isEmpty();
        assertThat(about(json.path("findings"), "container:policy-waived")).isEmpty();
        assertThat(about(json.path("findings"), "container:kept-root")).as("not matched by the glob").hasSize(1);
        assertThat(about(json.path("findings"), "daemon")).isEmpty();
        assertThat(about(json.path("suppressed"), "daemon")).hasSize(1);
        assertThat(about(json.path("suppressed"), "container:policy-root")).hasSize(1);
    }

    @Test
    void aBaselineRoundTripReportsOnlyWhatIsNew(@TempDir Path folder) throws IOException {
        Path baseline = folder.resolve("host-baseline.json");

        CliRun write = audit(folder, "--rule", "runs-as-root", "--write-baseline", baseline.toString(), "--format", "json");

        assertThat(write.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(write.err()).matches("shipshape: wrote \\d+ findings? to the baseline " + java.util.regex.Pattern.quote(baseline.toString()) + "\n");
        JsonNode written = new ObjectMapper().readTree(baseline.toFile());
        JsonNode entry = about(written.path("findings"), "container:policy-root").getFirst();
        assertThat(entry.path("file").asText()).isEmpty();
        assertThat(entry.path("rule").asText()).isEqualTo("runs-as-root");
        // The report names each finding by the same fingerprint as the baseline.
        JsonNode reported = about(new ObjectMapper().readTree(write.out()).path("findings"), "container:policy-root").getFirst();
        assertThat(reported.path("fingerprint").asText()).isEqualTo(entry.path("fingerprint").asText()).matches("[0-9a-f]{32}");

        CliRun again = audit(folder, "--rule", "runs-as-root", "--baseline", baseline.toString(), "--no-color");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("no new findings, " + written.path("findings").size() + " in the baseline, 0 fixed");

        engine.docker("run", "-d", "--name", "policy-fresh", "--network", "none", PrivateDockerEngine.IMAGE);
        try {
            CliRun withNew = audit(folder, "--rule", "runs-as-root", "--baseline", baseline.toString(), "--no-color", "--quiet");
            assertThat(withNew.exitCode()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(withNew.out()).matches("container policy-fresh \\([0-9a-f]{12}\\): high runs-as-root container 'policy-fresh' "
                    + "runs as root: neither it nor its image sets a user\n");
        } finally {
            engine.docker("rm", "-f", "policy-fresh");
        }
    }

    @Test
    void aMissingBaselineIsAUsageError(@TempDir Path folder) {
        CliRun run = audit(folder, "--baseline", folder.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: no such baseline file: " + folder.resolve("nope.json")
                + " (write one with --write-baseline " + folder.resolve("nope.json") + ")\n");
    }
}
