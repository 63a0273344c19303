package dev.shipshape.rules.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live reader turns the Engine's "default" network mode into "bridge"; the rule sees only "bridge". */
class DefaultBridgeNetworkTest {

    private static final Origin LIVE = Origin.live("container web (3f2a9c)");

    @Test
    void aLiveContainerOnTheBridgeIsOnTheDefaultBridge() {
        assertThat(findings(SourceKind.LIVE_DOCKER, "bridge")).extracting(Finding::message)
                .containsExactly("container 'web' uses Docker's default bridge network");
    }

    @Test
    void aLiveContainerOnAUserDefinedNetworkIsFine() {
        assertThat(findings(SourceKind.LIVE_DOCKER, "shop_backend")).isEmpty();
    }

    @Test
    void networkModeIsIgnoredInAStackFile() {
        assertThat(findings(SourceKind.STACK, "bridge")).isEmpty();
    }

    private static List<Finding> findings(SourceKind source, String networkMode) {
        var builder = Container.builder("web", "container 'web'", false, LIVE);
        builder.networkMode = Setting.of(networkMode, LIVE);
        Container container = builder.build();
        Workload workload = new Workload("container", "web", null, source, LIVE, 0, Setting.unset(LIVE),
                Setting.unset(LIVE), List.of(container), List.of(), Map.of());
        return new DefaultBridgeNetwork().check(workload, container).toList();
    }
}
