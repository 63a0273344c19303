package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.AuditedCluster;
import dev.shipshape.scan.Coverage;
import dev.shipshape.rules.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    private static String render(Report report, TextReporter.Options options) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(options).write(report, out);
        return out.toString();
    }

    @Test
    void groupsFindingsByFileThenListsProblemsAndSummary() throws IOException {
        GoldenFile.assertMatches("full.expected.txt", render(SampleReports.full(), TextReporter.Options.PLAIN));
    }

    @Test
    void aLiveClusterIsAuditedObjectsNotScannedFiles() {
        Coverage cluster = new Coverage(Map.of(SourceKind.KUBERNETES, 42), Map.of(SourceKind.KUBERNETES, 42), List.of(), 60,
                Optional.of(new AuditedCluster("prod\u001b", "https://admin:secret@10.0.0.1:6443/?token=abc")));
        Coverage oneObject = new Coverage(Map.of(SourceKind.KUBERNETES, 1), Map.of(SourceKind.KUBERNETES, 1), List.of(), 1,
                Optional.of(new AuditedCluster("https://10.0.0.1:443", "https://10.0.0.1:443")));
        Coverage files = new Coverage(Map.of(SourceKind.KUBERNETES, 2), Map.of(SourceKind.KUBERNETES, 2), List.of(), 60);

        assertThat(TextReporter.coverageLine(cluster)).isEqualTo("audited 42 objects of cluster prod\\x1b (https://10.0.0.1:6443); 60 rules ran");
        assertThat(TextReporter.coverageLine(oneObject)).isEqualTo("audited 1 object of cluster https://10.0.0.1:443; 1 rule ran");
        assertThat(TextReporter.coverageLine(files)).isEqualTo("scanned 2 Kubernetes file(s); 60 rules ran");
    }

    @Test
    void quietPrintsOnlyTheFindings() throws IOException {
        String text = render(SampleReports.full(), new TextReporter.Options(false, true, false));

        GoldenFile.assertMatches("full-quiet.expected.txt", text);
        assertThat(text).doesNotContain("scanned", "problems with the input", "Security");
    }

    @Test
    void showSuppressedListsThemWithTheirReasons() throws IOException {
        String text = render(SampleReports.full(), new TextReporter.Options(false, false, true));

        GoldenFile.assertMatches("full-suppressed.expected.txt", text);
    }

    @Test
    void colourIsAnsiOnlyWhenAsked() throws IOException {
        String coloured = render(SampleReports.full(), new TextReporter.Options(true, false, false));
        String plain = render(SampleReports.full(), TextReporter.Options.PLAIN);

        GoldenFile.assertMatches("full-color.expected.txt", coloured);
        assertThat(coloured).contains("\u001B[1;31mcritical\u001B[0m");
        assertThat(plain).doesNotContain("\u001B");
    }

    @Test
    void aCleanScanSaysSoForThePillarsOfTheRulesThatRan() throws IOException {
        // Only privileged-container ran: the other pillars were not looked at, so they are not called clean.
        assertThat(render(SampleReports.clean(), TextReporter.Options.PLAIN)).isEqualTo("""
                Security  no findings

                no findings, 0 suppressed
                scanned 1 Compose file(s); 1 rule ran
                """);
        assertThat(render(SampleReports.clean(), new TextReporter.Options(false, true, false))).isEmpty();
    }

    @Test
    void notesAboutTheInputAreLeftToJsonAndSarif() throws IOException {
        Report base = SampleReports.clean();
        Report report = new Report(List.of(), List.of(),
                List.of(new dev.shipshape.model.Diagnostic(dev.shipshape.model.Diagnostic.Level.INFO,
                        Origin.at("k8s.yaml", 2, 1), "skipped 1 object of kinds not checked: Secret")),
                base.coverage(), base.rules());

        String text = render(report, TextReporter.Options.PLAIN);

        assertThat(text).doesNotContain("problems with the input", "Secret").contains("no findings, 0 suppressed\n");
    }

    @Test
    void controlCharactersFromTheInputAreShownNotObeyed() throws IOException {
        Finding hostile = Finding.of(SampleReports.PRIVILEGED, Origin.at("evil\u001B[2J.yaml", 1, 1),
                "service 'x\u001B]0;pwned\u0007' runs privileged");
        Report report = new Report(List.of(hostile), List.of(), List.of(), SampleReports.clean().coverage(), List.of());

        String text = render(report, new TextReporter.Options(false, true, false));

        assertThat(text).doesNotContain("\u001B").doesNotContain("\u0007")
                .contains("evil\\x1b[2J.yaml")
                .contains("service 'x\\x1b]0;pwned\\x07' runs privileged");
    }

    @Test
    void theFixIsStatedOncePerRuleInTheTermsOfEachSourceThatHadFindings() throws IOException {
        Report report = IdentifiedReports.report();
        Report withoutErrors = new Report(report.findings(), List.of(), List.of(), report.coverage(), report.rules(), report.baseline(),
                report.policies(), report.identities());

        assertThat(render(withoutErrors, TextReporter.Options.PLAIN)).isEqualTo("""
                compose.yaml:3:3: medium missing-memory-limit service 'web' has no memory limit <&"\\x1b>
                compose.yaml:6:5: critical privileged-container service 'web' runs privileged
                compose.yaml:11:5: critical privileged-container service 'worker' runs privileged
                k8s/api.yaml:14:11: critical privileged-container container 'app' of Deployment 'api' runs privileged
                container web (3f2a9c1b2d4e): critical privileged-container container 'web' runs privileged

                How to fix
                  privileged-container, 4 findings (4 critical): Container runs privileged
                    Compose: Remove `privileged: true` from the service.
                    Kubernetes: Remove `securityContext.privileged: true`.
                    live Docker: Run the container without `--privileged`.
                  missing-memory-limit, 1 finding (1 medium): Container has no memory limit
                    Set a memory limit.

                Security       4 critical
                Orchestration  1 medium

                5 findings (4 critical, 1 medium), 0 suppressed
                audited 1 live Docker Engine; scanned 1 Compose, 1 Kubernetes file(s); 2 rules ran
                """);
    }

    @Test
    void verbosePutsEachFindingsFixUnderIt() throws IOException {
        String text = render(IdentifiedReports.report(), new TextReporter.Options(false, true, false, true));

        assertThat(text).isEqualTo("""
                compose.yaml:3:3: medium missing-memory-limit service 'web' has no memory limit <&"\\x1b>
                    fix: Set a memory limit.
                compose.yaml:6:5: critical privileged-container service 'web' runs privileged
                    fix: Remove `privileged: true` from the service.
                compose.yaml:11:5: critical privileged-container service 'worker' runs privileged
                    fix: Remove `privileged: true` from the service.
                k8s/api.yaml:14:11: critical privileged-container container 'app' of Deployment 'api' runs privileged
                    fix: Remove `securityContext.privileged: true`.
                container web (3f2a9c1b2d4e): critical privileged-container container 'web' runs privileged
                    fix: Run the container without `--privileged`.
                """);
    }

    @Test
    void everyFindingLineIsClickablePathLineColumn() throws IOException {
        String text = render(SampleReports.full(), new TextReporter.Options(false, true, false));

        assertThat(text.lines().filter(line -> !line.startsWith("container "))).allMatch(line -> line.matches("[^:]+:\\d+:\\d+: \\S+ \\S+ .+"));
    }
}
