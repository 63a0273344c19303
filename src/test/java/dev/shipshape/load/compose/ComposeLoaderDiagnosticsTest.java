package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is normal input: each problem is a located diagnostic, and the rest still loads. */
class ComposeLoaderDiagnosticsTest {

    private static final String FILE = "app.compose.yaml";

    @TempDir
    Path folder;

    private LoadResult load(String yaml) throws IOException {
        Path file = folder.resolve(FILE);
        Files.writeString(file, yaml);
        return new ComposeLoader().load(file, FILE, SourceKind.COMPOSE, Map.of());
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void wrongTypeIsAnErrorAtTheValueAndTheServiceStillLoads() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    privileged: [1]
                    read_only: maybe
                """);
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(at(4, 17), "'privileged' must be a single value, not a list"),
                Diagnostic.error(at(5, 16), "'read_only' must be true or false, not \"maybe\""));
        assertThat(result.inventory().workloads()).singleElement().satisfies(web -> {
            assertThat(web.containers().getFirst().image()).isEqualTo(Setting.of("nginx", at(3, 5)));
            assertThat(web.containers().getFirst().privileged()).isEqualTo(Setting.unset(at(2, 3)));
        });
    }

    @Test
    void serviceThatIsNotAMappingIsAnErrorAndTheOthersLoad() throws IOException {
        LoadResult result = load("""
                services:
                  broken: nginx
                  empty:
                  web:
                    image: nginx
                """);
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(at(2, 3), "service 'broken' must be a mapping, not a scalar"),
                Diagnostic.error(at(3, 3), "service 'empty' must be a mapping, not null"));
        assertThat(result.inventory().workloads()).extracting(workload -> workload.name()).containsExactly("web");
    }

    @Test
    void topLevelListIsAnError() throws IOException {
        LoadResult result = load("- web\n- db\n");
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(at(1, 1), "a Compose file must be a mapping (services, networks, volumes), not a list"));
        assertThat(result.inventory().workloads()).isEmpty();
    }

    @Test
    void fileWithoutServicesIsAWarning() throws IOException {
        LoadResult result = load("""
                networks:
                  front:
                """);
        assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(at(1, 1), "no services are defined"));
        assertThat(result.inventory().networks()).hasSize(1);
    }

    @Test
    void servicesThatIsNotAMappingIsAnError() throws IOException {
        LoadResult result = load("services: [web]\n");
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(at(1, 11), "'services' must be a mapping, not a list"),
                Diagnostic.warning(at(1, 1), "no services are defined"));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertThat(load("# nothing here\n").diagnostics()).containsExactly(
                Diagnostic.error(at(1, 1), "the file is empty; a Compose file needs a mapping with services"));
    }

    @Test
    void yamlSyntaxErrorIsLocatedAndKeepsGoing() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    ports: [80
                """);
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(diagnostic.message()).startsWith("YAML syntax error");
            assertThat(diagnostic.origin().line()).isEqualTo(5);
        });
    }

    @Test
    void hostileNestingIsAnErrorNotACrash() throws IOException {
        int depth = 20_000;
        LoadResult result = load("services:\n  web:\n    labels: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
        // the root, services and web are three levels; the 998th bracket is the 1,001st
        assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(3, 13 + 997),
                "YAML syntax error: collections are nested more than 1000 levels deep here; the rest is not read"));
    }

    @Test
    void missingFileIsAnError() {
        LoadResult result = new ComposeLoader().load(folder.resolve("gone.yaml"), "gone.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).containsExactly(Diagnostic.error(Origin.at("gone.yaml", 1, 1), "cannot read the file: no such file"));
    }

    @Test
    void notUtf8IsAnError() throws IOException {
        Path file = folder.resolve(FILE);
        Files.write(file, new byte[] {'s', ':', ' ', (byte) 0xff, (byte) 0xfe});
        LoadResult result = new ComposeLoader().load(file, FILE, SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(1, 1), "cannot read the file: not valid UTF-8 text"));
    }

    @Test
    void badEntriesAreSkippedOneByOne() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "eighty"
                      - "8080:80"
                    volumes:
                      - ":"
                      - ./a:/a
                    environment:
                      - [nested]
                      - A=1
                    cap_add: NET_ADMIN
                """);
        assertThat(result.diagnostics()).extracting(Diagnostic::origin).containsExactlyInAnyOrder(at(5, 9), at(8, 9), at(11, 9), at(13, 14));
        assertThat(result.diagnostics()).allMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR);
        var web = result.inventory().workloads().getFirst().containers().getFirst();
        assertThat(web.ports()).hasSize(1);
        assertThat(web.mounts()).hasSize(1);
        assertThat(web.environment()).hasSize(1);
        assertThat(web.capabilitiesAdded()).isEmpty();
    }
}
