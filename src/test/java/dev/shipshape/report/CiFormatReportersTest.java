package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CI formats (JUnit, Checkstyle, GitLab Code Quality, GitHub workflow commands), each written
 * from a hand-built report, compared with a golden file and read back by its consumer's schema or
 * parser.
 */
class CiFormatReportersTest {

    private static String render(Reporter reporter, Report report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return out.toString();
    }

    // ---- JUnit ----

    @Test
    void junitIsASuitePerFileAndAFailingCasePerFindingValidAgainstTheSurefireSchema() throws IOException {
        String xml = render(new JunitReporter(), IdentifiedReports.report());

        GoldenFile.assertMatches("ci/identified.expected.junit.xml", xml);
        assertThat(ConsumerSchemas.junitErrors(xml)).isEmpty();
        Document document = ConsumerSchemas.parse(xml, false, new ArrayList<>());
        Map<String, String> suites = new LinkedHashMap<>();
        NodeList suiteElements = document.getElementsByTagName("testsuite");
        for (int i = 0; i < suiteElements.getLength(); i++) {
            Element suite = (Element) suiteElements.item(i);
            suites.put(suite.getAttribute("name"), suite.getAttribute("tests") + "/" + suite.getAttribute("failures") + "/"
                    + suite.getAttribute("errors"));
        }
        assertThat(suites).containsExactly(
                Map.entry("compose.yaml", "3/3/0"),
                Map.entry("k8s/api.yaml", "1/1/0"),
                Map.entry("container web (3f2a9c1b2d4e)", "1/1/0"),
                Map.entry("input", "1/0/1"));
        assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("5");
    }

    @Test
    void junitOfACleanRunIsOnePassingCase() throws IOException {
        String xml = render(new JunitReporter(), SampleReports.clean());

        assertThat(ConsumerSchemas.junitErrors(xml)).isEmpty();
        assertThat(xml).contains("<testsuite name=\"shipshape\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">"
                + "<testcase name=\"no findings\" classname=\"shipshape\" time=\"0\"></testcase></testsuite>");
    }

    @Test
    void theSchemaCheckCatchesABrokenSuite() {
        // The check itself can fail: a suite without its required counts is refused.
        assertThat(ConsumerSchemas.junitErrors("<?xml version=\"1.0\"?><testsuites><testsuite name=\"x\"/></testsuites>"))
                .isNotEmpty();
    }

    // ---- Checkstyle ----

    @Test
    void checkstyleIsAFilePerFileValidAgainstItsDtd() throws IOException {
        String xml = render(new CheckstyleReporter("1.2.3-test"), IdentifiedReports.report());

        GoldenFile.assertMatches("ci/identified.expected.checkstyle.xml", xml);
        assertThat(ConsumerSchemas.checkstyleErrors(xml)).isEmpty();
        Document document = ConsumerSchemas.parse(xml, false, new ArrayList<>());
        Element first = (Element) document.getElementsByTagName("error").item(0);
        assertThat(first.getAttribute("line")).isEqualTo("3");
        assertThat(first.getAttribute("column")).isEqualTo("3");
        assertThat(first.getAttribute("severity")).isEqualTo("warning");
        assertThat(first.getAttribute("source")).isEqualTo("shipshape.missing-memory-limit");
        assertThat(first.getAttribute("message"))
                .isEqualTo("service 'web' has no memory limit <&\"\\x1b> (fix: Set a memory limit.)");
        assertThat(ConsumerSchemas.checkstyleErrors("<?xml version=\"1.0\"?><checkstyle><file><error/></file></checkstyle>"))
                .as("a file without a name and an error without a line are refused").hasSize(2);
    }

    // ---- GitLab Code Quality ----

    @Test
    void gitlabHasTheRequiredFieldsAndAUniqueFingerprintPerFinding() throws IOException {
        String json = render(new GitlabReporter(), IdentifiedReports.report());

        GoldenFile.assertMatches("ci/identified.expected.gitlab.json", json);
        assertThat(ConsumerSchemas.gitlabErrors(json)).isEmpty();
        JsonNode issues = new ObjectMapper().readTree(json);
        assertThat(issues).hasSize(5);
        Set<String> fingerprints = new HashSet<>();
        issues.forEach(issue -> fingerprints.add(issue.path("fingerprint").asText()));
        assertThat(fingerprints).hasSize(5).contains("22222222222222222222222222222222", "33333333333333333333333333333333");
        JsonNode kubernetes = issues.get(3);
        assertThat(kubernetes.path("check_name").asText()).isEqualTo("privileged-container");
        assertThat(kubernetes.path("severity").asText()).isEqualTo("blocker");
        assertThat(kubernetes.path("location").path("path").asText()).isEqualTo("k8s/api.yaml");
        assertThat(kubernetes.path("location").path("lines").path("begin").asInt()).isEqualTo(14);
        assertThat(kubernetes.path("content").path("body").asText())
                .isEqualTo("Container runs privileged. Fix: Remove `securityContext.privileged: true`.");
        assertThat(ConsumerSchemas.gitlabErrors("[{\"description\": \"x\", \"severity\": \"high\"}]")).isNotEmpty();
    }

    // ---- GitHub workflow commands ----

    @Test
    void githubAnnotationsReadBackAsTheRunnerParsesThem() throws IOException {
        String commands = render(new GithubReporter(), IdentifiedReports.report());

        GoldenFile.assertMatches("ci/identified.expected.github.txt", commands);
        List<WorkflowCommand> parsed = commands.lines().map(WorkflowCommand::parse).toList();
        assertThat(parsed).hasSize(6);
        assertThat(parsed.get(1)).isEqualTo(new WorkflowCommand("error",
                Map.of("file", "compose.yaml", "line", "6", "col", "5", "title", "privileged-container (critical)"),
                "service 'web' runs privileged\nfix: Remove `privileged: true` from the service."));
        assertThat(parsed.get(4)).isEqualTo(new WorkflowCommand("error", Map.of("title", "privileged-container (critical)"),
                "container web (3f2a9c1b2d4e): container 'web' runs privileged\nfix: Run the container without `--privileged`."));
        assertThat(parsed.get(0).command()).isEqualTo("warning");
        assertThat(parsed.get(5)).isEqualTo(new WorkflowCommand("error",
                Map.of("file", "broken.yaml", "line", "3", "col", "10", "title", "shipshape input error"),
                "mapping values are not allowed here"));
    }

    /**
     * A workflow command as the GitHub Actions runner reads one ({@code ::name k=v,k=v::data}, with
     * {@code %25 %0D %0A} unescaped in data and also {@code %3A %2C} in property values).
     */
    record WorkflowCommand(String command, Map<String, String> properties, String data) {
        static WorkflowCommand parse(String line) {
            assertThat(line).startsWith("::");
            int end = line.indexOf("::", 2);
            String head = line.substring(2, end);
            int space = head.indexOf(' ');
            String name = space < 0 ? head : head.substring(0, space);
            Map<String, String> properties = new LinkedHashMap<>();
            if (space >= 0) {
                for (String pair : head.substring(space + 1).split(",")) {
                    int equals = pair.indexOf('=');
                    properties.put(pair.substring(0, equals), unescape(pair.substring(equals + 1).replace("%3A", ":").replace("%2C", ",")));
                }
            }
            return new WorkflowCommand(name, properties, unescape(line.substring(end + 2)));
        }

        private static String unescape(String text) {
            return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
        }
    }
}
