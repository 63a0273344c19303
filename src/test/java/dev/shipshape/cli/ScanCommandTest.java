package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.report.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    @TempDir
    Path folder;

    private static final String PRIVILEGED_AND_HOST_NETWORK = """
            services:
              web:
                image: nginx:1.27
                ports:
                  - "127.0.0.1:8080:80"
                privileged: true
              exporter:
                image: prom/node-exporter:v1.8.2
                network_mode: host
            """;

    private static final String HOST_NETWORK_ONLY = """
            services:
              exporter:
                image: prom/node-exporter:v1.8.2
                network_mode: host
            """;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    // ---- usage errors: exit 2 before anything is scanned ----

    @Test
    void aBadFormatListsTheChoices() {
        CliRun run = CliRun.of("scan", "--format", "xml", folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Invalid value for option '--format' (FORMAT[=FILE]): expected one of text, json, sarif, junit, checkstyle, gitlab, github, html but was 'xml'\n")
                .endsWith("See 'shipshape scan --help' for the options and examples.\n")
                .doesNotContain("Usage:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadSeverityListsTheLevels() {
        CliRun run = CliRun.of("scan", "--fail-on", "severe", folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith(
                "Invalid value for option '--fail-on': expected one of critical, high, medium, low, info but was 'severe'");
    }

    @Test
    void aBadSizeSaysHowToWriteOne() {
        CliRun run = CliRun.of("scan", "--max-file-size", "lots", folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("Invalid value for option '--max-file-size': 'lots' is not a size; write it like 10MiB");
    }

    @Test
    void aMissingPathIsNamed() {
        Path missing = folder.resolve("nope.yaml");

        CliRun run = CliRun.of("scan", folder.toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: no such file or directory: " + missing + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingConfigFileIsNamed() throws IOException {
        write("compose.yaml", HOST_NETWORK_ONLY);
        Path missing = folder.resolve("policy.yaml");

        CliRun run = CliRun.of("scan", "--config", missing.toString(), folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: no such configuration file: " + missing + "\n");
    }

    @Test
    void anUnwritableOutputFailsBeforeScanningAndSaysWhy() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);
        Path aFile = write("taken.txt", "not a folder");
        Path output = aFile.resolve("report.json");

        CliRun run = CliRun.of("scan", "--output", output.toString(), compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: cannot write " + output + ": " + aFile + " exists and is not a directory\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOutputThatIsAFolderIsRefused() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);

        CliRun run = CliRun.of("scan", "--output", folder.toString(), compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: cannot write " + folder + ": it is a directory\n");
    }

    // ---- end to end: these run the real scanner and loaders ----

    @Test
    void nothingToScanIsExitTwoUnlessAllowed() throws IOException {
        write("README.md", "# nothing to see\n");

        CliRun refused = CliRun.of("scan", folder.toString());
        CliRun allowed = CliRun.of("scan", "--allow-empty", folder.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).isEqualTo("shipshape: no Dockerfile, Compose, stack, Kubernetes or daemon.json file found under "
                + folder + " (--allow-empty accepts that)\n");
        assertThat(refused.out()).isEmpty();
        assertThat(allowed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.out()).contains("no findings, 0 suppressed\nscanned no files;");
    }

    @Test
    void aPrivilegedServiceFailsTheScanWithTheFindingAtItsLine() throws IOException {
        Path compose = write("compose.yaml", PRIVILEGED_AND_HOST_NETWORK);

        CliRun run = CliRun.of("scan", "--rule", "privileged-container,host-network", compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith(compose + ":6:5: critical privileged-container service 'web' runs privileged\n"
                        + compose + ":9:5: high host-network ")
                .contains("\nHow to fix\n  privileged-container, 1 finding (1 critical): Container runs privileged\n"
                        + "    Remove `privileged: true` from the service; add only the capabilities the process needs with `cap_add`.\n")
                .contains("\nSecurity    1 critical\nNetworking  1 high\n\n")
                .contains("2 findings (1 critical, 1 high), 0 suppressed\n")
                .contains("scanned 1 Compose file(s); 2 rules ran\n");
    }

    @Test
    void failOnIgnoresFindingsBelowIt() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);

        CliRun critical = CliRun.of("scan", "--rule", "host-network", "--fail-on", "critical", compose.toString());
        CliRun high = CliRun.of("scan", "--rule", "host-network", "--fail-on", "high", compose.toString());

        assertThat(critical.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(critical.out()).startsWith(compose + ":4:5: high host-network ");
        assertThat(high.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void severityHidesLowerFindingsAndTheyFailNothing() throws IOException {
        Path compose = write("compose.yaml", PRIVILEGED_AND_HOST_NETWORK);
        Path hostOnly = write("other/compose.yaml", HOST_NETWORK_ONLY);

        CliRun criticalOnly = CliRun.of("scan", "--rule", "privileged-container,host-network", "--severity", "critical", compose.toString());
        CliRun nothingShown = CliRun.of("scan", "--rule", "host-network", "--severity", "critical", hostOnly.toString());

        assertThat(criticalOnly.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(criticalOnly.out()).contains("privileged-container").doesNotContain("host-network")
                .contains("1 finding (1 critical)");
        assertThat(nothingShown.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(nothingShown.out()).contains("no findings, 0 suppressed");
    }

    @Test
    void quietPrintsOnlyTheFindings() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);

        CliRun run = CliRun.of("scan", "--rule", "host-network", "--quiet", compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        String[] lines = run.out().split("\n");
        assertThat(lines).containsExactly(compose + ":4:5: high host-network service 'exporter' uses the host's network namespace");
        assertThat(run.out()).doesNotContain("scanned", "Security");
    }

    @Test
    void outputWritesTheReportToAFileAndNothingToStandardOutput() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);
        Path output = folder.resolve("reports/new/shipshape.json");

        CliRun run = CliRun.of("scan", "--rule", "host-network", "--format", "json", "--output", output.toString(), compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(output.toFile());
        assertThat(json.at("/findings/0/rule").asText()).isEqualTo("host-network");
        assertThat(json.at("/findings/0/location/line").asInt()).isEqualTo(4);
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(output);
        }
    }

    @Test
    void sarifGoesToStandardOutput() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);

        CliRun run = CliRun.of("scan", "--rule", "host-network", "--format", "sarif", compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/name").asText()).isEqualTo("host-network");
    }

    @Test
    void sarifOfARealScanIsValidAgainstTheOfficialSchema() {
        CliRun run = CliRun.of("scan", "--format", "sarif", "examples/insecure");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(SarifSchema.errors(run.out())).isEmpty();
        assertThat(run.out()).contains("\"uri\": \"examples/insecure/compose.yaml\"");
    }

    @Test
    void theReportFileGetsThePermissionsOfAnyNewFileNotPrivateTemporaryOnes() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);
        Path output = folder.resolve("report.txt");
        Path ordinary = Files.createFile(folder.resolve("ordinary.txt"));

        CliRun.of("scan", "--rule", "host-network", "--output", output.toString(), compose.toString());

        assertThat(Files.getPosixFilePermissions(output)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void colourIsOffWhenNotATerminalAndOnWhenAsked() throws IOException {
        Path compose = write("compose.yaml", HOST_NETWORK_ONLY);

        assertThat(CliRun.of("scan", "--rule", "host-network", compose.toString()).out()).doesNotContain("\u001B[");
        assertThat(CliRun.of("scan", "--rule", "host-network", "--color", compose.toString()).out()).contains("\u001B[31mhigh");
        assertThat(CliRun.of("scan", "--rule", "host-network", "--no-color", compose.toString()).out()).doesNotContain("\u001B[");
    }
}
