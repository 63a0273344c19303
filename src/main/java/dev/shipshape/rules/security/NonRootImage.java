package dev.shipshape.rules.security;

import dev.shipshape.model.ImageReference;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Widely used images whose own Dockerfile ends with a non-root USER, so that a container left
 * without a user of its own does not run as root. Names are matched as written in the reference
 * without tag or digest ({@code prom/prometheus}, {@code quay.io/prometheus/prometheus}); a name
 * ending in {@code -} covers every image it begins. Only images whose every current tag sets the
 * user are listed, with the first release that did; images that start as root and step down in
 * their entrypoint (postgres, redis, mariadb) are not: their first process is root.
 */
enum NonRootImage {
    PROMETHEUS("nobody", "0", "prom/prometheus", "quay.io/prometheus/prometheus", "prom/alertmanager",
            "quay.io/prometheus/alertmanager", "prom/node-exporter", "quay.io/prometheus/node-exporter"),
    GRAFANA("472", "5.1", "grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise"),
    JAEGER("10001", "0", "jaegertracing/jaeger", "cr.jaegertracing.io/jaegertracing/jaeger"),
    ZIPKIN("zipkin", "0", "openzipkin/zipkin", "ghcr.io/openzipkin/zipkin", "openzipkin/zipkin-slim",
            "ghcr.io/openzipkin/zipkin-slim"),
    ELASTIC("1000", "0", "docker.elastic.co/elasticsearch/elasticsearch", "docker.elastic.co/kibana/kibana",
            "docker.elastic.co/logstash/logstash", "opensearchproject/opensearch",
            "opensearchproject/opensearch-dashboards"),
    KEYCLOAK("1000", "0", "jboss/keycloak", "quay.io/keycloak/keycloak"),
    OPENTELEMETRY_COLLECTOR("10001", "0", "otel/opentelemetry-collector", "otel/opentelemetry-collector-contrib"),
    CONFLUENT("appuser", "6.0", "confluentinc/cp-"),
    BITNAMI("1001", "0", "bitnami/redis", "bitnami/postgresql", "bitnami/mariadb", "bitnami/mysql", "bitnami/mongodb",
            "bitnami/kafka", "bitnami/zookeeper", "bitnami/rabbitmq", "bitnami/etcd", "bitnami/memcached", "bitnami/nginx");

    private final String user;
    private final Release since;
    private final List<String> names;

    /** @param since the first release whose image sets the user ("6.0"); "0" when every release does */
    NonRootImage(String user, String since, String... names) {
        this.user = user;
        this.since = Release.of(since).orElseThrow();
        this.names = List.of(names);
    }

    /** The USER the image sets, as its Dockerfile writes it. */
    String user() {
        return user;
    }

    /**
     * The listed image a reference names, if any: not when the reference still holds a variable,
     * nor when its tag is a release older than the one that brought the user. A tag that is no
     * version ({@code latest}, {@code dist}) or no tag at all is taken as a current release.
     */
    static Optional<NonRootImage> of(String reference) {
        Optional<ImageReference> parsed = ImageReference.parse(reference);
        if (parsed.isEmpty()) return Optional.empty();
        String name = parsed.get().familiarName();
        for (NonRootImage image : values()) {
            if (image.names.stream().anyMatch(listed -> matches(listed, name))) {
                return image.setsUserIn(parsed.get().tag()) ? Optional.of(image) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean setsUserIn(String tag) {
        Optional<Release> release = tag == null ? Optional.empty() : Release.of(tag);
        return release.isEmpty() || !release.get().before(since);
    }

    private static boolean matches(String listed, String name) {
        return listed.endsWith("-") ? name.startsWith(listed) : name.equals(listed);
    }

    /** A release as a tag's leading version gives it: {@code 7.7.1}, {@code v2.53.0}, {@code 11.5.2-ubuntu}. */
    private record Release(int major, int minor) {

        private static final Pattern VERSION = Pattern.compile("v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:[.+-].*)?");

        static Optional<Release> of(String text) {
            Matcher matcher = VERSION.matcher(text);
            if (!matcher.matches()) return Optional.empty();
            int minor = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
            return Optional.of(new Release(Integer.parseInt(matcher.group(1)), minor));
        }

        boolean before(Release other) {
            return major != other.major ? major < other.major : minor < other.minor;
        }
    }
}
