package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.cli.ShipshapeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** shipshape's own Dockerfile and deploy/ pass shipshape's own scan (with the defaults: no project policy). */
class OwnFilesScanTest {

    @Test
    void theDockerfileAndDeployHaveNoFinding(@TempDir Path folder) throws Exception {
        Path defaults = Files.writeString(folder.resolve(".shipshape.yaml"), "");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ShipshapeCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("scan", "Dockerfile", "deploy", "--config", defaults.toString(), "--no-color", "--show-suppressed");

        assertThat(code).as(out + "\n" + err).isZero();
        long manifests;
        try (var files = Files.list(Path.of("deploy/kubernetes"))) {
            manifests = files.filter(file -> file.toString().endsWith(".yaml")).count();
        }
        assertThat(out.toString()).contains("no findings, 2 suppressed", "scanned " + manifests + " Kubernetes, 1 Dockerfile file(s)")
                .as("the two suppressions, with their reasons").contains("missing-healthcheck", "a command-line tool")
                .contains("rbac-secrets-access", "the audit lists Secrets as metadata only");
    }
}
