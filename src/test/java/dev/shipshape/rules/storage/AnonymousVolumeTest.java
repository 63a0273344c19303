package dev.shipshape.rules.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnonymousVolumeTest {

    private static final Origin AT = Origin.at("compose.yaml", 2, 3);

    private static List<Finding> findingsFor(String source, String target) {
        Origin item = Origin.at("compose.yaml", 6, 9);
        ContainerBuilder builder = Container.builder("web", "service 'web'", false, AT);
        builder.mounts.add(new Mount(Mount.Type.VOLUME, source, target, Setting.unset(item), item));
        Container container = builder.build();
        Workload service = new Workload("service", "web", null, SourceKind.COMPOSE, AT, 8,
                Setting.unset(AT), Setting.unset(AT), List.of(container), List.of(), Map.of());
        return new AnonymousVolume().check(service, container).toList();
    }

    @ParameterizedTest
    @CsvSource({"/app/node_modules", "C:\\data", "C:/data"})
    void aVolumeWithoutSourceIsAnonymous(String target) {
        assertThat(findingsFor(null, target)).singleElement()
                .satisfies(finding -> assertThat(finding.message()).isEqualTo(
                        "service 'web' mounts an anonymous volume at " + target + ": a new container gets a new one and leaves the old one's data behind"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"app-data, /data", "null, workspace", "null, data/cache"})
    void aNamedVolumeOrAnEntryDockerRefusesIsNot(String source, String target) {
        assertThat(findingsFor(source, target)).isEmpty();
    }
}
