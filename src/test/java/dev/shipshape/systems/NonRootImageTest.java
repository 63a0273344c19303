package dev.shipshape.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NonRootImageTest {

    @Test
    void aListedImageIsFoundUnderEverySpellingOfItsName() {
        assertThat(product("prom/prometheus")).contains("Prometheus");
        assertThat(product("docker.io/prom/prometheus:v3.10.0")).contains("Prometheus");
        assertThat(product("index.docker.io/prom/prometheus@sha256:69f5241418838263316593f7274a304b095c40bcf22e57272865da91bd60a8ac"))
                .contains("Prometheus");
        assertThat(product("quay.io/prometheus/node-exporter:v1.9.1")).contains("Prometheus");
        assertThat(KnownSystems.catalogue().nonRootImage("grafana/grafana:11.5.2").map(NonRootImage::user)).contains("472");
    }

    @Test
    void aNamespaceEntryCoversItsImagesOnly() {
        assertThat(product("docker.io/bitnami/redis:7.2")).contains("Bitnami");
        assertThat(product("confluentinc/cp-kafka:7.6.1")).contains("Confluent Platform");
        assertThat(product("confluentinc/ksqldb-server:0.29.0")).isEmpty();
        assertThat(product("bitnami/minideb:bookworm")).isEmpty();
        assertThat(product("example/bitnami:1.0")).isEmpty();
    }

    @Test
    void aReleaseOlderThanTheOneThatBroughtTheUserIsNone() {
        assertThat(product("confluentinc/cp-kafkacat:5.0.0")).isEmpty();
        assertThat(product("confluentinc/cp-server:7.7.1")).contains("Confluent Platform");
        assertThat(product("grafana/grafana:5.0.4")).isEmpty();
        assertThat(product("grafana/grafana:5.1.0")).contains("Grafana");
    }

    @Test
    void aTagThatIsNoVersionIsTakenAsACurrentRelease() {
        assertThat(product("grafana/grafana:latest")).contains("Grafana");
        assertThat(product("grafana/grafana:main-ubuntu")).contains("Grafana");
        assertThat(product("cr.jaegertracing.io/jaegertracing/jaeger")).contains("Jaeger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prom/statsd-exporter:v0.27.1", "grafana/grafana-image-renderer:3.11.0", "redis:7.2",
            "quay.io/other/prometheus:v2", "jaegertracing/all-in-one:1.57", "prometheus", "${REGISTRY}/prom/prometheus", ""})
    void anImageNotListedOrNotYetKnownIsNone(String reference) {
        assertThat(product(reference)).isEmpty();
    }

    /** The catalogue's entry for the image, by its product name. */
    private static Optional<String> product(String reference) {
        return KnownSystems.catalogue().nonRootImage(reference).map(NonRootImage::product);
    }

    @Test
    void aReleaseThatIsNoVersionIsACatalogueMistake() {
        assertThatThrownBy(() -> new NonRootImage("Example", "1000", "soon", List.of("example/app")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Example: since must be a release such as 6.0, not soon");
    }
}
