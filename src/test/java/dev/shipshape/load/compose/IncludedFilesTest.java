package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Top-level {@code include:} and several YAML documents in one file. */
class IncludedFilesTest {

    @TempDir
    Path folder;

    private LoadResult load(String yaml) throws IOException {
        Path file = folder.resolve("app.yaml");
        Files.writeString(file, yaml);
        return new ComposeLoader().load(file, "app.yaml", SourceKind.COMPOSE, Map.of());
    }

    @Test
    void includedServicesAndNetworksJoinLocatedInTheirFile() throws IOException {
        Files.createDirectories(folder.resolve("infra"));
        Files.writeString(folder.resolve("infra/db.yaml"), """
                services:
                  db:
                    image: postgres:16
                networks:
                  backend:
                """);
        LoadResult result = load("""
                include:
                  - infra/db.yaml
                services:
                  web:
                    image: nginx
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).extracting(Workload::name).containsExactly("web", "db");
        assertThat(result.inventory().workloads().get(1).containers().getFirst().image())
                .isEqualTo(Setting.of("postgres:16", Origin.at("infra/db.yaml", 3, 5)));
        assertThat(result.inventory().networks()).extracting(Network::name).containsExactly("backend");
        assertThat(result.filesRead()).containsExactly("infra/db.yaml");
    }

    @Test
    void aServiceDefinedInBothIsAConflictAndTheLocalOneStays() throws IOException {
        Files.writeString(folder.resolve("other.yaml"), "services:\n  web:\n    image: other\n");
        LoadResult result = load("""
                include:
                  - path: [other.yaml]
                services:
                  web:
                    image: nginx
                """);
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(Origin.at("app.yaml", 4, 3), "service 'web' is also defined in the included file other.yaml"));
        assertThat(result.inventory().workloads()).singleElement()
                .satisfies(web -> assertThat(web.containers().getFirst().image().value()).isEqualTo("nginx"));
    }

    @Test
    void missingIncludedFileIsAnErrorAtItsPath() throws IOException {
        LoadResult result = load("include:\n  - gone.yaml\nservices:\n  web:\n    image: nginx\n");
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(Origin.at("app.yaml", 2, 5), "cannot read the included file gone.yaml: no such file"));
        assertThat(result.inventory().workloads()).hasSize(1);
    }

    @Test
    void laterDocumentsMergeOntoEarlierOnes() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                ---
                services:
                  web:
                    read_only: true
                """);
        assertThat(result.inventory().workloads()).singleElement().satisfies(web -> {
            assertThat(web.containers().getFirst().image()).isEqualTo(Setting.of("nginx", Origin.at("app.yaml", 3, 5)));
            assertThat(web.containers().getFirst().readOnlyRootFilesystem()).isEqualTo(Setting.of(true, Origin.at("app.yaml", 7, 5)));
        });
    }
}
