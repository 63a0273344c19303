package dev.shipshape.rules.security;

import dev.shipshape.model.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * Widely used images whose own Dockerfile ends with a non-root USER, so that a container left
 * without a user of its own does not run as root. Names are matched as written in the reference
 * without tag or digest ({@code prom/prometheus}, {@code quay.io/prometheus/prometheus}); a name
 * ending in {@code /} covers the whole namespace. Only images whose every current tag sets the
 * user are listed; images that start as root and step down in their entrypoint (postgres, redis,
 * mariadb) are not: their first process is root.
 */
enum NonRootImage {
    PROMETHEUS("nobody", "prom/prometheus", "quay.io/prometheus/prometheus", "prom/alertmanager",
            "quay.io/prometheus/alertmanager", "prom/node-exporter", "quay.io/prometheus/node-exporter"),
    GRAFANA("472", "grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise"),
    JAEGER("10001", "jaegertracing/jaeger", "cr.jaegertracing.io/jaegertracing/jaeger", "jaegertracing/all-in-one"),
    ZIPKIN("zipkin", "openzipkin/zipkin", "ghcr.io/openzipkin/zipkin", "openzipkin/zipkin-slim",
            "ghcr.io/openzipkin/zipkin-slim"),
    ELASTIC("1000", "docker.elastic.co/elasticsearch/elasticsearch", "docker.elastic.co/kibana/kibana",
            "docker.elastic.co/logstash/logstash", "opensearchproject/opensearch",
            "opensearchproject/opensearch-dashboards"),
    KEYCLOAK("1000", "jboss/keycloak", "quay.io/keycloak/keycloak"),
    OPENTELEMETRY_COLLECTOR("10001", "otel/opentelemetry-collector", "otel/opentelemetry-collector-contrib"),
    CONFLUENT("appuser", "confluentinc/cp-"),
    BITNAMI("1001", "bitnami/");

    private final String user;
    private final List<String> names;

    NonRootImage(String user, String... names) {
        this.user = user;
        this.names = List.of(names);
    }

    /** The USER the image sets, as its Dockerfile writes it. */
    String user() {
        return user;
    }

    /** The listed image a reference names, if any; a reference still holding a variable names none. */
    static Optional<NonRootImage> of(String reference) {
        Optional<String> name = ImageReference.parse(reference).map(ImageReference::familiarName);
        if (name.isEmpty()) return Optional.empty();
        for (NonRootImage image : values()) {
            if (image.names.stream().anyMatch(listed -> matches(listed, name.get()))) return Optional.of(image);
        }
        return Optional.empty();
    }

    private static boolean matches(String listed, String name) {
        return listed.endsWith("/") || listed.endsWith("-") ? name.startsWith(listed) : name.equals(listed);
    }
}
