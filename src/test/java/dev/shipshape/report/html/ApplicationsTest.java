package dev.shipshape.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.report.html.NetworkMap.Band;
import dev.shipshape.report.html.NetworkMap.Risk;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which application a finding is about, for a live host and for a manifest holding several namespaces. */
class ApplicationsTest {

    private static final RuleInfo RULE = RuleInfo.builder("SS-999", "some-rule").pillar(Pillar.SECURITY).severity(Severity.HIGH)
            .title("Some rule").rationale("Because.").remediation("Fix it.").appliesTo(SourceKind.LIVE_DOCKER).build();

    @Test
    void everythingLiveIsOneHost() {
        Origin web = Origin.live("container web (3f2a9c)");
        Origin db = Origin.live("container db (77aa01)");
        Origin network = Origin.live("network shop (8f2dce6b5ad8)");
        Origin daemon = Origin.live("daemon");
        ContainerBuilder webContainer = Container.builder("web", "container 'web'", false, web);
        webContainer.networkMode = Setting.of("bridge", web);
        webContainer.ports.add(new Port(Setting.unset(web), "8080", "80", "tcp", web));
        ContainerBuilder dbContainer = Container.builder("db", "container 'db'", false, db);
        dbContainer.networkMode = Setting.of("shop", db);
        dbContainer.networks.add(Setting.of("shop", db));
        Inventory inventory = Inventory.builder()
                .add(live("web", web, webContainer.build()))
                .add(live("db", db, dbContainer.build()))
                .add(new Network("shop", SourceKind.LIVE_DOCKER, network, Setting.of("bridge", network), List.of(), false,
                        Setting.of(false, network)))
                .add(new DaemonConfig(daemon, List.of(), Setting.unset(daemon), Setting.unset(daemon), Setting.unset(daemon),
                        Setting.unset(daemon), Setting.unset(daemon), Setting.unset(daemon), List.of()))
                .build();
        List<Finding> findings = List.of(Finding.of(RULE, web, "container 'web' runs privileged"),
                Finding.of(RULE, daemon, "the daemon listens on TCP without TLS"),
                Finding.of(RULE, Origin.live("image busybox:latest"), "image 'busybox:latest' is not pinned"));

        Applications applications = Applications.of(inventory, findings);

        assertThat(applications.all()).containsExactly(
                new Application(Application.Kind.LIVE_HOST, "Docker Engine", Set.of(SourceKind.LIVE_DOCKER)));
        assertThat(findings).extracting(applications::of).containsOnly(applications.all().getFirst());
        NetworkMap map = MapContents.of(applications, applications.all().getFirst(), 48);
        assertThat(map.nodes()).extracting(NetworkMap.Node::name).containsExactly("web", "db");
        assertThat(map.nodes().getFirst().ports()).containsExactly(new NetworkMap.Port("0.0.0.0:8080\u219280/tcp", true));
        assertThat(map.bands()).containsExactly(
                new Band("bridge", "Docker's default bridge: no name resolution between containers", Risk.NONE, List.of("web")),
                new Band("shop", "bridge", Risk.NONE, List.of("db")));
    }

    @Test
    void aFindingBelongsToTheObjectAroundOrAboveItsLine() {
        Origin api = Origin.at("all.yaml", 1, 1);
        Origin worker = Origin.at("all.yaml", 30, 1);
        Inventory inventory = Inventory.builder()
                .add(kubernetes("api", "shop", api, 20))
                .add(kubernetes("worker", "batch", worker, 50))
                .build();
        Finding inApi = Finding.of(RULE, Origin.at("all.yaml", 12, 11), "in api");
        Finding betweenObjects = Finding.of(RULE, Origin.at("all.yaml", 25, 1), "after api, before worker");
        Finding inWorker = Finding.of(RULE, Origin.at("all.yaml", 44, 9), "in worker");
        Finding elsewhere = Finding.of(RULE, Origin.at("Dockerfile", 3, 1), "a file with nothing in the inventory");

        Applications applications = Applications.of(inventory, List.of(inApi, betweenObjects, inWorker, elsewhere));

        assertThat(applications.all()).extracting(Application::title)
                .containsExactly("Kubernetes namespace batch", "Kubernetes namespace shop", "file Dockerfile");
        assertThat(List.of(inApi, betweenObjects, inWorker, elsewhere)).extracting(finding -> applications.of(finding).title())
                .containsExactly("Kubernetes namespace shop", "Kubernetes namespace shop", "Kubernetes namespace batch", "file Dockerfile");
    }

    private static Workload live(String name, Origin origin, Container container) {
        return new Workload("container", name, null, SourceKind.LIVE_DOCKER, origin, 0, Setting.unset(origin), Setting.unset(origin),
                List.of(container), List.of(), Map.of());
    }

    private static Workload kubernetes(String name, String namespace, Origin origin, int lastLine) {
        Container container = Container.builder(name, "container '" + name + "'", false, origin).build();
        return new Workload("Deployment", name, namespace, SourceKind.KUBERNETES, origin, lastLine, Setting.unset(origin),
                Setting.unset(origin), List.of(container), List.of(), Map.of());
    }
}
