package dev.shipshape.load.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.model.Origin;
import dev.shipshape.model.RuntimeState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Origin POD = Origin.live("Pod/shop/web-1");

    private static Map<String, RuntimeState> states(String status) throws Exception {
        return PodState.of(JSON.readTree("{\"status\": " + status + "}"), POD);
    }

    @Test
    void runningReadyAndPulledByDigest() throws Exception {
        assertThat(states("""
                {"containerStatuses": [{"name": "web", "ready": true, "restartCount": 1, "state": {"running": {}},
                  "imageID": "docker-pullable://registry.example.com/web@sha256:abc"}]}""")).containsExactly(Map.entry("web",
                new RuntimeState("running", 1, "healthy", 0, "registry.example.com/web@sha256:abc",
                        List.of("registry.example.com/web@sha256:abc"), POD)));
    }

    @Test
    void crashLoopNotReadyAndLocalImages() throws Exception {
        Map<String, RuntimeState> states = states("""
                {"initContainerStatuses": [{"name": "init", "ready": false, "restartCount": 0, "state": {"terminated": {"exitCode": 0}},
                   "imageID": "sha256:111"}],
                 "containerStatuses": [
                   {"name": "loop", "ready": false, "restartCount": 9, "state": {"waiting": {"reason": "CrashLoopBackOff"}}, "imageID": ""},
                   {"name": "slow", "ready": false, "restartCount": 0, "state": {"running": {}}, "imageID": "docker://sha256:222"},
                   {"name": "new", "ready": false, "restartCount": 0, "state": {"waiting": {"reason": "ContainerCreating"}}}]}""");
        assertThat(states).containsOnlyKeys("init", "loop", "slow", "new");
        assertThat(states.get("init")).isEqualTo(new RuntimeState("exited", 0, null, 0, "sha256:111", List.of(), POD));
        assertThat(states.get("loop")).isEqualTo(new RuntimeState("restarting", 9, null, 0, null, List.of(), POD));
        assertThat(states.get("slow")).isEqualTo(new RuntimeState("running", 0, "unhealthy", 0, "sha256:222", List.of(), POD));
        assertThat(states.get("new")).isEqualTo(new RuntimeState("created", 0, null, 0, null, List.of(), POD));
    }

    @Test
    void aPodWithoutStatusHasNoState() throws Exception {
        assertThat(states("{}")).isEmpty();
    }

    @Test
    void ofTwoPodsTheOneInTheWorseStateIsShown() {
        RuntimeState restarting = new RuntimeState("running", 5, "healthy", 0, "a", List.of("r@sha256:a"), Origin.live("Pod/a"));
        RuntimeState unready = new RuntimeState("running", 0, "unhealthy", 0, "b", List.of(), Origin.live("Pod/b"));
        RuntimeState fine = new RuntimeState("running", 0, "healthy", 0, "c", List.of("r@sha256:c"), Origin.live("Pod/c"));
        assertThat(PodState.worse(unready, restarting)).isSameAs(restarting);
        assertThat(PodState.worse(fine, unready)).isSameAs(unready);
        assertThat(PodState.worse(fine, fine)).isSameAs(fine);
    }
}
