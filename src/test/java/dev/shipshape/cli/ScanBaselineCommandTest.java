package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --write-baseline} and {@code scan --baseline} from the command line. */
class ScanBaselineCommandTest {

    @TempDir
    Path dir;

    private Path compose;
    private Path baseline;

    @BeforeEach
    void writeTheProject() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
        compose = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx:1.27
                    privileged: true
                  exporter:
                    image: prom/node-exporter:v1.8.2
                    network_mode: host
                """);
        baseline = dir.resolve("baseline/shipshape.json");
    }

    @Test
    void writingABaselineReportsAsUsualAndSaysHowManyFindingsItHolds() throws IOException {
        CliRun run = scan("--write-baseline", baseline.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEqualTo("shipshape: wrote 2 findings to the baseline " + baseline + "\n");
        JsonNode written = new ObjectMapper().readTree(baseline.toFile());
        assertThat(written.get("version").asInt()).isEqualTo(1);
        assertThat(written.get("findings").findValuesAsText("rule")).containsExactly("host-network", "privileged-container");
        assertThat(written.get("findings").findValuesAsText("file")).containsExactly("../compose.yaml", "../compose.yaml");
    }

    @Test
    void withTheBaselineOnlyNewFindingsFailAndFixedOnesAreListed() throws IOException {
        scan("--write-baseline", baseline.toString());
        Files.writeString(compose, """
                # moved down by this comment
                services:
                  web:
                    image: nginx:1.27
                    privileged: true
                  exporter:
                    image: prom/node-exporter:v1.8.2
                """);

        CliRun clean = scan("--baseline", baseline.toString());
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).startsWith("baseline " + baseline + ": 1 known finding not shown, 1 fixed (write the baseline again to drop it):\n"
                + "  ../compose.yaml  services.exporter  host-network  service 'exporter' uses the host's network namespace\n");

        // the exporter's host network comes back (it is in the baseline still), and a new service runs privileged
        Files.writeString(compose, Files.readString(compose) + "    network_mode: host\n  db:\n    image: postgres:17\n    privileged: true\n");
        CliRun again = scan("--baseline", baseline.toString(), "--format", "json");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertThat(json.get("findings").findValuesAsText("message")).containsExactly("service 'db' runs privileged");
        assertThat(json.at("/baseline/unchanged").asInt()).isEqualTo(2);
        assertThat(json.at("/baseline/fixed").size()).isZero();
    }

    @Test
    void aMissingBaselineIsAUsageError() {
        CliRun run = scan("--baseline", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: no such baseline file: %s (write one with --write-baseline %s)\n"
                .formatted(dir.resolve("nope.json"), dir.resolve("nope.json")));
    }

    @Test
    void aBaselineOfAnotherVersionIsAUsageError() throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "{\"version\": 7, \"findings\": []}");

        CliRun run = scan("--baseline", old.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: " + old + ":1:13: baseline version 7 is not supported "
                + "(this shipshape reads version 1); write it again with --write-baseline\n");
    }

    private CliRun scan(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "scan";
        args[1] = dir.toString();
        args[2] = "--rule";
        args[3] = "privileged-container,host-network";
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.of(args);
    }
}
