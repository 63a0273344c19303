package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.rules.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
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
}
