package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened from disk in headless Chromium: what a reader sees (verdicts, the maps'
 * nodes and edges, filters that filter when an option is clicked), and a console without errors.
 * Each page and a screenshot of it stay under {@code target/html-report/} as build artifacts.
 */
class HtmlReportInBrowserTest {

    private static HeadlessChromium browser;
    private static Path artifacts;

    @BeforeAll
    static void startBrowser() throws Exception {
        artifacts = buildFolder().resolve("html-report");
        Files.createDirectories(artifacts);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    void insecureExampleShowsItsVerdictsAndFiltersItsFindings() throws Exception {
        Report report = ScannedReports.scan(ScannedReports.INSECURE_EXAMPLE);
        open(report, "insecure");

        assertThat(text("#overall-verdict")).isEqualTo("NOT READY");
        assertThat(text("#verdict-rule")).contains("not ready: any critical or high finding; at risk: any medium finding");
        for (Pillar pillar : Pillar.values()) {
            assertThat(text(".card[data-pillar=\"" + PillarChart.key(pillar) + "\"] p.verdict")).as(pillar.displayName())
                    .isEqualTo(expectedVerdict(report.findings(), pillar));
        }
        assertThat(text(".card[data-pillar=\"security\"] p.verdict")).isEqualTo("NOT READY");
        assertThat(rowTexts("#applications-table tbody th")).containsExactly(
                "Compose project examples/insecure/compose.yaml",
                "Kubernetes namespace default",
                "Docker host configuration examples/insecure/daemon.json");
        assertThat(text("#applications-table tr[data-app=\"0\"] td.app-verdict")).isEqualTo("NOT READY");

        assertThat(attributes("details.map[data-app=\"0\"] g.node", "data-name")).containsExactly("web", "db", "monitor");
        assertThat(attributes("details.map[data-app=\"0\"] g.band", "data-network")).containsExactly("host", "shop");
        assertThat(text("details.map[data-app=\"0\"] g.node[data-name=\"monitor\"]")).contains("host network");
        assertThat(text("details.map[data-app=\"0\"] g.band[data-network=\"shop\"]"))
                .isEqualTo("shop \u2014 overlay, not encrypted (2 members)");

        int all = report.findings().size();
        assertThat(text("#shown-count")).isEqualTo(all + " of " + all + " findings match");
        assertThat(visibleRows()).isEqualTo(all);
        assertThat(browser.displayed(browser.element("#show-all"))).isFalse();
        browser.choose("#filter-severity", "critical");
        long critical = count(report, Severity.CRITICAL, null);
        assertThat(critical).isPositive();
        assertThat(visibleRows()).isEqualTo(critical);
        assertThat(text("#shown-count")).isEqualTo(critical + " of " + all + " findings match");
        browser.choose("#filter-pillar", "orchestration");
        assertThat(visibleRows()).isEqualTo(count(report, Severity.CRITICAL, Pillar.ORCHESTRATION));
        browser.click(browser.element("#filter-reset"));
        assertThat(visibleRows()).isEqualTo(all);
        browser.choose("#filter-rule", "privileged-container");
        assertThat(rowTexts("#findings-table tbody tr:not([hidden]) td.loc"))
                .containsExactlyElementsOf(report.findings().stream().filter(f -> f.rule().name().equals("privileged-container"))
                        .map(f -> f.origin().toString()).toList());
        browser.click(browser.element("#filter-reset"));
        browser.choose("#filter-file", fileOption("examples/insecure/daemon.json"));
        assertThat(visibleRows()).isEqualTo(report.findings().stream()
                .filter(f -> f.origin().source().equals("examples/insecure/daemon.json")).count()).isPositive();
        browser.click(browser.element("#filter-reset"));

        browser.click(browser.elements("#findings-table tbody tr a[href=\"#fix-privileged-container\"]").getFirst());
        assertThat(text("#fix-privileged-container p.remedy")).contains("privileged");
        assertThat(browser.elements("#fixes article.fix")).hasSize((int) report.findings().stream().map(f -> f.rule().name()).distinct().count());

        assertThat(browser.console()).isEmpty();
        browser.screenshot(artifacts.resolve("insecure.png"), 8000);
        browser.screenshot(browser.element("#maps"), artifacts.resolve("insecure-maps.png"));
    }

    @Test
    void mapDrawsEveryNodeAndEdgeWithoutOverlap() throws Exception {
        open(ScannedReports.scan(ScannedReports.MAP_FIXTURE), "map-fixture");

        String compose = "details.map[data-app=\"0\"] ";
        assertThat(attributes(compose + "g.node", "data-name")).containsExactly("web", "api", "db", "cache", "sidecar", "agent");
        List<String> edges = new ArrayList<>();
        for (String edge : browser.elements(compose + "path.edge")) {
            edges.add(attribute(edge, "data-from") + " " + attribute(edge, "data-kind") + " " + attribute(edge, "data-to"));
        }
        assertThat(edges).containsExactlyInAnyOrder("web depends on api", "api depends on db", "api links to cache",
                "sidecar shares the network of api");
        assertThat(text(compose + "g.node[data-name=\"web\"]")).isEqualTo("web\nservice\n\u21e2 127.0.0.1:8443\u21928443/tcp\n"
                + "\u21e2 0.0.0.0:8080\u21928080/tcp");
        assertThat(attributes(compose + "g.band", "data-network")).containsExactly("host", "front", "back");
        assertThat(browser.elements(compose + "g.joins circle")).hasSize(6);
        JsonNode overlaps = browser.script("""
                const boxes = [...document.querySelectorAll('svg.netmap')].map(svg =>
                    [...svg.querySelectorAll('g.node rect, g.band rect')].map(r => r.getBBox()));
                let overlaps = 0;
                for (const list of boxes) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
                  const a = list[i], b = list[j];
                  if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
                }
                return overlaps;""");
        assertThat(overlaps.asInt()).isZero();

        String namespace = "details.map[data-app=\"1\"] ";
        assertThat(attributes(namespace + "g.node", "data-name")).containsExactly("Deployment/api", "Service/api", "Service/orphan");
        assertThat(attributes(namespace + "path.edge", "data-to")).containsExactly("Deployment/api");
        assertThat(browser.console()).isEmpty();
        browser.screenshot(artifacts.resolve("map-fixture.png"), 4000);
        browser.screenshot(browser.element("details.map[data-app=\"0\"]"), artifacts.resolve("map-fixture-compose.png"));
    }

    @Test
    void markupInFileAndServiceNamesStaysText(@TempDir Path folder) throws Exception {
        String fileName = "<img src=x onerror=window.pwned=2>.compose.yaml";
        String service = "<script>window.pwned=1</script>";
        Files.writeString(folder.resolve(fileName), """
                services:
                  "%s":
                    image: evil/app:1.0
                    privileged: true
                """.formatted(service));
        Report report = ScannedReports.scan(folder);
        assertThat(report.findings()).isNotEmpty();
        open(report, "markup-in-names");

        assertThat(browser.script("return window.pwned === undefined;").asBoolean()).isTrue();
        assertThat(browser.script("return document.querySelectorAll('img').length;").asInt()).isZero();
        assertThat(browser.script("return document.scripts.length;").asInt()).as("the data block and the page's own script").isEqualTo(2);
        assertThat(attributes("g.node", "data-name")).containsExactly(service);
        assertThat(text("g.node[data-name] text.name")).isEqualTo(service.substring(0, 27) + "\u2026");
        browser.choose("#filter-rule", "privileged-container");
        assertThat(rowTexts("#findings-table tbody tr:not([hidden]) td:last-child"))
                .containsExactly("service '" + service + "' runs privileged");
        assertThat(rowTexts("#findings-table tbody tr:not([hidden]) td.loc").getFirst()).contains(fileName);
        assertThat(rowTexts("#applications-table tbody th").getFirst()).endsWith(fileName);
        assertThat(browser.console()).isEmpty();
    }

    @Test
    void corpusReportOpensAndFilters() throws Exception {
        assumeTrue(Files.isDirectory(ScannedReports.CORPUS), "the shared corpus is not on this machine");
        Report report = ScannedReports.scan(ScannedReports.CORPUS);
        long opening = System.nanoTime();
        Path page = open(report, "corpus");
        long opened = System.nanoTime();
        Applications applications = Applications.of(report.inventory(), report.findings());
        System.out.printf(Locale.ROOT, "HTML report of the corpus: %,d bytes, %d findings, %d applications, opened in %d ms%n",
                Files.size(page), report.findings().size(), applications.all().size(), (opened - opening) / 1_000_000);

        int all = report.findings().size();
        assertThat(all).isGreaterThan(FindingsTable.LISTED);
        assertThat(text("#shown-count")).isEqualTo(all + " of " + all + " findings match; the first " + FindingsTable.LISTED + " are listed");
        assertThat(visibleRows()).isEqualTo(FindingsTable.LISTED);
        assertThat(browser.elements("#applications-table tbody tr")).hasSize(applications.all().size());
        long drawn = applications.all().stream()
                .filter(application -> !MapContents.of(applications, application, HtmlReporter.MAX_NODES_PER_MAP).isEmpty()).count();
        assertThat(browser.elements("details.map")).hasSize((int) drawn);
        browser.choose("#filter-severity", "critical");
        assertThat(visibleRows()).isEqualTo(count(report, Severity.CRITICAL, null));
        browser.choose("#filter-pillar", "security");
        assertThat(visibleRows()).isEqualTo(count(report, Severity.CRITICAL, Pillar.SECURITY));
        browser.click(browser.element("#filter-reset"));
        assertThat(visibleRows()).isEqualTo(FindingsTable.LISTED);
        browser.click(browser.element("#show-all"));
        assertThat(visibleRows()).isEqualTo(all);
        assertThat(text("#shown-count")).isEqualTo(all + " of " + all + " findings match");

        String firstMap = browser.elements("details.map").getFirst();
        String firstNode = browser.elements("details.map g.node").getFirst();
        assertThat(browser.displayed(firstNode)).isFalse();
        browser.click(browser.elements("details.map summary").getFirst());
        assertThat(browser.displayed(firstNode)).isTrue();
        assertThat(attribute(firstMap, "open")).isEqualTo("true");

        assertThat(browser.console()).isEmpty();
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot(artifacts.resolve("corpus.png"), 2400);
    }

    private static Path open(Report report, String name) throws IOException, InterruptedException {
        StringWriter html = new StringWriter();
        new HtmlReporter("test").write(report, html);
        Path page = artifacts.resolve(name + ".html");
        Files.writeString(page, html.toString(), StandardCharsets.UTF_8);
        browser.open(page);
        return page;
    }

    private static String text(String css) throws IOException, InterruptedException {
        return browser.text(browser.element(css));
    }

    private static List<String> rowTexts(String css) throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>();
        for (String element : browser.elements(css)) texts.add(browser.text(element));
        return texts;
    }

    private static List<String> attributes(String css, String name) throws IOException, InterruptedException {
        List<String> values = new ArrayList<>();
        for (String element : browser.elements(css)) values.add(attribute(element, name));
        return values;
    }

    private static String attribute(String element, String name) throws IOException, InterruptedException {
        return browser.script("return arguments[0].getAttribute(arguments[1]) === null ? null : String(arguments[0]"
                + "[arguments[1]] === true ? true : arguments[0].getAttribute(arguments[1]));",
                java.util.Map.of("element-6066-11e4-a52e-4f735466cecf", element), name).asText();
    }

    /** Rows a reader can see (laid out, not hidden by a filter). */
    private static long visibleRows() throws IOException, InterruptedException {
        return browser.script("return [...document.querySelectorAll('#findings-table tbody tr')]"
                + ".filter(row => row.getClientRects().length > 0).length;").asLong();
    }

    private static String fileOption(String file) throws IOException, InterruptedException {
        return browser.script("return [...document.querySelectorAll('#filter-file option')].find(o => o.textContent === arguments[0]).value;",
                file).asText();
    }

    private static long count(Report report, Severity severity, Pillar pillar) {
        return report.findings().stream()
                .filter(finding -> finding.severity() == severity && (pillar == null || finding.rule().pillar() == pillar)).count();
    }

    /** The verdict the page must show, worked out here from the findings as the rule on the page states it. */
    private static String expectedVerdict(List<Finding> findings, Pillar pillar) {
        List<Severity> severities = findings.stream().filter(f -> f.rule().pillar() == pillar).map(Finding::severity).toList();
        if (severities.contains(Severity.CRITICAL) || severities.contains(Severity.HIGH)) return "NOT READY";
        if (severities.contains(Severity.MEDIUM)) return "AT RISK";
        return "READY";
    }

    private static Path buildFolder() throws URISyntaxException {
        return Path.of(HtmlReportInBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
