package dev.shipshape.load.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.Origin;
import dev.shipshape.model.RuntimeState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pod's status says about each of its containers, in the terms the live rules read
 * ({@link RuntimeState}, as for a Docker container): running, restarting (a crash loop's back-off)
 * or exited; restarts; not ready while running reads as unhealthy; the registry digest of the image
 * when {@code imageID} names one ({@code docker-pullable://nginx@sha256:…}, {@code docker.io/…@sha256:…}).
 */
final class PodState {

    private static final String DIGEST = "@sha256:";

    private PodState() {
    }

    /** Per container name (init containers included); empty for a pod with no status yet. */
    static Map<String, RuntimeState> of(JsonNode pod, Origin origin) {
        Map<String, RuntimeState> states = new HashMap<>();
        JsonNode status = pod.path("status");
        for (String list : List.of("initContainerStatuses", "containerStatuses")) {
            for (JsonNode container : status.path(list)) {
                states.put(container.path("name").asText(), state(container, origin));
            }
        }
        return states;
    }

    private static RuntimeState state(JsonNode container, Origin origin) {
        JsonNode state = container.path("state");
        String status;
        if (state.has("running")) {
            status = "running";
        } else if ("CrashLoopBackOff".equals(state.path("waiting").path("reason").asText())) {
            status = "restarting";
        } else if (state.has("terminated")) {
            status = "exited";
        } else {
            status = "created";
        }
        String health = null;
        if ("running".equals(status)) health = container.path("ready").asBoolean(false) ? "healthy" : "unhealthy";
        String imageId = container.path("imageID").asText("");
        List<String> digests = imageId.contains(DIGEST) ? List.of(withoutScheme(imageId)) : List.of();
        return new RuntimeState(status, container.path("restartCount").asInt(0), health, 0,
                imageId.isEmpty() ? null : withoutScheme(imageId), digests, origin);
    }

    private static String withoutScheme(String imageId) {
        int scheme = imageId.indexOf("://");
        return scheme < 0 ? imageId : imageId.substring(scheme + 3);
    }

    /** Of two states of one container in two pods of one owner, the one that says more is wrong: restarts, then unreadiness, then no digest. */
    static RuntimeState worse(RuntimeState one, RuntimeState other) {
        return weight(other) > weight(one) ? other : one;
    }

    private static long weight(RuntimeState state) {
        long restarts = Math.min(state.restartCount(), 1_000_000);
        int unhealthy = state.isUnhealthy() ? 1 : 0;
        int withoutDigest = state.isRunning() && state.imageRepoDigests().isEmpty() ? 1 : 0;
        return restarts * 4 + unhealthy * 2 + withoutDigest;
    }
}
