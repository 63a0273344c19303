package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose.yaml} with the {@code compose.override.yaml} beside it (fixture folder
 * {@code load/compose/override}): merged by the Compose rules, each value located in the file it comes from.
 */
class ComposeOverrideTest {

    private static final Path FOLDER = Path.of("src/test/resources/load/compose/override");

    private LoadResult result;

    @BeforeEach
    void load() {
        result = new ComposeLoader().load(FOLDER.resolve("compose.yaml"), "override/compose.yaml", SourceKind.COMPOSE, Map.of());
    }

    private static Origin base(int line, int column) {
        return Origin.at("override/compose.yaml", line, column);
    }

    private static Origin override(int line, int column) {
        return Origin.at("override/compose.override.yaml", line, column);
    }

    private Workload service(String name) {
        return result.inventory().workloads().stream().filter(workload -> workload.name().equals(name)).findFirst().orElseThrow();
    }

    private Container container(String name) {
        return service(name).containers().getFirst();
    }

    @Test
    void loadsCleanlyAndNamesTheOverrideAsRead() {
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.filesRead()).containsExactly("override/compose.override.yaml");
        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("web", "db", "api", "cache");
    }

    @Test
    void theServiceStaysWhereTheFirstFileDefinesIt() {
        assertThat(service("web").origin()).isEqualTo(base(2, 3));
        assertThat(service("web").lastLine()).isEqualTo(15);
        assertThat(container("web").image()).isEqualTo(Setting.of("nginx:1.27", base(3, 5)));
    }

    @Test
    void scalarsFromTheOverridePointAtTheOverrideFile() {
        assertThat(container("web").privileged()).isEqualTo(Setting.of(true, override(3, 5)));
    }

    @Test
    void portsAreUniqueByAddressAndAppended() {
        assertThat(container("web").ports()).containsExactly(
                new Port(Setting.unset(override(5, 9)), "8080", "80", "tcp", override(5, 9)),
                new Port(Setting.unset(base(6, 9)), "8443", "443", "tcp", base(6, 9)),
                new Port(Setting.unset(override(6, 9)), "9090", "90", "tcp", override(6, 9)));
    }

    @Test
    void volumesAreUniqueByTarget() {
        assertThat(container("web").mounts()).containsExactly(
                new Mount(Mount.Type.BIND, "./build", "/app", Setting.of(true, override(10, 9)), override(10, 9)));
    }

    @Test
    void environmentAndLabelsMergeAsMapsWhateverTheirForm() {
        assertThat(container("web").environment()).containsExactly(
                EnvVar.literal("MODE", "prod", false, override(8, 9)),
                EnvVar.literal("LOG", "debug", false, base(9, 7)));
        assertThat(service("web").labels()).containsExactly(new KeyValue("team", "ops", override(14, 7)));
    }

    @Test
    void otherSequencesAreAppended() {
        assertThat(container("web").capabilitiesDropped()).containsExactly(Setting.of("ALL", base(12, 16)), Setting.of("NET_RAW", override(11, 16)));
    }

    @Test
    void resetRemovesAndOverrideReplaces() {
        assertThat(container("db").ports()).isEmpty();
        assertThat(container("db").image()).isEqualTo(Setting.of("postgres:16", base(17, 5)));
        assertThat(container("api").environment()).containsExactly(EnvVar.literal("C", "3", false, override(21, 7)));
    }

    @Test
    void aServiceOnlyTheOverrideDefinesIsLocatedThere() {
        assertThat(service("cache").origin()).isEqualTo(override(17, 3));
        assertThat(container("cache").image()).isEqualTo(Setting.of("redis:7", override(18, 5)));
    }

    @Test
    void topLevelDeclarationsMergeToo() {
        assertThat(result.inventory().networks()).singleElement().satisfies(network -> {
            assertThat(network.origin()).isEqualTo(base(26, 3));
            assertThat(network.driver()).isEqualTo(Setting.of("overlay", override(24, 5)));
        });
    }

    @Test
    void onlyTheMatchingDefaultNamesGetAnOverride(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), "services:\n  web:\n    image: nginx\n");
        Files.writeString(folder.resolve("docker-compose.override.yml"), "services:\n  web:\n    privileged: true\n");
        Files.writeString(folder.resolve("other.yml"), "services:\n  web:\n    image: nginx\n");
        LoadResult merged = new ComposeLoader().load(folder.resolve("docker-compose.yml"), "docker-compose.yml", SourceKind.COMPOSE, Map.of());
        LoadResult alone = new ComposeLoader().load(folder.resolve("other.yml"), "other.yml", SourceKind.COMPOSE, Map.of());
        LoadResult stack = new ComposeLoader().load(folder.resolve("docker-compose.yml"), "docker-compose.yml", SourceKind.STACK, Map.of());
        assertThat(merged.inventory().workloads().getFirst().containers().getFirst().privileged())
                .isEqualTo(Setting.of(true, Origin.at("docker-compose.override.yml", 3, 5)));
        assertThat(merged.filesRead()).containsExactly("docker-compose.override.yml");
        assertThat(alone.filesRead()).isEmpty();
        assertThat(stack.filesRead()).isEmpty();
    }
}
