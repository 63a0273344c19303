package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shipshape's own deployment (deploy/kubernetes) passes shipshape's own scan. */
class DeployManifestsTest {

    @Test
    void theWebhooksManifestsHaveNoFinding(@TempDir Path folder) throws Exception {
        Path emptyPolicy = Files.writeString(folder.resolve(".shipshape.yaml"), "");
        CliRun scan = CliRun.of("scan", "deploy/kubernetes", "--config", emptyPolicy.toString(), "--no-color", "--show-suppressed");

        assertThat(scan.exitCode()).as(scan.out() + scan.err()).isEqualTo(ExitCodes.OK);
        assertThat(scan.out()).contains("no findings, 1 suppressed").contains("scanned 10 Kubernetes file(s)")
                .as("the one suppression, with its reason").contains("rbac-secrets-access", "the audit lists Secrets as metadata only");
    }
}
