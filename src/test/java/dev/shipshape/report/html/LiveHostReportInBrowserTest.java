package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.docker.DockerEngineLoader;
import dev.shipshape.load.docker.EngineAddress;
import dev.shipshape.load.docker.HostFiles;
import dev.shipshape.load.docker.PrivateDockerEngine;
import dev.shipshape.model.SourceKind;
import dev.shipshape.report.Report;
import dev.shipshape.scan.Coverage;
import dev.shipshape.scan.InventoryCheck;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a live audit of the real (private) Docker Engine, in headless Chromium: the host is
 * one application, and its map shows the containers, the network they join, and a container
 * that shares another's network namespace.
 */
class LiveHostReportInBrowserTest {

    @Test
    void aLiveHostIsOneApplicationWithItsContainersOnTheMap(@TempDir Path hostFolder) throws Exception {
        PrivateDockerEngine engine = PrivateDockerEngine.shared();
        if (engine.docker("network", "ls", "-q", "--filter", "name=^html-shop$").isEmpty()) {
            engine.docker("network", "create", "html-shop");
        }
        if (engine.docker("ps", "-aq", "--filter", "name=^html-web$").isEmpty()) {
            engine.docker("run", "-d", "--name", "html-web", "--network", "html-shop", PrivateDockerEngine.IMAGE, "sleep", "3600");
        }
        if (engine.docker("ps", "-aq", "--filter", "name=^html-sidecar$").isEmpty()) {
            engine.docker("run", "-d", "--name", "html-sidecar", "--network", "container:html-web", PrivateDockerEngine.IMAGE,
                    "sleep", "3600");
        }
        HostFiles host = new HostFiles(hostFolder.resolve("daemon.json"), hostFolder.resolve("group"), hostFolder.resolve("passwd"));
        DockerEngineLoader.Audited audited = new DockerEngineLoader(host, 2)
                .load(EngineAddress.resolve(engine.host(), null, null, null, Map.of()));
        Report report = InventoryCheck.check(audited.result(), Optional.empty(), Set.of(), Set.of(),
                new Coverage(Map.of(SourceKind.LIVE_DOCKER, 1), Map.of(SourceKind.LIVE_DOCKER, 1), List.of(), 0)).report();
        assertThat(report.findings()).isNotEmpty();

        StringWriter html = new StringWriter();
        new HtmlReporter("test").write(report, html);
        Path page = buildFolder().resolve("html-report/live-host.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, html.toString(), StandardCharsets.UTF_8);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(page);
            assertThat(texts(browser, "#applications-table tbody th")).containsExactly("live Docker host Docker Engine");
            assertThat(browser.text(browser.element("#applications-table tbody td.app-verdict"))).isEqualTo("NOT READY");
            List<String> nodes = attributes(browser, "details.map g.node", "data-name");
            assertThat(nodes).contains("html-web", "html-sidecar");
            assertThat(attributes(browser, "details.map path.edge[data-from=\"html-sidecar\"]", "data-to")).containsExactly("html-web");
            assertThat(browser.text(browser.element("details.map g.node[data-name=\"html-sidecar\"]"))).contains("shares");
            assertThat(browser.text(browser.element("details.map g.band[data-network=\"html-shop\"]"))).startsWith("html-shop \u2014 bridge");
            assertThat(attributes(browser, "details.map g.band", "data-network")).doesNotContain("none");
            for (String own : browser.elements("details.map g.band[data-network=\"host\"], details.map g.band[data-network=\"bridge\"]")) {
                assertThat(browser.text(own)).as("the Engine's own networks are drawn only when joined").doesNotContain("(0 members)");
            }
            assertThat(browser.console()).isEmpty();
            browser.screenshot(browser.element("details.map"), page.resolveSibling("live-host-map.png"));
        }
    }

    private static List<String> texts(HeadlessChromium browser, String css) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String element : browser.elements(css)) texts.add(browser.text(element));
        return texts;
    }

    private static List<String> attributes(HeadlessChromium browser, String css, String name) throws Exception {
        List<String> values = new ArrayList<>();
        for (String element : browser.elements(css)) {
            values.add(browser.script("return arguments[0].getAttribute(arguments[1]);",
                    Map.of("element-6066-11e4-a52e-4f735466cecf", element), name).asText());
        }
        return values;
    }

    private static Path buildFolder() throws URISyntaxException {
        return Path.of(LiveHostReportInBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
