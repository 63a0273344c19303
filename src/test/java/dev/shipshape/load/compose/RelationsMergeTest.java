package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Dependency;
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

/**
 * {@code depends_on} merges by service name (short and long forms alike) and {@code extra_hosts}
 * is appended without repeats (list and mapping forms alike), through an override file and through
 * {@code extends}; each value stays located where it is written.
 */
class RelationsMergeTest {

    @TempDir
    Path folder;

    private static Origin base(int line, int column) {
        return Origin.at("compose.yaml", line, column);
    }

    private static Origin override(int line, int column) {
        return Origin.at("compose.override.yaml", line, column);
    }

    private static Workload service(LoadResult result, String name) {
        return result.inventory().workloads().stream().filter(workload -> workload.name().equals(name)).findFirst().orElseThrow();
    }

    private LoadResult withOverride() throws IOException {
        Files.writeString(folder.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx
                    depends_on:
                      - db
                      - cache
                    extra_hosts:
                      - "db:10.0.0.1"
                      - "cache=10.0.0.2"
                  api:
                    image: api
                    depends_on:
                      db:
                        condition: service_healthy
                    extra_hosts:
                      metrics: 10.0.0.9
                  db:
                    image: postgres:16
                  cache:
                    image: redis:7
                """);
        Files.writeString(folder.resolve("compose.override.yaml"), """
                services:
                  web:
                    depends_on:
                      db:
                        condition: service_healthy
                      queue:
                        condition: service_started
                    extra_hosts:
                      db: 10.0.0.1
                      queue: 10.0.0.3
                  api:
                    depends_on:
                      - db
                    extra_hosts:
                      - "metrics=10.0.0.10"
                      - "metrics:10.0.0.9"
                """);
        LoadResult result = new ComposeLoader().load(folder.resolve("compose.yaml"), "compose.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).isEmpty();
        return result;
    }

    @Test
    void overrideAddsAConditionToAShortDependencyThatKeepsItsPlace() throws IOException {
        assertThat(service(withOverride(), "web").dependencies()).containsExactly(
                new Dependency("db", Setting.of("service_healthy", override(5, 9)), base(5, 9)),
                new Dependency("cache", Setting.unset(base(6, 9)), base(6, 9)),
                new Dependency("queue", Setting.of("service_started", override(7, 9)), override(6, 7)));
    }

    @Test
    void aShortOverrideReplacesTheLongFormAndItsCondition() throws IOException {
        // Compose reads "- db" as condition service_started, so the earlier service_healthy is gone.
        assertThat(service(withOverride(), "api").dependencies()).containsExactly(
                new Dependency("db", Setting.unset(override(13, 9)), override(13, 9)));
    }

    @Test
    void overrideExtraHostsAreAppendedWithoutRepeatsWhateverTheForm() throws IOException {
        LoadResult result = withOverride();
        assertThat(service(result, "web").extraHosts()).containsExactly(
                Setting.of("db:10.0.0.1", base(8, 9)),
                Setting.of("cache:10.0.0.2", base(9, 9)),
                Setting.of("queue:10.0.0.3", override(10, 7)));
        assertThat(service(result, "api").extraHosts()).containsExactly(
                Setting.of("metrics:10.0.0.9", base(16, 7)),
                Setting.of("metrics:10.0.0.10", override(15, 9)));
    }

    @Test
    void resetRemovesInheritedRelations() throws IOException {
        Files.writeString(folder.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx
                    depends_on: [db]
                    extra_hosts: ["db:10.0.0.1"]
                  db:
                    image: postgres:16
                """);
        Files.writeString(folder.resolve("compose.override.yaml"), """
                services:
                  web:
                    depends_on: !reset []
                    extra_hosts: !override
                      - "db:10.0.0.2"
                """);
        LoadResult result = new ComposeLoader().load(folder.resolve("compose.yaml"), "compose.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).isEmpty();
        assertThat(service(result, "web").dependencies()).isEmpty();
        assertThat(service(result, "web").extraHosts()).containsExactly(Setting.of("db:10.0.0.2", override(5, 9)));
    }

    @Test
    void extendsMergesDependenciesAndExtraHostsTheSameWay() throws IOException {
        Files.writeString(folder.resolve("compose.yaml"), """
                services:
                  base:
                    image: app:1
                    depends_on: [db]
                    extra_hosts:
                      - "registry:10.0.0.1"
                  web:
                    extends: base
                    depends_on:
                      db:
                        condition: service_healthy
                      cache:
                        condition: service_started
                    extra_hosts:
                      registry: 10.0.0.1
                      mirror: 10.0.0.2
                  db:
                    image: postgres:16
                  cache:
                    image: redis:7
                """);
        LoadResult result = new ComposeLoader().load(folder.resolve("compose.yaml"), "compose.yaml", SourceKind.COMPOSE, Map.of());
        assertThat(result.diagnostics()).isEmpty();
        assertThat(service(result, "base").dependencies()).containsExactly(new Dependency("db", Setting.unset(base(4, 18)), base(4, 18)));
        assertThat(service(result, "web").dependencies()).containsExactly(
                new Dependency("db", Setting.of("service_healthy", base(11, 9)), base(4, 18)),
                new Dependency("cache", Setting.of("service_started", base(13, 9)), base(12, 7)));
        assertThat(service(result, "web").extraHosts()).containsExactly(
                Setting.of("registry:10.0.0.1", base(6, 9)),
                Setting.of("mirror:10.0.0.2", base(16, 7)));
    }
}
