package dev.shipshape.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    private static final String SHA = "sha256:" + "0123456789abcdef".repeat(4);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // written                                  registry          repository              tag
            "nginx,                                     docker.io,        library/nginx,          -",
            "nginx:1.27,                                docker.io,        library/nginx,          1.27",
            "nginx:latest,                              docker.io,        library/nginx,          latest",
            "library/nginx:1.27,                        docker.io,        library/nginx,          1.27",
            "docker.io/nginx,                           docker.io,        library/nginx,          -",
            "docker.io/library/nginx:1.27-alpine,       docker.io,        library/nginx,          1.27-alpine",
            "index.docker.io/library/nginx,             docker.io,        library/nginx,          -",
            "bitnami/redis:7.2,                         docker.io,        bitnami/redis,          7.2",
            "ghcr.io/org/team/app:v1.2.3,               ghcr.io,          org/team/app,           v1.2.3",
            "localhost:5000/x,                          localhost:5000,   x,                      -",
            "localhost/x:dev,                           localhost,        x,                      dev",
            "registry.example.com:8443/a/b:1,           registry.example.com:8443, a/b,           1",
            "Registry/app,                              Registry,         app,                    -",
            "my-registry:5000/app:2,                    my-registry:5000, app,                    2",
            "quay.io/prometheus/node-exporter:v1.8.2,   quay.io,          prometheus/node-exporter, v1.8.2",
            "x:5000,                                    docker.io,        library/x,              5000",
            "app__name/sub.part-x:TAG_1.0,              docker.io,        app__name/sub.part-x,   TAG_1.0",
    })
    void parsesAndNormalizes(String written, String registry, String repository, String tag) {
        assertThat(ImageReference.parse(written))
                .contains(new ImageReference(registry, repository, tag, null));
    }

    @Test
    void keepsTheDigestApartFromTheTag() {
        assertThat(ImageReference.parse("nginx:1.27@" + SHA))
                .contains(new ImageReference("docker.io", "library/nginx", "1.27", SHA));
        assertThat(ImageReference.parse("localhost:5000/app@" + SHA))
                .contains(new ImageReference("localhost:5000", "app", null, SHA));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
            " ",
            "${IMAGE}",                 // unresolved variable
            "app:${TAG}",
            "${REGISTRY}/app:1.0",
            "$REGISTRY/app",
            "app:",                     // TAG was empty
            "/app:1.0",                 // REGISTRY was empty
            ":1.0",                     // the name was empty
            "app@",                     // empty digest
            "app@sha256:123",           // digest too short
            "Nginx",                    // repository must be lower case
            "nginx:1.27 ",              // trailing space
            "ngi nx",
            "nginx:-bad",               // a tag cannot start with '-'
            "nginx::1",
            "registry.example.com/",
            "a//b",
            "-registry.example.com/app",
    })
    void rejectsWhatTheEngineWouldReject(String written) {
        assertThat(ImageReference.parse(written)).isEmpty();
    }

    @Test
    void rejectsOverlongTags() {
        assertThat(ImageReference.parse("nginx:" + "a".repeat(128))).isPresent();
        assertThat(ImageReference.parse("nginx:" + "a".repeat(129))).isEmpty();
    }

    @Test
    void namesTheImageInFullAndAsPeopleWriteIt() {
        ImageReference official = ImageReference.parse("nginx:1.27").orElseThrow();
        assertThat(official.name()).isEqualTo("docker.io/library/nginx");
        assertThat(official.familiarName()).isEqualTo("nginx");
        assertThat(official.isOnDockerHub()).isTrue();
        assertThat(official).hasToString("docker.io/library/nginx:1.27");

        ImageReference user = ImageReference.parse("bitnami/redis").orElseThrow();
        assertThat(user.familiarName()).isEqualTo("bitnami/redis");
        assertThat(user).hasToString("docker.io/bitnami/redis");

        ImageReference elsewhere = ImageReference.parse("ghcr.io/org/app@" + SHA).orElseThrow();
        assertThat(elsewhere.isOnDockerHub()).isFalse();
        assertThat(elsewhere.familiarName()).isEqualTo("ghcr.io/org/app");
        assertThat(elsewhere).hasToString("ghcr.io/org/app@" + SHA);
    }

    @Test
    void tellsTagAndDigestPresence() {
        ImageReference bare = ImageReference.parse("nginx").orElseThrow();
        assertThat(bare.hasTag()).isFalse();
        assertThat(bare.hasDigest()).isFalse();
        ImageReference pinned = ImageReference.parse("nginx:1.27@" + SHA).orElseThrow();
        assertThat(pinned.hasTag()).isTrue();
        assertThat(pinned.hasDigest()).isTrue();
    }

    /** distribution's grammar as regular expressions: the hand-written matchers must agree with them on every string. */
    private static final String DOMAIN_LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + DOMAIN_LABEL + "(?:\\." + DOMAIN_LABEL + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    @Test
    void matchesDomainsPathsAndTagsExactlyAsTheGrammarsRegularExpressions() {
        // short strings over the characters that matter to the three grammars, plus a few that match none
        char[] alphabet = {'a', 'f', 'z', 'A', 'G', '0', '9', '.', '_', '-', ':', '[', ']', '/', ' ', '\u0131'};
        Random random = new Random(20261207);
        int checked = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int index = 0; index < length; index++) text.append(alphabet[random.nextInt(alphabet.length)]);
            String written = text.toString();
            assertThat(ImageReference.isDomain(written)).as("domain [%s]", written).isEqualTo(DOMAIN.matcher(written).matches());
            assertThat(ImageReference.isPathComponent(written)).as("path component [%s]", written)
                    .isEqualTo(PATH_COMPONENT.matcher(written).matches());
            assertThat(ImageReference.isTag(written)).as("tag [%s]", written).isEqualTo(TAG.matcher(written).matches());
            if (DOMAIN.matcher(written).matches() || PATH_COMPONENT.matcher(written).matches()) checked++;
        }
        // the generator must reach the matching side too, or the comparison proves little
        assertThat(checked).isGreaterThan(5_000);
        for (String tag : List.of("a".repeat(128), "a".repeat(129), "_" + "-".repeat(127))) {
            assertThat(ImageReference.isTag(tag)).as(tag).isEqualTo(TAG.matcher(tag).matches());
        }
        for (String domain : List.of("[::1]:5000", "[]", "[::1]x", "a.b.c:", "a-.b", "-a", "a:1:2", "[g]")) {
            assertThat(ImageReference.isDomain(domain)).as(domain).isEqualTo(DOMAIN.matcher(domain).matches());
        }
    }
}
