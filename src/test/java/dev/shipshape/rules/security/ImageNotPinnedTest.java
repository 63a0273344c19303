package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The option and the edge cases that the fixtures (which run with the defaults) cannot show. */
class ImageNotPinnedTest {

    private static final Origin SERVICE = Origin.at("compose.yaml", 2, 3);
    private static final Origin IMAGE_KEY = Origin.at("compose.yaml", 3, 5);
    private static final String DIGEST = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "[{0}] by default: {1}, requiring digests: {2}")
    @CsvSource({
            "nginx,                         true,  true",
            "nginx:latest,                  true,  true",
            "ghcr.io/org/app:latest,        true,  true",
            "localhost:5000/app,            true,  true",
            "nginx:1.27,                    false, true",
            "nginx:1.27-alpine,             false, true",
            "localhost:5000/app:5000,       false, true",
            "nginx" + DIGEST + ",           false, false",
            "nginx:latest" + DIGEST + ",    false, false",
            "nginx:1.27" + DIGEST + ",      false, false",
            // not judged: the loader reports values it could not resolve
            "'',                            false, false",
            "app:${TAG},                    false, false",
            "app:,                          false, false",
            "Not A Reference,               false, false",
    })
    void judgesTagsAndDigests(String image, boolean byDefault, boolean requiringDigests) {
        Container container = container(image);
        assertThat(new ImageNotPinned().check(workload(container), container)).hasSize(byDefault ? 1 : 0);
        assertThat(new ImageNotPinned(false).check(workload(container), container)).hasSize(byDefault ? 1 : 0);
        assertThat(new ImageNotPinned(true).check(workload(container), container)).hasSize(requiringDigests ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nginx        | false | service 'web' uses image 'nginx' without a tag, so it runs whatever 'latest' is when pulled",
            "nginx:latest | false | service 'web' uses image 'nginx:latest', whose 'latest' tag moves with every push",
            "nginx:1.27   | true  | service 'web' uses image 'nginx:1.27' pinned by tag only; the project requires an @sha256: digest",
    })
    void pointsAtTheImageKeyAndSaysWhy(String image, boolean requireDigest, String message) {
        Container container = container(image);
        List<Finding> findings = new ImageNotPinned(requireDigest).check(workload(container), container).toList();
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.origin()).isEqualTo(IMAGE_KEY);
            assertThat(finding.message()).isEqualTo(message);
        });
    }

    @org.junit.jupiter.api.Test
    void aContainerWithoutAnImageIsNotAFinding() {
        Container builtOnly = Container.builder("web", "service 'web'", false, SERVICE).build();
        assertThat(new ImageNotPinned(true).check(workload(builtOnly), builtOnly)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] in a {1} {2}: by default {3}, requiring digests {4}")
    @CsvSource({
            // mutable-image-tag reports latest and untagged images of rolled-out workloads
            "nginx,        KUBERNETES, Deployment, false, false",
            "nginx:latest, KUBERNETES, CronJob,    false, false",
            "nginx:latest, STACK,      service,    false, false",
            // ...but the require-digest policy is still this rule's
            "nginx:1.27,   KUBERNETES, Deployment, false, true",
            "nginx:1.27,   STACK,      service,    false, true",
            // a bare Pod, a Compose service and a live container are not rolled out
            "nginx:latest, KUBERNETES, Pod,        true,  true",
            "nginx,        COMPOSE,    service,    true,  true",
            "nginx,        LIVE_DOCKER, container, true,  true",
    })
    void leavesMutableTagsOfRolledOutWorkloadsToMutableImageTag(String image, SourceKind source, String kind,
                                                                boolean byDefault, boolean requiringDigests) {
        Container container = container(image);
        Workload workload = new Workload(kind, "web", null, source, SERVICE, 4,
                Setting.unset(SERVICE), Setting.unset(SERVICE), List.of(container), List.of(), Map.of());
        assertThat(new ImageNotPinned().check(workload, container)).hasSize(byDefault ? 1 : 0);
        assertThat(new ImageNotPinned(true).check(workload, container)).hasSize(requiringDigests ? 1 : 0);
    }

    private static Container container(String image) {
        ContainerBuilder builder = Container.builder("web", "service 'web'", false, SERVICE);
        builder.image = Setting.of(image, IMAGE_KEY);
        return builder.build();
    }

    private static Workload workload(Container container) {
        return new Workload("service", "web", null, SourceKind.COMPOSE, SERVICE, 4,
                Setting.unset(SERVICE), Setting.unset(SERVICE), List.of(container), List.of(), Map.of());
    }
}
