package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How reports show waivers, custom rules and a baseline, in every format. */
class PolicyReportingTest {

    @Test
    void jsonHasTheWaiverTheBaselineAndTheFixedFindings() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter(SampleReports.TOOL_VERSION).write(SampleReports.policy(), out);
        GoldenFile.assertMatches("policy.expected.json", out.toString());

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/suppressed/0/waiver/owner").asText()).isEqualTo("platform-team@example.com");
        assertThat(json.at("/suppressed/0/waiver/expires").asText()).isEqualTo("2027-03-31");
        assertThat(json.at("/baseline/new").asInt()).isEqualTo(json.at("/summary/findings").asInt()).isEqualTo(2);
        assertThat(json.at("/baseline/unchanged").asInt()).isEqualTo(json.at("/baseline/unchangedFindings").size()).isEqualTo(1);
        assertThat(json.at("/baseline/fixed/0/object").asText()).isEqualTo("DaemonSet/ops/node-agent");
        assertThat(json.at("/findings/1/ruleId").asText()).isEqualTo("CUSTOM-team-label-required");
    }

    @Test
    void aReportWithoutABaselineHasNoBaselineField() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter(SampleReports.TOOL_VERSION).write(SampleReports.full(), out);

        assertThat(new ObjectMapper().readTree(out.toString()).has("baseline")).isFalse();
    }

    @Test
    void sarifMarksNewResultsExternalWaiversAndCustomRules() throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter(SampleReports.TOOL_VERSION).write(SampleReports.policy(), out);
        GoldenFile.assertMatches("policy.expected.sarif", out.toString());
        assertThat(SarifSchema.errors(out.toString())).isEmpty();

        JsonNode run = new ObjectMapper().readTree(out.toString()).at("/runs/0");
        assertThat(run.at("/results/0/baselineState").asText()).isEqualTo("new");
        assertThat(run.at("/results/2/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(run.at("/results/2/suppressions/0/properties/expires").asText()).isEqualTo("2027-03-31");
        JsonNode custom = run.at("/tool/driver/rules/2");
        assertThat(custom.get("id").asText()).isEqualTo("CUSTOM-team-label-required");
        assertThat(custom.has("helpUri")).isFalse();
        assertThat(custom.at("/properties/tags").toString()).isEqualTo("[\"orchestration\",\"custom\"]");
    }

    @Test
    void textSaysWhatTheBaselineHoldsBackAndWhatIsFixed() throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(new TextReporter.Options(false, false, true)).write(SampleReports.policy(), out);
        GoldenFile.assertMatches("policy.expected.txt", out.toString());
    }
}
