package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.report.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code scan} writing several reports in one run, and choosing which findings they show. */
class ScanReportsCommandTest {

    private static final String COMPOSE = """
            services:
              web:
                image: nginx:1.27.3
                privileged: true
                network_mode: host
                read_only: true
            """;

    @TempDir
    Path folder;

    private Path compose() throws IOException {
        return Files.writeString(folder.resolve("compose.yaml"), COMPOSE);
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void oneRunWritesFourFormatsAndTheTextToStandardOutput() throws Exception {
        Path compose = compose();
        Path json = folder.resolve("out/report.json");
        Path sarif = folder.resolve("out/report.sarif");
        Path junit = folder.resolve("out/junit.xml");
        Path gitlab = folder.resolve("out/gl-code-quality.json");
        Path checkstyle = folder.resolve("out/checkstyle.xml");

        CliRun run = CliRun.of("scan", "--rule", "privileged-container,host-network", "--no-color",
                "--format", "json=" + json, "--format", "sarif", "--output", sarif.toString(), "--output", junit.toString(),
                "--format", "junit", "--format", "gitlab=" + gitlab, "--format", "checkstyle=" + checkstyle, "--format", "text",
                compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith(compose + ":4:5: critical privileged-container service 'web' runs privileged\n"
                + compose + ":5:5: high host-network service 'web' uses the host's network namespace\n");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("findings")).hasSize(2);
        String sarifText = Files.readString(sarif);
        assertThat(SarifSchema.errors(sarifText)).isEmpty();
        assertThat(new ObjectMapper().readTree(sarifText).at("/runs/0/results")).hasSize(2);
        assertThat(xml(junit).getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(gitlab.toFile())).hasSize(2);
        assertThat(xml(checkstyle).getElementsByTagName("error").getLength()).isEqualTo(2);
    }

    @Test
    void jsonAndSarifCarryTheBaselinesFingerprintAndTheObject() throws IOException {
        Path compose = compose();
        Path baseline = folder.resolve("baseline.json");
        Path sarif = folder.resolve("report.sarif");

        CliRun run = CliRun.of("scan", "--rule", "privileged-container", "--write-baseline", baseline.toString(),
                "--format", "json", "--format", "sarif=" + sarif, compose.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        String recorded = new ObjectMapper().readTree(baseline.toFile()).at("/findings/0/fingerprint").asText();
        assertThat(recorded).matches("[0-9a-f]{32}");
        JsonNode finding = new ObjectMapper().readTree(run.out()).at("/findings/0");
        assertThat(finding.path("fingerprint").asText()).isEqualTo(recorded);
        assertThat(finding.path("object").asText()).isEqualTo("services.web");
        assertThat(finding.path("remediation").asText()).startsWith("Remove `privileged: true` from the service;");
        JsonNode result = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results/0");
        assertThat(result.at("/partialFingerprints/shipshapeFingerprint~1v1").asText()).isEqualTo(recorded);
        assertThat(result.at("/properties/object").asText()).isEqualTo("services.web");
        assertThat(SarifSchema.errors(Files.readString(sarif))).isEmpty();
    }

    @Test
    void twoReportsOnStandardOutputAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path json = folder.resolve("report.json");

        CliRun run = CliRun.of("scan", "--format", "json=" + json, "--format", "text", "--format", "sarif", compose().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: only one report can go to standard output; give each other --format its "
                + "file (--format FORMAT=FILE)\n");
        assertThat(json).doesNotExist();
    }

    @Test
    void anOutputWithoutAFormatOfItsOwnIsRefused() throws IOException {
        CliRun run = CliRun.of("scan", "--format", "json", "--output", "a.json", "--output", "b.json", compose().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: --output b.json follows no --format of its own; write --format FORMAT "
                + "--output FILE for each report, or --format FORMAT=FILE\n");
    }

    @Test
    void anOutputAloneStillTakesTheTextReport() throws IOException {
        Path text = folder.resolve("report.txt");

        CliRun run = CliRun.of("scan", "--rule", "host-network", "--output", text.toString(), compose().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(text)).startsWith(folder.resolve("compose.yaml") + ":5:5: high host-network ");
    }

    @Test
    void htmlIsWrittenBesideAnotherFormatInOneRun() throws IOException {
        Path html = folder.resolve("out/report.html");
        Path json = folder.resolve("out/report.json");

        CliRun run = CliRun.of("scan", "--format", "html=" + html, "--format", "json=" + json, compose().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("host-network");
        assertThat(Files.readString(json)).contains("\"host-network\"");
    }

    @Test
    void pillarAndASeverityListChooseTheFindingsShown() throws IOException {
        Path compose = compose();

        CliRun networking = CliRun.of("scan", "--pillar", "networking", "--quiet", compose.toString());
        CliRun exact = CliRun.of("scan", "--rule", "privileged-container,host-network", "--severity", "high,low", "--quiet",
                compose.toString());
        CliRun floor = CliRun.of("scan", "--rule", "privileged-container,host-network", "--severity", "high", "--quiet",
                compose.toString());

        List<String> networkingRules = new ArrayList<>();
        networking.out().lines().forEach(line -> networkingRules.add(line.split(" ")[2]));
        List<String> networkingPillar = dev.shipshape.rules.BuiltInRules.all().stream().map(dev.shipshape.rules.Rule::info)
                .filter(rule -> rule.pillar() == dev.shipshape.rules.Pillar.NETWORKING).map(dev.shipshape.rules.RuleInfo::name).toList();
        assertThat(networkingRules).contains("host-network").allMatch(networkingPillar::contains);
        assertThat(networking.out()).doesNotContain("privileged-container");
        assertThat(exact.out()).isEqualTo(compose + ":5:5: high host-network service 'web' uses the host's network namespace\n");
        assertThat(floor.out()).isEqualTo(compose + ":4:5: critical privileged-container service 'web' runs privileged\n"
                + compose + ":5:5: high host-network service 'web' uses the host's network namespace\n");
    }

    @Test
    void ruleGlobsSelectAndTyposGetASuggestion() throws IOException {
        Path compose = compose();

        CliRun glob = CliRun.of("scan", "--rule", "privileged-*", "--quiet", compose.toString());
        CliRun typo = CliRun.of("scan", "--skip-rule", "privileged-contaner", compose.toString());

        assertThat(glob.out()).isEqualTo(compose + ":4:5: critical privileged-container service 'web' runs privileged\n");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).isEqualTo("shipshape: unknown rule 'privileged-contaner'; did you mean 'privileged-container'? "
                + "run `shipshape rules` to list them\n");
    }

    @Test
    void verbosePutsTheFixUnderEachFinding() throws IOException {
        Path compose = compose();

        CliRun run = CliRun.of("scan", "--rule", "host-network", "--quiet", "--verbose", compose.toString());

        assertThat(run.out()).isEqualTo(compose + ":5:5: high host-network service 'web' uses the host's network namespace\n"
                + "    fix: Remove `network_mode: host` from the service and publish only the ports it needs with `ports:`.\n");
    }
}
