package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonRootImageTest {

    @Test
    void aListedImageIsFoundUnderEverySpellingOfItsName() {
        assertThat(NonRootImage.of("prom/prometheus")).contains(NonRootImage.PROMETHEUS);
        assertThat(NonRootImage.of("docker.io/prom/prometheus:v3.10.0")).contains(NonRootImage.PROMETHEUS);
        assertThat(NonRootImage.of("index.docker.io/prom/prometheus@sha256:69f5241418838263316593f7274a304b095c40bcf22e57272865da91bd60a8ac"))
                .contains(NonRootImage.PROMETHEUS);
        assertThat(NonRootImage.of("quay.io/prometheus/node-exporter:v1.9.1")).contains(NonRootImage.PROMETHEUS);
        assertThat(NonRootImage.of("grafana/grafana:11.5.2").map(NonRootImage::user)).contains("472");
    }

    @Test
    void aNamespaceEntryCoversItsImagesOnly() {
        assertThat(NonRootImage.of("docker.io/bitnami/redis:7.2")).contains(NonRootImage.BITNAMI);
        assertThat(NonRootImage.of("confluentinc/cp-kafka:7.6.1")).contains(NonRootImage.CONFLUENT);
        assertThat(NonRootImage.of("confluentinc/ksqldb-server:0.29.0")).isEmpty();
        assertThat(NonRootImage.of("bitnami/minideb:bookworm")).isEmpty();
        assertThat(NonRootImage.of("example/bitnami:1.0")).isEmpty();
    }

    @Test
    void aReleaseOlderThanTheOneThatBroughtTheUserIsNone() {
        assertThat(NonRootImage.of("confluentinc/cp-kafkacat:5.0.0")).isEmpty();
        assertThat(NonRootImage.of("confluentinc/cp-server:7.7.1")).contains(NonRootImage.CONFLUENT);
        assertThat(NonRootImage.of("grafana/grafana:5.0.4")).isEmpty();
        assertThat(NonRootImage.of("grafana/grafana:5.1.0")).contains(NonRootImage.GRAFANA);
    }

    @Test
    void aTagThatIsNoVersionIsTakenAsACurrentRelease() {
        assertThat(NonRootImage.of("grafana/grafana:latest")).contains(NonRootImage.GRAFANA);
        assertThat(NonRootImage.of("grafana/grafana:main-ubuntu")).contains(NonRootImage.GRAFANA);
        assertThat(NonRootImage.of("cr.jaegertracing.io/jaegertracing/jaeger")).contains(NonRootImage.JAEGER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prom/statsd-exporter:v0.27.1", "grafana/grafana-image-renderer:3.11.0", "redis:7.2",
            "quay.io/other/prometheus:v2", "jaegertracing/all-in-one:1.57", "prometheus", "${REGISTRY}/prom/prometheus", ""})
    void anImageNotListedOrNotYetKnownIsNone(String reference) {
        assertThat(NonRootImage.of(reference)).isEmpty();
    }
}
