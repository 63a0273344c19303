package dev.shipshape.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectIdentityTest {

    private static ObjectIdentity of(String kind, String apiVersion) {
        return new ObjectIdentity(kind, apiVersion, "x", null, Map.of(), Origin.at("a.yaml", 1, 1));
    }

    @Test
    void customResourcesAreKindsOfGroupsKubernetesDoesNotServe() {
        assertThat(of("Prometheus", "monitoring.coreos.com/v1").isCustomResource()).isTrue();
        assertThat(of("HTTPRoute", "gateway.networking.k8s.io/v1").isCustomResource()).as("Gateway API is installed as CRDs").isTrue();
        assertThat(of("VolumeSnapshot", "snapshot.storage.k8s.io/v1").isCustomResource()).isTrue();
        assertThat(of("Service", "v1").isCustomResource()).isFalse();
        assertThat(of("Deployment", "apps/v1").isCustomResource()).isFalse();
        assertThat(of("Ingress", "networking.k8s.io/v1").isCustomResource()).isFalse();
        assertThat(of("Lease", "coordination.k8s.io/v1").isCustomResource()).isFalse();
        assertThat(of("Mystery", null).isCustomResource()).as("no apiVersion: unknown, not custom").isFalse();
    }

    @Test
    void workloadsServicesAndCustomResourcesRunOrServe() {
        assertThat(of("StatefulSet", "apps/v1").runsOrServes()).isTrue();
        assertThat(of("Service", "v1").runsOrServes()).isTrue();
        assertThat(of("Kafka", "kafka.strimzi.io/v1beta2").runsOrServes()).isTrue();
        assertThat(of("Ingress", "networking.k8s.io/v1").runsOrServes()).isFalse();
        assertThat(of("ConfigMap", "v1").runsOrServes()).isFalse();
        assertThat(of("HorizontalPodAutoscaler", "autoscaling/v2").runsOrServes()).isFalse();
    }
}
