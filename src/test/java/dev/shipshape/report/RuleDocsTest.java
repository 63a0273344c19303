package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

    private static final RuleExamples EXAMPLES = RuleExamples.inFolder(Path.of("src/test/resources/report/rule-examples"));
    private static final RuleDocs DOCS = new RuleDocs(
            List.of(SampleReports.SERVICE_LABELS, SampleReports.HOST_NETWORK, SampleReports.PRIVILEGED,
                    SampleReports.MISSING_HEALTHCHECK, SampleReports.DEFAULT_BRIDGE),
            EXAMPLES);

    @Test
    void tableIsAlignedAndGroupedByPillar() throws IOException {
        GoldenFile.assertMatches("rules.expected.txt", DOCS.table());
    }

    @Test
    void markdownHasAHeaderSayingHowToRegenerateAndAnAnchorPerRule() throws IOException {
        String markdown = DOCS.markdown();

        GoldenFile.assertMatches("rules.expected.md", markdown);
        assertThat(markdown).startsWith("<!-- AUTO-GENERATED FILE: do not edit.")
                .contains(RuleDocs.REGENERATE_COMMAND)
                .contains("\n### privileged-container\n", "\n### host-network\n", "(#privileged-container)");
    }

    @Test
    void jsonCarriesAllMetadata() throws IOException {
        GoldenFile.assertMatches("rules.expected.json", DOCS.json());
    }

    @Test
    void explainShowsEverythingWithNumberedExamplesAndTheFlaggedLines() throws IOException {
        GoldenFile.assertMatches("explain.expected.txt", DOCS.explain(SampleReports.PRIVILEGED));
    }

    @Test
    void examplesAreThePlainBadAndGoodFilePerKindBadFirst() {
        List<RuleExamples.Example> examples = EXAMPLES.of("privileged-container");

        assertThat(examples).extracting(RuleExamples.Example::fileName)
                .containsExactly("bad.compose.yaml", "good.compose.yaml", "bad.k8s.yaml", "good.k8s.yaml");
        assertThat(examples.get(0).kind()).isEqualTo(SourceKind.COMPOSE);
        assertThat(examples.get(0).flaggedLines()).containsExactly(6);
        assertThat(examples.get(0).text()).endsWith("image: postgres:16.4").doesNotEndWith("\n");
        assertThat(examples.get(2).flaggedLines()).containsExactly(10, 14);
        assertThat(examples.get(1).flaggedLines()).isEmpty();
    }

    @Test
    void longExamplesAreCut() {
        RuleExamples.Example longGood = EXAMPLES.of("privileged-container").get(3);

        assertThat(longGood.truncated()).isTrue();
        assertThat(longGood.text().split("\n", -1)).hasSize(RuleExamples.MAX_LINES);
        assertThat(EXAMPLES.of("privileged-container").get(2).truncated()).isFalse();
    }

    @Test
    void aRuleWithoutFixturesHasNoExamplesAndStillRenders() {
        assertThat(EXAMPLES.of("host-network")).isEmpty();
        assertThat(RuleExamples.NONE.of("privileged-container")).isEmpty();
        assertThat(DOCS.explain(SampleReports.HOST_NETWORK)).doesNotContain("Flagged:")
                .endsWith("More: https://github.com/shipshape-dev/shipshape/blob/main/docs/rules.md#host-network\n");
    }

    @Test
    void wrapKeepsLinesWithinEightyColumns() {
        String wrapped = RuleDocs.wrap("word ".repeat(40), "  ");

        assertThat(wrapped.split("\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(wrapped.replace("\n", " ").replaceAll("\\s+", " ").strip()).isEqualTo(("word ".repeat(40)).strip());
    }
}
