package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is a stack or a Compose file by what it says, not by its name. */
class StackOrComposeTest {

    @TempDir
    Path folder;

    private SourceKind kindOf(String name, SourceKind byName, String yaml) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, yaml);
        LoadResult result = new ComposeLoader().load(file, name, byName, Map.of());
        return result.inventory().workloads().stream().map(Workload::source).distinct().reduce((a, b) -> {
            throw new AssertionError("one file, two kinds: " + a + ", " + b);
        }).orElseThrow();
    }

    @Test
    void swarmOnlyDeployKeysMakeAStack() throws IOException {
        assertThat(kindOf("docker-compose.yml", SourceKind.COMPOSE, """
                services:
                  web:
                    image: nginx:1.27
                    deploy:
                      replicas: 2
                      placement:
                        constraints: [node.role == worker]
                """)).isEqualTo(SourceKind.STACK);
    }

    @Test
    void composeOnlyKeysMakeAComposeFileWhateverTheName() throws IOException {
        assertThat(kindOf("docker-stack.yml", SourceKind.STACK, """
                services:
                  web:
                    build: .
                    container_name: web
                """)).isEqualTo(SourceKind.COMPOSE);
    }

    @Test
    void bothOrNeitherKeepsTheKindTheNameGave() throws IOException {
        String neither = """
                services:
                  web:
                    image: nginx:1.27
                    deploy:
                      replicas: 2
                """;
        assertThat(kindOf("docker-stack.yml", SourceKind.STACK, neither)).isEqualTo(SourceKind.STACK);
        assertThat(kindOf("compose.yaml", SourceKind.COMPOSE, neither)).isEqualTo(SourceKind.COMPOSE);
        assertThat(kindOf("compose.yaml", SourceKind.COMPOSE, """
                services:
                  web:
                    image: nginx:1.27
                    deploy:
                      mode: replicated
                      replicas: 2
                """)).as("Compose scales a replicated service too").isEqualTo(SourceKind.COMPOSE);
        assertThat(kindOf("compose.yaml", SourceKind.COMPOSE, """
                services:
                  web:
                    build: .
                    deploy:
                      mode: global
                """)).isEqualTo(SourceKind.COMPOSE);
    }
}
