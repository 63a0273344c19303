package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Dependency;
import dev.shipshape.model.Diagnostic;
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

/** {@code depends_on}, {@code links}, {@code external_links} and {@code extra_hosts}: values and where they point. */
class ServiceRelationsTest {

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

    private static Workload service(LoadResult result, String name) {
        return result.inventory().workloads().stream().filter(workload -> workload.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String RELATIONS = """
            services:
              web:
                image: nginx
                depends_on:
                  - db
                  - cache
                links:
                  - db:database
                external_links:
                  - redis_1
                extra_hosts:
                  - "somehost:162.242.195.82"
                  - "otherhost=50.31.209.229"
                  - "myhostv6:::1"
                  - "both=10.0.0.1,10.0.0.2"
                  - "v6=[::1]"
              api:
                image: api
                depends_on:
                  db:
                    condition: service_healthy
                    restart: true
                  migrate:
                    condition: service_completed_successfully
                  cache:
                  logs:
                    required: false
                extra_hosts:
                  db.internal: 10.0.0.5
                  multi: ["10.0.0.6", "10.0.0.7"]
            """;

    @Test
    void relationsLoadWithoutDiagnostics() throws IOException {
        assertThat(load(RELATIONS).diagnostics()).isEmpty();
    }

    @Test
    void shortDependsOnIsOneDependencyPerItemWithoutCondition() throws IOException {
        assertThat(service(load(RELATIONS), "web").dependencies()).containsExactly(
                new Dependency("db", Setting.unset(at(5, 9)), at(5, 9)),
                new Dependency("cache", Setting.unset(at(6, 9)), at(6, 9)));
    }

    @Test
    void longDependsOnIsAtTheServiceKeyWithTheConditionAtItsKey() throws IOException {
        assertThat(service(load(RELATIONS), "api").dependencies()).containsExactly(
                new Dependency("db", Setting.of("service_healthy", at(21, 9)), at(20, 7)),
                new Dependency("migrate", Setting.of("service_completed_successfully", at(24, 9)), at(23, 7)),
                new Dependency("cache", Setting.unset(at(25, 7)), at(25, 7)),
                new Dependency("logs", Setting.unset(at(26, 7)), at(26, 7)));
    }

    @Test
    void linksThenExternalLinksEachAtItsItem() throws IOException {
        LoadResult result = load(RELATIONS);
        assertThat(service(result, "web").links()).containsExactly(Setting.of("db:database", at(8, 9)), Setting.of("redis_1", at(10, 9)));
        assertThat(service(result, "api").links()).isEmpty();
    }

    @Test
    void extraHostListItemsAreNormalisedToNameColonAddressAtTheItem() throws IOException {
        assertThat(service(load(RELATIONS), "web").extraHosts()).containsExactly(
                Setting.of("somehost:162.242.195.82", at(12, 9)),
                Setting.of("otherhost:50.31.209.229", at(13, 9)),
                Setting.of("myhostv6:::1", at(14, 9)),
                Setting.of("both:10.0.0.1", at(15, 9)),
                Setting.of("both:10.0.0.2", at(15, 9)),
                Setting.of("v6:::1", at(16, 9)));
    }

    @Test
    void extraHostMappingEntriesAreAtTheirKey() throws IOException {
        assertThat(service(load(RELATIONS), "api").extraHosts()).containsExactly(
                Setting.of("db.internal:10.0.0.5", at(29, 7)),
                Setting.of("multi:10.0.0.6", at(30, 7)),
                Setting.of("multi:10.0.0.7", at(30, 7)));
    }

    @Test
    void unstatedRelationsAreEmpty() throws IOException {
        Workload bare = service(load("services:\n  bare:\n    image: busybox\n    depends_on:\n    extra_hosts:\n"), "bare");
        assertThat(bare.dependencies()).isEmpty();
        assertThat(bare.links()).isEmpty();
        assertThat(bare.extraHosts()).isEmpty();
        assertThat(bare.serviceName()).isEqualTo(Setting.unset(at(2, 3)));
        assertThat(bare.claimTemplates()).isEmpty();
    }

    @Test
    void malformedRelationsAreLocatedErrorsAndTheRestLoads() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    depends_on: db
                    extra_hosts:
                      - "nohost"
                      - "=1.2.3.4"
                      - "ok=1.2.3.4"
                  api:
                    image: api
                    depends_on:
                      db:
                        condition: service_healty
                      cache: yes
                    extra_hosts:
                      gone:
                """);
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(at(4, 17), "'depends_on' must be a list or a mapping, not a scalar"),
                Diagnostic.error(at(6, 9), "the extra host \"nohost\" has no address: write NAME=ADDRESS or NAME:ADDRESS"),
                Diagnostic.error(at(7, 9), "\"\" is not a host name for extra_hosts"),
                Diagnostic.error(at(13, 20), "unknown depends_on condition \"service_healty\": "
                        + "use service_started, service_healthy or service_completed_successfully"),
                Diagnostic.error(at(14, 14), "the depends_on entry 'cache' must be a mapping (condition, required, restart), not a scalar"),
                Diagnostic.error(at(16, 7), "the extra host 'gone' has no address"));
        assertThat(service(result, "web").dependencies()).isEmpty();
        assertThat(service(result, "web").extraHosts()).containsExactly(Setting.of("ok:1.2.3.4", at(8, 9)));
        assertThat(service(result, "api").dependencies()).containsExactly(
                new Dependency("db", Setting.of("service_healty", at(13, 9)), at(12, 7)),
                new Dependency("cache", Setting.unset(at(14, 7)), at(14, 7)));
        assertThat(service(result, "api").extraHosts()).isEmpty();
    }

    @Test
    void anAddressLeftEmptyByAnUnsetVariableIsSkippedWithoutAnotherError() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    extra_hosts:
                      - "db=${DB_ADDRESS}"
                  api:
                    image: api
                    extra_hosts:
                      cache: ${CACHE_ADDRESS}
                """);
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(5, 9), "variable DB_ADDRESS is not set; using an empty string"),
                Diagnostic.warning(at(9, 14), "variable CACHE_ADDRESS is not set; using an empty string"));
        assertThat(service(result, "web").extraHosts()).isEmpty();
        assertThat(service(result, "api").extraHosts()).isEmpty();
    }
}
