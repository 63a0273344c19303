package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.AuditedCluster;
import dev.shipshape.scan.Coverage;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as text, from a hand-built report: verdicts, escaping, a policy that allows only its own CSS and script. */
class HtmlReporterTest {

    private static final RuleInfo PRIVILEGED = rule("SS-101", "privileged-container", Pillar.SECURITY, Severity.CRITICAL, SourceKind.COMPOSE);
    private static final RuleInfo HOST_NETWORK = rule("SS-402", "host-network", Pillar.NETWORKING, Severity.HIGH, SourceKind.COMPOSE);
    private static final RuleInfo NO_LIMIT = rule("SS-302", "missing-memory-limit", Pillar.ORCHESTRATION, Severity.MEDIUM, SourceKind.COMPOSE);
    private static final RuleInfo HOST_PATH = rule("SS-201", "host-path-volume", Pillar.STORAGE, Severity.MEDIUM, SourceKind.COMPOSE);
    private static final RuleInfo PROBES = rule("SS-501", "missing-readiness-probe", Pillar.DISCOVERY, Severity.LOW, SourceKind.KUBERNETES);

    private static final String EVIL_FILE = "deploy/<img src=x onerror=alert(1)>.yaml";
    private static final String EVIL_MESSAGE = "service '<script>alert(2)</script>' runs privileged & \"quoted\"";

    @Test
    void eachPillarGetsTheVerdictItsWorstFindingDecides() {
        String page = page(report(List.of(
                Finding.of(PRIVILEGED, Origin.at("compose.yaml", 4, 5), "service 'web' runs privileged"),
                Finding.of(NO_LIMIT, Origin.at("compose.yaml", 3, 3), "service 'web' sets no memory limit"),
                Finding.of(NO_LIMIT, Origin.at("compose.yaml", 9, 3), "service 'db' sets no memory limit").withSeverity(Severity.LOW))));

        assertThat(cardVerdicts(page)).containsExactly(
                "security=not-ready", "storage=ready", "orchestration=at-risk", "networking=ready", "discovery=not-assessed");
        assertThat(page).contains("<span id=\"overall-verdict\" class=\"verdict not-ready\">not ready</span>");
        assertThat(page).contains(Markup.escape(Verdict.RULE));
    }

    @Test
    void aPageWithoutFindingsIsReadyWhereRulesApplied() {
        String page = page(report(List.of()));

        assertThat(cardVerdicts(page)).containsExactly(
                "security=ready", "storage=ready", "orchestration=ready", "networking=ready", "discovery=not-assessed");
        assertThat(page).contains("<span id=\"overall-verdict\" class=\"verdict ready\">ready</span>");
    }

    @Test
    void aClusterAuditNamesTheClusterAndItsServerButNoCredentials() {
        Coverage cluster = new Coverage(Map.of(SourceKind.KUBERNETES, 42), Map.of(SourceKind.KUBERNETES, 42), List.of(), 60,
                java.util.Optional.of(new AuditedCluster("prod<b>", "https://admin:secret@10.0.0.1:6443/?token=abc")));
        String page = page(new Report(List.of(), List.of(), List.of(), cluster, List.of(PRIVILEGED), java.util.Optional.empty(), List.of(),
                Map.of(), Inventory.empty()));

        assertThat(page).contains(" in 42 objects of cluster <span id=\"cluster\">prod&lt;b&gt; (https://10.0.0.1:6443)</span>, 60 rules run.")
                .doesNotContain("secret").doesNotContain("token=");
        assertThat(page(report(List.of()))).contains(" in 1 file, 5 rules run.").doesNotContain("id=\"cluster\"");
    }

    @Test
    void inputNeverBecomesMarkup() {
        String page = page(report(List.of(Finding.of(PRIVILEGED, Origin.at(EVIL_FILE, 4, 5), EVIL_MESSAGE))));

        assertThat(page).doesNotContain("<img", "<script>alert", "onerror=alert(1)>");
        assertThat(page).contains("<span class=\"app-kind\">file</span> deploy/&lt;img src=x onerror=alert(1)&gt;.yaml</th>");
        assertThat(page).contains("\"deploy/\\u003cimg src=x onerror=alert(1)\\u003e.yaml\"");
        assertThat(page).contains("\"service '\\u003cscript\\u003ealert(2)\\u003c/script\\u003e' runs privileged \\u0026 \\\"quoted\\\"\"");
        assertThat(page).contains("<option value=\"0\">deploy/&lt;img src=x onerror=alert(1)&gt;.yaml</option>");
    }

    @Test
    void thePolicyAllowsOnlyThePagesOwnStyleAndScriptAndNothingFromTheNetwork() throws Exception {
        String page = page(report(List.of(Finding.of(HOST_NETWORK, Origin.at("compose.yaml", 7, 5), "service 'web' uses the host network"))));

        Matcher policy = Pattern.compile("content=\"default-src 'none'; img-src data:; style-src '(sha256-[^']+)'; script-src '(sha256-[^']+)'\"")
                .matcher(page);
        assertThat(policy.find()).isTrue();
        assertThat(policy.group(1)).isEqualTo(sha256(between(page, "<style>", "</style>")));
        assertThat(policy.group(2)).isEqualTo(sha256(between(page, "</main><script>", "</script>")));
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "src=", "url(http");
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        Report report = report(List.of(Finding.of(PRIVILEGED, Origin.at("compose.yaml", 4, 5), "service 'web' runs privileged")));

        assertThat(page(report)).isEqualTo(page(report));
    }

    @Test
    void eachRuleThatFiredHasItsFixOnceWithItsCount() {
        String page = page(report(List.of(
                Finding.of(NO_LIMIT, Origin.at("compose.yaml", 3, 3), "service 'web' sets no memory limit"),
                Finding.of(NO_LIMIT, Origin.at("compose.yaml", 9, 3), "service 'db' sets no memory limit"))));

        assertThat(page.split("<article class=\"fix\"", -1)).hasSize(2);
        assertThat(page).contains("<article class=\"fix\" id=\"fix-missing-memory-limit\"><h3><code>missing-memory-limit</code> "
                + "Missing memory limit title</h3><p class=\"meta\">SS-302 \u00b7 Orchestration \u00b7 medium \u00b7 2 findings</p>"
                + "<p class=\"remedy\">Set <code>deploy.resources.limits</code> in the file.</p>");
    }

    private static List<String> cardVerdicts(String page) {
        Matcher card = Pattern.compile("<div class=\"card ([a-z-]+)\" data-pillar=\"([a-z]+)\">").matcher(page);
        List<String> verdicts = new ArrayList<>();
        while (card.find()) verdicts.add(card.group(2) + "=" + card.group(1));
        return verdicts;
    }

    private static Report report(List<Finding> findings) {
        return new Report(findings, List.of(), List.of(), new Coverage(Map.of(SourceKind.COMPOSE, 1), Map.of(SourceKind.COMPOSE, 1), List.of(), 5),
                List.of(PRIVILEGED, HOST_NETWORK, NO_LIMIT, HOST_PATH, PROBES), java.util.Optional.empty(), List.of(), Map.of(), Inventory.empty());
    }

    private static String page(Report report) {
        StringWriter out = new StringWriter();
        try {
            new HtmlReporter("test").write(report, out);
        } catch (java.io.IOException impossible) {
            throw new AssertionError(impossible);
        }
        return out.toString();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static RuleInfo rule(String id, String name, Pillar pillar, Severity severity, SourceKind appliesTo) {
        String title = Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' ') + " title";
        return RuleInfo.builder(id, name).pillar(pillar).severity(severity).title(title)
                .rationale("Why " + name + " matters.")
                .remediation("Set `deploy.resources.limits` in the file.")
                .appliesTo(appliesTo).build();
    }
}
