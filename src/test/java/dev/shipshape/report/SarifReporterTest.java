package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter(SampleReports.TOOL_VERSION).write(report, out);
        return out.toString();
    }

    private static List<String> schemaErrors(String sarif) {
        return SarifSchema.errors(sarif);
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        GoldenFile.assertMatches("full.expected.sarif", render(SampleReports.full()));
    }

    @Test
    void isValidAgainstTheOfficialSchema() throws IOException {
        assertThat(schemaErrors(render(SampleReports.full()))).isEmpty();
        assertThat(schemaErrors(render(SampleReports.clean()))).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesWhatIsNotSarif() throws IOException {
        ObjectNode sarif = (ObjectNode) new ObjectMapper().readTree(render(SampleReports.full()));
        ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "critical");
        ((ObjectNode) sarif.at("/runs/0/results/1/locations/0/physicalLocation/region")).put("startLine", 0);

        assertThat(schemaErrors(sarif.toString())).hasSize(2);
    }

    @Test
    void everyRuleThatRanIsDescribedWithItsMetadata() throws IOException {
        JsonNode rules = new ObjectMapper().readTree(render(SampleReports.full())).at("/runs/0/tool/driver/rules");

        assertThat(rules.findValuesAsText("id")).containsExactly("SS-101", "SS-303", "SS-402", "SS-406", "SS-501");
        JsonNode privileged = rules.get(0);
        assertThat(privileged.at("/name").asText()).isEqualTo("privileged-container");
        assertThat(privileged.at("/shortDescription/text").asText()).isEqualTo("Container runs privileged");
        assertThat(privileged.at("/helpUri").asText())
                .isEqualTo("https://github.com/shipshape-dev/shipshape/blob/main/docs/rules.md#privileged-container");
        assertThat(privileged.at("/properties/security-severity").isTextual()).isTrue();
        assertThat(privileged.at("/properties/security-severity").asText()).isEqualTo("9.5");
        assertThat(privileged.at("/properties/tags/0").asText()).isEqualTo("security");
        assertThat(rules.get(1).at("/deprecatedNames/0").asText()).isEqualTo("no-healthcheck");
    }

    @Test
    void resultsPointAtRealRegionsWithEncodedRelativeUris() throws IOException {
        JsonNode results = new ObjectMapper().readTree(render(SampleReports.full())).at("/runs/0/results");

        JsonNode first = results.get(0);
        assertThat(first.at("/ruleId").asText()).isEqualTo("SS-101");
        assertThat(first.at("/ruleIndex").asInt()).isZero();
        assertThat(first.at("/level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("compose.yaml");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(6);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
        assertThat(results.get(2).at("/level").asText()).as("medium rule made low by policy").isEqualTo("note");
        assertThat(results.get(3).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("deploy/my%20app/k8s.yaml");
        assertThat(results.get(4).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("deploy/%C3%BCber/Dockerfile");
        assertThat(results.get(5).at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("container web (3f2a9c)");
        assertThat(results.get(5).at("/locations/0/physicalLocation").isMissingNode()).isTrue();
    }

    @Test
    void suppressedFindingsAreResultsWithTheirJustification() throws IOException {
        JsonNode results = new ObjectMapper().readTree(render(SampleReports.full())).at("/runs/0/results");

        assertThat(results.size()).isEqualTo(8);
        assertThat(results.get(6).at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(results.get(6).at("/suppressions/0/justification").asText()).isEqualTo("needs the host's network counters");
        assertThat(results.get(7).at("/suppressions/0/kind").asText()).as("waived in .shipshape.yaml").isEqualTo("external");
        assertThat(results.get(7).at("/suppressions/0/justification").isMissingNode()).isTrue();
        assertThat(results.get(5).has("suppressions")).isFalse();
    }

    @Test
    void inputProblemsAreToolExecutionNotifications() throws IOException {
        JsonNode invocation = new ObjectMapper().readTree(render(SampleReports.full())).at("/runs/0/invocations/0");

        assertThat(invocation.at("/executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.at("/toolExecutionNotifications/0/level").asText()).isEqualTo("error");
        assertThat(invocation.at("/toolExecutionNotifications/0/message/text").asText()).isEqualTo("mapping values are not allowed here");
        assertThat(invocation.at("/toolExecutionNotifications/0/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(10);
        assertThat(invocation.at("/toolExecutionNotifications/1/level").asText()).isEqualTo("warning");
    }

    @Test
    void severityMapsToLevelAndGitHubSecuritySeverity() {
        assertThat(SarifReporter.level(dev.shipshape.rules.Severity.CRITICAL)).isEqualTo("error");
        assertThat(SarifReporter.level(dev.shipshape.rules.Severity.HIGH)).isEqualTo("error");
        assertThat(SarifReporter.level(dev.shipshape.rules.Severity.MEDIUM)).isEqualTo("warning");
        assertThat(SarifReporter.level(dev.shipshape.rules.Severity.LOW)).isEqualTo("note");
        assertThat(SarifReporter.level(dev.shipshape.rules.Severity.INFO)).isEqualTo("note");
        assertThat(SarifReporter.securitySeverity(dev.shipshape.rules.Severity.HIGH)).isEqualTo("8.0");
    }

    @Test
    void relativeUrisUseForwardSlashesAndEscapeWhatCouldBeMisread() {
        assertThat(SarifReporter.relativeUri("./k8s/web.yaml")).isEqualTo("k8s/web.yaml");
        assertThat(SarifReporter.relativeUri("a:b/c#1.yaml")).isEqualTo("a%3Ab/c%231.yaml");
        assertThat(SarifReporter.relativeUri("../shared/compose.yaml")).isEqualTo("../shared/compose.yaml");
    }
}
