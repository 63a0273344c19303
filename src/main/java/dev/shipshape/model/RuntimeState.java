package dev.shipshape.model;

import java.util.List;

/**
 * What a live container is doing right now, as its engine reports it; files have no such state.
 *
 * @param status           the engine's state: created, running, paused, restarting, removing, exited or dead
 * @param restartCount     how often the engine has restarted it under its restart policy
 * @param health           the health check's verdict (starting, healthy, unhealthy), or null when it has no health check
 * @param failingStreak    consecutive failed health checks
 * @param imageId          the image it runs ({@code sha256:…})
 * @param imageRepoDigests the image's registry digests ({@code nginx@sha256:…}); empty for an image that was
 *                         built or loaded on the host and never pushed or pulled, so nothing can verify it
 * @param origin           the container as a live object
 */
public record RuntimeState(
        String status,
        int restartCount,
        String health,
        int failingStreak,
        String imageId,
        List<String> imageRepoDigests,
        Origin origin) {

    public RuntimeState {
        imageRepoDigests = List.copyOf(imageRepoDigests);
    }

    public boolean isRunning() {
        return "running".equals(status);
    }

    public boolean isRestarting() {
        return "restarting".equals(status);
    }

    public boolean isUnhealthy() {
        return "unhealthy".equals(health);
    }
}
