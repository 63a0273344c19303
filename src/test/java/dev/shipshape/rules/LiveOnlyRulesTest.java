package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.DaemonSocket;
import dev.shipshape.model.GroupMembers;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.RuntimeState;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edge cases of the live-only rules; their findings on a real engine are pinned in LiveAuditTest. */
class LiveOnlyRulesTest {

    private static final Origin WEB = Origin.live("container web (3f2a9c1b2d4e)");
    private static final Origin DAEMON = Origin.live("daemon unix:///var/run/docker.sock");

    @Test
    void restartsAboveTheThresholdAreALoop() {
        assertThat(messages("container-restarting", containerWith(new RuntimeState("running", 3, null, 0, "sha256:1", List.of("x@sha256:2"), WEB)))).isEmpty();
        assertThat(messages("container-restarting", containerWith(new RuntimeState("restarting", 4, null, 0, "sha256:1", List.of(), WEB))))
                .containsExactly("container 'web' has been restarted 4 times and is restarting again");
    }

    @Test
    void onlyRunningContainersAreUnhealthyOrUnverified() {
        RuntimeState stopped = new RuntimeState("exited", 0, "unhealthy", 3, "sha256:abcdef0123456789", List.of(), WEB);
        assertThat(messages("container-unhealthy", containerWith(stopped))).isEmpty();
        assertThat(messages("image-without-digest", containerWith(stopped))).isEmpty();
        RuntimeState running = new RuntimeState("running", 0, "unhealthy", 1, "sha256:abcdef0123456789", List.of(), WEB);
        assertThat(messages("container-unhealthy", containerWith(running)))
                .containsExactly("container 'web' is unhealthy: its health check failed 1 time in a row");
        assertThat(messages("image-without-digest", containerWith(running))).containsExactly(
                "container 'web' runs image 'app:dev' (abcdef012345), which has no registry digest: "
                        + "it was built or loaded on this host and cannot be verified");
        RuntimeState pulled = new RuntimeState("running", 0, "healthy", 0, "sha256:abcdef0123456789",
                List.of("registry.example.com/app@sha256:0f3a"), WEB);
        assertThat(messages("image-without-digest", containerWith(pulled))).isEmpty();
        assertThat(messages("container-unhealthy", containerWith(pulled))).isEmpty();
    }

    @Test
    void aSocketIsTooOpenWhenEveryoneOrAnotherGroupMayWrite() {
        assertThat(messages("daemon-socket-too-open", daemonWith(socket("docker", 0660), null))).isEmpty();
        assertThat(messages("daemon-socket-too-open", daemonWith(socket("root", 0600), null))).isEmpty();
        assertThat(messages("daemon-socket-too-open", daemonWith(socket("staff", 0640), null))).isEmpty();
        assertThat(messages("daemon-socket-too-open", daemonWith(socket("staff", 0666), null))).containsExactly(
                "the Docker socket /var/run/docker.sock is writable by every user (mode 0666) and belongs to group 'staff', "
                        + "whose members can write to it: write access to it is root on the host");
    }

    @Test
    void anEmptyDockerGroupIsNoFinding() {
        Origin group = Origin.live("group docker");
        assertThat(messages("docker-group-members", daemonWith(null, new GroupMembers("docker", List.of(), group)))).isEmpty();
        assertThat(messages("docker-group-members", daemonWith(null, new GroupMembers("docker", List.of("alice"), group))))
                .containsExactly("1 user in group 'docker' can use the Docker daemon, and so is root on the host: alice");
    }

    @Test
    void aVolumeIsDanglingOnlyWhenTheEngineSaysItIsUnused() {
        Origin origin = Origin.live("volume cache");
        Volume unused = new Volume("cache", SourceKind.LIVE_DOCKER, origin, Setting.unset(origin), List.of(), false, Setting.of(false, origin));
        Volume unknown = new Volume("cache", SourceKind.COMPOSE, Origin.at("compose.yaml", 9, 3), Setting.unset(origin), List.of(), false);
        assertThat(messages("dangling-volume", Inventory.builder().add(unused).build())).containsExactly("volume 'cache' is used by no container");
        assertThat(messages("dangling-volume", Inventory.builder().add(unknown).build())).isEmpty();
    }

    private static Inventory containerWith(RuntimeState runtime) {
        ContainerBuilder builder = Container.builder("web", "container 'web'", false, WEB);
        builder.image = Setting.of("app:dev", WEB);
        builder.runtime = runtime;
        Workload workload = new Workload("container", "web", null, SourceKind.LIVE_DOCKER, WEB, 0, Setting.unset(WEB),
                Setting.unset(WEB), List.of(builder.build()), List.of(), Map.of());
        return Inventory.builder().add(workload).build();
    }

    private static DaemonSocket socket(String group, int mode) {
        return new DaemonSocket("/var/run/docker.sock", "root", group, mode, Origin.live("socket /var/run/docker.sock"));
    }

    private static Inventory daemonWith(DaemonSocket socket, GroupMembers group) {
        DaemonConfig daemon = new DaemonConfig(DAEMON, List.of(), Setting.unset(DAEMON), Setting.unset(DAEMON), Setting.unset(DAEMON),
                Setting.unset(DAEMON), Setting.unset(DAEMON), Setting.unset(DAEMON), List.of(),
                Optional.ofNullable(socket), Optional.ofNullable(group));
        return Inventory.builder().add(daemon).build();
    }

    private static List<String> messages(String rule, Inventory inventory) {
        return RuleEngine.only(BuiltInRules.byName(rule).orElseThrow()).run(inventory).stream().map(Finding::message).toList();
    }
}
