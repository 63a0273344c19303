package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.model.SourceKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Waiver targets that name live objects of {@code audit docker}. */
class WaiverTargetLiveTest {

    private static final Path BASE = Path.of("/project");

    private static Subject live(String kind, String name) {
        return new Subject(kind + " " + name + " (3f2a9c1b2d4e)", SourceKind.LIVE_DOCKER, kind + " " + name + " (3f2a9c1b2d4e)", kind,
                null, name, null, null, null);
    }

    @Test
    void aLiveTargetMatchesItsKindAndNameOnly() throws WaiverTarget.Invalid {
        WaiverTarget web = WaiverTarget.parse("container:web", BASE);

        assertThat(web.matches(live("container", "web"))).isTrue();
        assertThat(web.matches(live("container", "web-2"))).isFalse();
        assertThat(web.matches(live("service", "web"))).isFalse();
        // A Compose service named web is not the live container web.
        assertThat(web.matches(new Subject("compose.yaml", SourceKind.COMPOSE, "compose.yaml", "service", null, "web", "web", null, null)))
                .isFalse();
    }

    @Test
    void aLiveNameMayBeAGlob() throws WaiverTarget.Invalid {
        WaiverTarget workers = WaiverTarget.parse("service:worker-*", BASE);

        assertThat(workers.matches(live("service", "worker-eu"))).isTrue();
        assertThat(workers.matches(live("service", "web"))).isFalse();
        assertThat(WaiverTarget.parse("network:front", BASE).matches(live("network", "front"))).isTrue();
        assertThat(WaiverTarget.parse("volume:data", BASE).matches(live("volume", "data"))).isTrue();
    }

    @Test
    void daemonMatchesTheDaemonLiveOrFromAFile() throws WaiverTarget.Invalid {
        WaiverTarget daemon = WaiverTarget.parse("daemon", BASE);

        assertThat(daemon.matches(new Subject("daemon unix:///run/docker.sock", SourceKind.LIVE_DOCKER, "daemon unix:///run/docker.sock",
                "daemon", null, null, null, null, null))).isTrue();
        assertThat(daemon.matches(new Subject("daemon.json", SourceKind.DAEMON_JSON, "daemon.json", "daemon", null, null, null, null, null)))
                .isTrue();
        assertThat(daemon.matches(live("container", "daemon"))).isFalse();
    }

    @Test
    void aLiveTargetWithoutANameIsRefused() {
        assertThatThrownBy(() -> WaiverTarget.parse("container:", BASE))
                .isInstanceOf(WaiverTarget.Invalid.class)
                .hasMessage("'container:' names no container; write container:NAME");
    }

    @Test
    void liveObjectsAreFingerprintedByKindAndName() {
        assertThat(live("container", "web").identity()).isEqualTo("container:web");
        assertThat(new Subject("daemon x", SourceKind.LIVE_DOCKER, "daemon x", "daemon", null, null, null, null, null).identity())
                .isEqualTo("daemon");
    }
}
