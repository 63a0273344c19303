package dev.shipshape.model;

/**
 * A health check (Docker HEALTHCHECK, Compose {@code healthcheck}) or a Kubernetes probe.
 *
 * @param disabled true for {@code HEALTHCHECK NONE}, {@code disable: true} or {@code test: ["NONE"]}
 */
public record Probe(Kind kind, boolean disabled, Origin origin) {

    public enum Kind { HEALTHCHECK, READINESS, LIVENESS, STARTUP }
}
