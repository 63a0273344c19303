package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.shipshape.model.SourceKind;
import dev.shipshape.scan.AuditedCluster;
import dev.shipshape.scan.Coverage;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReporter(SampleReports.TOOL_VERSION).write(report, out);
        return out.toString();
    }

    @Test
    void writesTheDocumentedShape() throws IOException {
        GoldenFile.assertMatches("full.expected.json", render(SampleReports.full()));
    }

    @Test
    void aCleanScanHasEmptyListsAndZeroCounts() throws IOException {
        GoldenFile.assertMatches("clean.expected.json", render(SampleReports.clean()));
    }

    @Test
    void summaryCountsAgreeWithTheLists() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render(SampleReports.full()));

        assertThat(json.get("findings").size()).isEqualTo(6);
        assertThat(json.at("/summary/findings").asInt()).isEqualTo(6);
        assertThat(json.at("/summary/bySeverity/high").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/bySeverity/low").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/byPillar/networking/high").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/suppressed").asInt()).isEqualTo(json.get("suppressed").size()).isEqualTo(2);
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(json.at("/findings/5/location/object").asText()).isEqualTo("container web (3f2a9c)");
        assertThat(json.at("/findings/5/location/line").isMissingNode()).isTrue();
    }

    @Test
    void aClusterAuditNamesTheClusterAndItsServerButNoCredentials() throws IOException {
        Coverage cluster = new Coverage(Map.of(SourceKind.KUBERNETES, 42), Map.of(SourceKind.KUBERNETES, 42), List.of(), 60,
                Optional.of(new AuditedCluster("prod", "https://admin:secret@10.0.0.1:6443/?token=abc")));
        JsonNode json = new ObjectMapper().readTree(render(new Report(List.of(), List.of(), List.of(), cluster, List.of())));

        assertThat(json.at("/coverage/cluster").toString()).isEqualTo("{\"name\":\"prod\",\"server\":\"https://10.0.0.1:6443\"}");
        assertThat(json.toString()).doesNotContain("secret").doesNotContain("token");
        assertThat(new ObjectMapper().readTree(render(SampleReports.clean())).at("/coverage/cluster").isMissingNode())
                .as("a scan of files names no cluster").isTrue();
    }
}
