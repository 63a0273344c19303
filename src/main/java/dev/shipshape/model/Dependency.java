package dev.shipshape.model;

/**
 * A Compose {@code depends_on} entry.
 *
 * @param condition service_started (the default, also for the short list form), service_healthy,
 *                  service_completed_successfully; unset in the short form
 */
public record Dependency(String service, Setting<String> condition, Origin origin) {
}
