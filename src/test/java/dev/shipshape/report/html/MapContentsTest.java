package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.report.Report;
import dev.shipshape.report.html.NetworkMap.Band;
import dev.shipshape.report.html.NetworkMap.Edge;
import dev.shipshape.report.html.NetworkMap.EdgeKind;
import dev.shipshape.report.html.NetworkMap.Node;
import dev.shipshape.report.html.NetworkMap.Port;
import dev.shipshape.report.html.NetworkMap.Risk;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The map of the fixture under {@code report/html/shop}: what it draws, read from the model, and where. */
class MapContentsTest {

    private static Applications applications;

    @BeforeAll
    static void scanFixture() throws Exception {
        Report report = ScannedReports.scan(ScannedReports.MAP_FIXTURE);
        applications = Applications.of(report.inventory(), report.findings());
    }

    @Test
    void theFixtureFormsOneComposeProjectAndOneNamespace() {
        assertThat(applications.all()).extracting(Application::title).containsExactly(
                "Compose project src/test/resources/report/html/shop/compose.yaml",
                "Kubernetes namespace shop");
    }

    @Test
    void composeMapHasEveryServiceEveryDependencyAndEveryNetwork() {
        NetworkMap map = MapContents.of(applications, applications.all().get(0), 48);

        assertThat(map.nodes()).extracting(Node::name).containsExactly("web", "api", "db", "cache", "sidecar", "agent");
        assertThat(map.nodes().get(0).ports()).containsExactly(
                new Port("127.0.0.1:8443\u21928443/tcp", false), new Port("0.0.0.0:8080\u21928080/tcp", true));
        assertThat(map.nodes().get(4).tags()).containsExactly("shares api's network");
        assertThat(map.nodes().get(5).tags()).containsExactly("host network");
        assertThat(map.edges()).containsExactlyInAnyOrder(
                new Edge("web", "api", EdgeKind.DEPENDS_ON, "service_healthy"),
                new Edge("api", "db", EdgeKind.DEPENDS_ON, ""),
                new Edge("api", "cache", EdgeKind.LINK, ""),
                new Edge("sidecar", "api", EdgeKind.SHARES_NETWORK, ""));
        assertThat(map.bands()).containsExactly(
                new Band("host", "the host's own interfaces: no isolation, every port binds on the host", Risk.DANGER, List.of("agent")),
                new Band("front", "overlay, not encrypted", Risk.WARN, List.of("web", "api")),
                new Band("back", "overlay, encrypted, internal (no outside access)", Risk.NONE, List.of("api", "db", "cache")));
        assertThat(map.omitted()).isZero();
    }

    @Test
    void dependentsStandLeftOfWhatTheyDependOn() {
        NetworkMap map = MapContents.of(applications, applications.all().get(0), 48);

        assertThat(MapSvg.columns(map)).extracting(column -> column.stream().map(Node::name).toList()).containsExactly(
                List.of("web", "sidecar"), List.of("api"), List.of("db", "cache", "agent"));
    }

    @Test
    void aServicePointsAtTheWorkloadItsSelectorMatches() {
        NetworkMap map = MapContents.of(applications, applications.all().get(1), 48);

        assertThat(map.nodes()).extracting(Node::name).containsExactly("Deployment/api", "Service/api", "Service/orphan");
        assertThat(map.nodes().get(1).ports()).containsExactly(new Port("NodePort :80", true));
        assertThat(map.edges()).containsExactly(new Edge("Service/api", "Deployment/api", EdgeKind.SELECTS, ""));
        assertThat(map.bands()).containsExactly(new Band("pod network", "the cluster's pod network", Risk.NONE, List.of("Deployment/api")));
    }

    @Test
    void aLargeApplicationIsDrawnInPartAndSaysHowMuchIsLeftOut() {
        NetworkMap map = MapContents.of(applications, applications.all().get(0), 4);

        assertThat(map.nodes()).extracting(Node::name).containsExactly("web", "api", "db", "cache");
        assertThat(map.omitted()).isEqualTo(2);
        assertThat(map.edges()).containsExactlyInAnyOrder(
                new Edge("web", "api", EdgeKind.DEPENDS_ON, "service_healthy"),
                new Edge("api", "db", EdgeKind.DEPENDS_ON, ""),
                new Edge("api", "cache", EdgeKind.LINK, ""));
    }
}
