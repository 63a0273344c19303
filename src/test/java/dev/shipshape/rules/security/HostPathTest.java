package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPathTest {

    @ParameterizedTest
    @CsvSource({
            "/var/run/docker.sock,          /var/run/docker.sock",
            "//var/run/docker.sock,         /var/run/docker.sock",
            "/var/run/docker.sock/,         /var/run/docker.sock",
            "/var//run///docker.sock//,     /var/run/docker.sock",
            "/var/lib/docker/../docker/x,   /var/lib/docker/x",
            "/srv/./app/../../etc/passwd,   /etc/passwd",
            "/../../etc,                    /etc",
            "/,                             /",
            "//,                            /",
            "/.,                            /",
            "/etc/..,                       /",
            "./data,                        data",
            "./data/../..,                  ..",
            "../shared/./x,                 ../shared/x",
            "'.',                           .",
    })
    void normalisesLikeTheKernelResolvesPaths(String written, String normalized) {
        assertThat(HostPath.of(written).normalized()).isEqualTo(normalized);
    }

    @Test
    void aDirectoryContainsItselfAndWhatLiesBelowButNotItsNamesakes() {
        assertThat(HostPath.of("/etc").isOrIsUnder("/etc")).isTrue();
        assertThat(HostPath.of("/etc/ssl/certs").isOrIsUnder("/etc")).isTrue();
        assertThat(HostPath.of("/etcd-data").isOrIsUnder("/etc")).isFalse();
        assertThat(HostPath.of("/srv/etc").isOrIsUnder("/etc")).isFalse();
        assertThat(HostPath.of("/var/run").isOrIsUnder("/run")).isFalse();
    }

    @Test
    void relativePathsLieUnderNoAbsoluteDirectory() {
        assertThat(HostPath.of("./etc").isOrIsUnder("/etc")).isFalse();
        assertThat(HostPath.of("etc").isOrIsUnder("/")).isFalse();
        assertThat(HostPath.of("/anything").isOrIsUnder("/")).isTrue();
    }

    @Test
    void onlyTheRootIsTheRoot() {
        assertThat(HostPath.of("//").isRoot()).isTrue();
        assertThat(HostPath.of("/srv").isRoot()).isFalse();
        assertThat(HostPath.of(".").isRoot()).isFalse();
    }

    @Test
    void theFileNameIsTheLastSegmentAfterNormalising() {
        assertThat(HostPath.of("/run/containerd/containerd.sock/").fileName()).isEqualTo("containerd.sock");
        assertThat(HostPath.of("/").fileName()).isEmpty();
        assertThat(HostPath.of("docker.sock").fileName()).isEqualTo("docker.sock");
    }
}
