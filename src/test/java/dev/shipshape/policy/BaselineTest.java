package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipshape.model.Origin;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.ScanOutcome;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline round trip: write today's findings, edit the files, scan again: only what is new counts. */
class BaselineTest {

    private static final Set<String> RULES = Set.of("privileged-container", "host-network", "runs-as-root");

    @TempDir
    Path dir;

    @BeforeEach
    void writeTheEstate() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
        write("compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    user: "101"
                    privileged: true
                  exporter:
                    image: prom/node-exporter:v1.8.2
                    user: "65534"
                    network_mode: host
                """);
        write("deploy/k8s.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                spec:
                  hostNetwork: true
                  securityContext:
                    runAsUser: 1000
                  containers:
                    - name: collector
                      image: ghcr.io/acme/collector:1.0
                    - name: shipper
                      image: ghcr.io/acme/shipper:1.0
                """);
        write("app/Dockerfile", """
                FROM alpine:3.20
                USER root
                """);
    }

    @Test
    void afterUnrelatedEditsOnlyTheNewFindingFailsAndTheFixedOneIsListed() throws Exception {
        Path baseline = dir.resolve(".shipshape-baseline.json");
        ScanOutcome first = scan(Optional.empty(), Optional.of(baseline));
        assertThat(first.report().findings()).extracting(finding -> finding.rule().name()).containsExactlyInAnyOrder(
                "privileged-container", "host-network", "host-network", "runs-as-root");
        writeBaseline(first, baseline);

        // lines inserted above every finding, a new bad service, and the exporter's host network fixed
        write("compose.yaml", """
                # the storefront
                # (owned by the web team)
                services:
                  web:
                    image: nginx:1.27
                    # it needs /dev/kvm
                    user: "101"
                    privileged: true
                  exporter:
                    image: prom/node-exporter:v1.8.2
                    user: "65534"
                  db:
                    image: postgres:17
                    user: postgres
                    privileged: true
                """);
        write("deploy/k8s.yaml", "# the log agent\n" + Files.readString(dir.resolve("deploy/k8s.yaml")).replace("spec:\n", "spec:\n  # on every node\n"));
        write("app/Dockerfile", "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN apk add --no-cache curl\nUSER root\n");

        Path relativeDir = Path.of("").toAbsolutePath().relativize(dir);
        Report report = new Scanner().scan(new ScanRequest(List.of(relativeDir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                Optional.empty(), RULES, Set.of(), Map.of(), Optional.of(baseline), Optional.empty())).report();

        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::origin, Finding::message).containsExactly(
                tuple("privileged-container", Origin.at(relativeDir.resolve("compose.yaml").toString(), 15, 5), "service 'db' runs privileged"));
        Report.BaselineComparison comparison = report.baseline().orElseThrow();
        assertThat(comparison.file()).isEqualTo(baseline.toString());
        assertThat(comparison.unchanged()).extracting(finding -> finding.rule().name())
                .containsExactlyInAnyOrder("runs-as-root", "privileged-container", "host-network");
        assertThat(comparison.fixed()).extracting(Report.FixedFinding::rule, Report.FixedFinding::file, Report.FixedFinding::object)
                .containsExactly(tuple("host-network", "compose.yaml", "services.exporter"));
    }

    @Test
    void theFileHasAVersionAndAStableOrderWithoutLineNumbers() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        writeBaseline(scan(Optional.empty(), Optional.of(baseline)), baseline);
        String text = Files.readString(baseline);

        assertThat(text).startsWith("{\n  \"version\": 1,\n  \"fingerprint\": \"v1\",\n  \"findings\": [\n").doesNotContain("\"line\"");
        Baseline read = Baseline.parse("baseline.json", text);
        assertThat(read.entries()).extracting(Baseline.Entry::file, Baseline.Entry::object, Baseline.Entry::rule).containsExactly(
                tuple("app/Dockerfile", "stage[0]/USER", "runs-as-root"),
                tuple("compose.yaml", "services.exporter", "host-network"),
                tuple("compose.yaml", "services.web", "privileged-container"),
                tuple("deploy/k8s.yaml", "Pod//agent", "host-network"));
        assertThat(read.entries()).extracting(Baseline.Entry::fingerprint).doesNotHaveDuplicates().allMatch(print -> print.matches("[0-9a-f]{32}"));

        // written again from a second scan: byte for byte the same
        Path again = dir.resolve("again.json");
        writeBaseline(scan(Optional.empty(), Optional.of(again)), again);
        assertThat(Files.readString(again)).isEqualTo(text);
    }

    @Test
    void aChangedOffendingValueIsANewFindingAndTheOldOneFixed() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        writeBaseline(scan(Optional.empty(), Optional.of(baseline)), baseline);
        write("app/Dockerfile", "FROM alpine:3.20\nUSER 0\n");

        Report report = scan(Optional.of(baseline), Optional.empty()).report();

        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::origin)
                .containsExactly(tuple("runs-as-root", Origin.at(dir.resolve("app/Dockerfile").toString(), 2, 1)));
        assertThat(report.baseline().orElseThrow().fixed()).extracting(Report.FixedFinding::object).containsExactly("stage[0]/USER");
    }

    @Test
    void theFingerprintIgnoresTheLineAndNamesRuleFileObjectAndValue() {
        String print = Fingerprints.hash("SS-101", "compose.yaml", "services.web", "privileged: true");

        assertThat(print).hasSize(32)
                .isNotEqualTo(Fingerprints.hash("SS-102", "compose.yaml", "services.web", "privileged: true"))
                .isNotEqualTo(Fingerprints.hash("SS-101", "other.yaml", "services.web", "privileged: true"))
                .isNotEqualTo(Fingerprints.hash("SS-101", "compose.yaml", "services.db", "privileged: true"))
                .isNotEqualTo(Fingerprints.hash("SS-101", "compose.yaml", "services.web", "privileged: \"true\""))
                .isEqualTo(Fingerprints.hash("SS-101", "compose.yaml", "services.web", "privileged: true"));
    }

    @Test
    void aBaselineThisVersionCannotUseIsAConfigurationError() {
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 2, \"findings\": []}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("b.json:1:13: baseline version 2 is not supported (this shipshape reads version 1); write it again with --write-baseline");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"findings\": []}"))
                .hasMessage("b.json:1:1: not a baseline file: it has no \"version\"");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 1, \"findings\": {}}"))
                .hasMessage("b.json:1:1: not a baseline file: \"findings\" must be a list");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 1, \"findings\": [{\"rule\": \"x\"}]}"))
                .hasMessage("b.json:1:29: a baseline entry has no \"fingerprint\"");
        assertThatThrownBy(() -> Baseline.parse("b.json", "[1, 2]"))
                .hasMessage("b.json: not a baseline file; write one with `shipshape scan --write-baseline b.json`");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 1,"))
                .hasMessageStartingWith("b.json:").hasMessageContaining(": not a baseline file (");
    }

    @Test
    void aMissingBaselineFileIsAConfigurationError() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> scan(Optional.of(missing), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("baseline file not found: %s (write one with --write-baseline %s)".formatted(missing, missing));
    }

    private ScanOutcome scan(Optional<Path> baseline, Optional<Path> writeBaseline) throws ConfigurationException {
        return new Scanner().scan(new ScanRequest(List.of(dir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.empty(),
                RULES, Set.of(), Map.of(), baseline, writeBaseline));
    }

    private static void writeBaseline(ScanOutcome outcome, Path file) throws IOException {
        StringWriter out = new StringWriter();
        outcome.baselineToWrite().orElseThrow().write(out);
        Files.writeString(file, out.toString());
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
