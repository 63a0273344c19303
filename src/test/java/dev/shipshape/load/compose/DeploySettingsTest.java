package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy.update_config}, {@code deploy.mode} and {@code deploy.placement} as a workload's rollout and scheduling. */
class DeploySettingsTest {

    private static final String FILE = "app.stack.yaml";

    @TempDir
    Path folder;

    private LoadResult load(String yaml) throws IOException {
        Path file = folder.resolve(FILE);
        Files.writeString(file, yaml);
        return new ComposeLoader().load(file, FILE, SourceKind.STACK, Map.of());
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    private static Workload service(LoadResult result, String name) {
        return result.inventory().workloads().stream().filter(workload -> workload.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String STACK = """
            services:
              web:
                image: nginx
                deploy:
                  mode: replicated
                  replicas: 3
                  update_config:
                    parallelism: 1
                    order: start-first
                    failure_action: rollback
                  placement:
                    preferences:
                      - spread: node.labels.zone
                      - spread: node.labels.rack
                    constraints:
                      - node.role == worker
                      - "node.labels.ssd == true"
              worker:
                image: worker
                deploy:
                  mode: global
                  update_config:
                    delay: 10s
                  placement:
                    constraints: [node.role == manager]
              plain:
                image: plain
                deploy:
                  replicas: 2
              bare:
                image: bare
                deploy:
                  update_config:
            """;

    @Test
    void loadsWithoutDiagnostics() throws IOException {
        assertThat(load(STACK).diagnostics()).isEmpty();
    }

    @Test
    void updateConfigIsARollingStrategyAtItsKeyWithOrderAndFailureActionAtTheirs() throws IOException {
        assertThat(service(load(STACK), "web").rollout()).isEqualTo(new Rollout(
                Setting.of("rolling", at(7, 7)), Setting.unset(at(7, 7)),
                Setting.of("start-first", at(9, 9)), Setting.of("rollback", at(10, 9))));
    }

    @Test
    void whatUpdateConfigDoesNotSayIsUnsetAtUpdateConfig() throws IOException {
        LoadResult result = load(STACK);
        assertThat(service(result, "worker").rollout()).isEqualTo(new Rollout(
                Setting.of("rolling", at(22, 7)), Setting.unset(at(22, 7)), Setting.unset(at(22, 7)), Setting.unset(at(22, 7))));
        assertThat(service(result, "bare").rollout()).isEqualTo(new Rollout(
                Setting.of("rolling", at(33, 7)), Setting.unset(at(33, 7)), Setting.unset(at(33, 7)), Setting.unset(at(33, 7))));
    }

    @Test
    void withoutUpdateConfigTheRolloutIsUnsetAtTheService() throws IOException {
        assertThat(service(load(STACK), "plain").rollout()).isEqualTo(Rollout.unset(at(26, 3)));
    }

    @Test
    void modePreferencesAndConstraintsAreEachAtTheirPlace() throws IOException {
        Scheduling web = service(load(STACK), "web").scheduling();
        assertThat(web).isEqualTo(new Scheduling(Setting.of("replicated", at(5, 7)), false, false,
                List.of(Setting.of("spread=node.labels.zone", at(13, 13)), Setting.of("spread=node.labels.rack", at(14, 13))),
                List.of(Setting.of("node.role == worker", at(16, 13)), Setting.of("node.labels.ssd == true", at(17, 13)))));
        assertThat(web.spreadsReplicas()).isTrue();
    }

    @Test
    void flowListConstraintsAndNoPreferences() throws IOException {
        Scheduling worker = service(load(STACK), "worker").scheduling();
        assertThat(worker).isEqualTo(new Scheduling(Setting.of("global", at(21, 7)), false, false,
                List.of(), List.of(Setting.of("node.role == manager", at(25, 23)))));
        assertThat(worker.spreadsReplicas()).isFalse();
    }

    @Test
    void withoutModeOrPlacementSchedulingIsUnsetAtTheService() throws IOException {
        LoadResult result = load(STACK);
        assertThat(service(result, "plain").scheduling()).isEqualTo(Scheduling.unset(at(26, 3)));
        Workload noDeploy = service(load("services:\n  web:\n    image: nginx\n"), "web");
        assertThat(noDeploy.scheduling()).isEqualTo(Scheduling.unset(at(2, 3)));
        assertThat(noDeploy.rollout()).isEqualTo(Rollout.unset(at(2, 3)));
    }

    @Test
    void composeFilesReadDeployToo(@TempDir Path other) throws IOException {
        Path file = other.resolve("compose.yaml");
        Files.writeString(file, "services:\n  web:\n    image: nginx\n    deploy:\n      mode: global\n      update_config:\n        order: stop-first\n");
        Workload web = new ComposeLoader().load(file, "compose.yaml", SourceKind.COMPOSE, Map.of()).inventory().workloads().getFirst();
        assertThat(web.scheduling().mode()).isEqualTo(Setting.of("global", Origin.at("compose.yaml", 5, 7)));
        assertThat(web.rollout().order()).isEqualTo(Setting.of("stop-first", Origin.at("compose.yaml", 7, 9)));
    }

    @Test
    void malformedDeploySettingsAreLocatedErrors() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    deploy:
                      update_config: [1]
                      placement:
                        preferences:
                          - node.labels.zone
                          - binpack: memory
                          - spread: node.labels.zone
                        constraints: node.role == worker
                """);
        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.error(at(5, 22), "'update_config' must be a mapping, not a list"),
                Diagnostic.error(at(8, 13), "a placement preference must be a mapping such as {spread: node.labels.zone}, not a scalar"),
                Diagnostic.error(at(9, 13), "unknown placement preference 'binpack': Swarm knows only spread"),
                Diagnostic.error(at(11, 22), "'constraints' must be a list, not a scalar"));
        Workload web = service(result, "web");
        assertThat(web.rollout()).isEqualTo(Rollout.unset(at(2, 3)));
        assertThat(web.scheduling()).isEqualTo(new Scheduling(Setting.unset(at(2, 3)), false, false,
                List.of(Setting.of("spread=node.labels.zone", at(10, 13))), List.of()));
    }
}
