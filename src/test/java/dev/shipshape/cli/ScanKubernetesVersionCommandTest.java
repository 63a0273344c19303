package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --kubernetes-version}: deprecated-api-version judges against the release asked for. */
class ScanKubernetesVersionCommandTest {

    private static final String MANIFEST = """
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 1
              selector:
                matchLabels: {app: web}
            """;

    private static CliRun scan(Path folder, String... options) throws Exception {
        Path policy = Files.writeString(folder.resolve(".shipshape.yaml"), "");
        Files.writeString(folder.resolve("pdb.k8s.yaml"), MANIFEST);
        String[] args = new String[options.length + 6];
        args[0] = "scan";
        args[1] = folder.resolve("pdb.k8s.yaml").toString();
        args[2] = "--config";
        args[3] = policy.toString();
        args[4] = "--rule";
        args[5] = "deprecated-api-version";
        System.arraycopy(options, 0, args, 6, options.length);
        return CliRun.of(args);
    }

    @Test
    void byDefaultTheNewestReleaseHasRemovedPolicyV1beta1(@TempDir Path folder) throws Exception {
        CliRun run = scan(folder, "--no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("PodDisruptionBudget 'web' uses policy/v1beta1, removed in Kubernetes 1.25: use policy/v1");
    }

    @Test
    void anOlderClusterStillServesIt(@TempDir Path folder) throws Exception {
        CliRun run = scan(folder, "--kubernetes-version", "v1.24.3", "--no-color");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("deprecated-api-version");
    }

    @Test
    void theReleaseItWasRemovedInNamesTheTarget(@TempDir Path folder) throws Exception {
        CliRun run = scan(folder, "--kubernetes-version", "1.25", "--no-color");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("uses policy/v1beta1, removed in Kubernetes 1.25 (target 1.25): use policy/v1");
    }

    @Test
    void aVersionThatIsNoReleaseIsAUsageError(@TempDir Path folder) throws Exception {
        CliRun run = scan(folder, "--kubernetes-version", "latest");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--kubernetes-version wants a release such as 1.25, not 'latest'");
    }
}
