package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.gate.EngineEndpoints.Endpoint;
import dev.shipshape.load.gate.EngineEndpoints.Handling;
import dev.shipshape.load.gate.EngineEndpoints.Route;
import dev.shipshape.policy.Enforcement.Action;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Engine API endpoint table, matched as dockerd's gorilla/mux router matches it. */
class EngineEndpointsTest {

    private static Route route(String method, String path) {
        Optional<Route> route = EngineEndpoints.route(method, path);
        assertThat(route).as(method + " " + path).isPresent();
        return route.get();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /v1.41/containers/create           | /containers/create              | ''         | 1.41
            POST   | /containers/create                 | /containers/create              | ''         |
            POST   | /v1.41/containers/web/exec         | /containers/{name:.*}/exec      | web        | 1.41
            POST   | /v1.41/containers/a/b/exec         | /containers/{name:.*}/exec      | a/b        | 1.41
            POST   | /v1.41/containers/x/exec/start     | /containers/{name:.*}/start     | x/exec     | 1.41
            POST   | /v1.41/containers/abc/exec#/start  | /containers/{name:.*}/start     | abc/exec#  | 1.41
            POST   | /v1.41/containers/create/start     | /containers/{name:.*}/start     | create     | 1.41
            POST   | /v1.41/services/abc/update         | /services/{id}/update           | abc        | 1.41
            POST   | /v1.41/plugins/vieux/sshfs:latest/upgrade | /plugins/{name:.*}/upgrade | vieux/sshfs:latest | 1.41
            DELETE | /v1.41/plugins/vieux/sshfs:latest  | /plugins/{name:.*}              | vieux/sshfs:latest | 1.41
            GET    | /v1.41/networks/a/b                | /networks/{id:.+}               | a/b        | 1.41
            GET    | /v1/_ping                          | /_ping                          | ''         | 1
            DELETE | /v1.41/containers/web/checkpoints/c1 | /containers/{name}/checkpoints/{checkpoint} | web | 1.41
            POST   | /debug/pprof/profile               | /debug/{path:.*}                | pprof/profile |
            OPTIONS | /v1.41/anything/at/all            | /{anyroute:.*}                  | anything/at/all | 1.41
            """)
    void routesAsMuxDoes(String method, String path, String template, String object, String version) {
        Route route = route(method, path);

        assertThat(route.endpoint().template()).isEqualTo(template);
        assertThat(route.object()).isEqualTo(object);
        assertThat(route.apiVersion()).isEqualTo(Optional.ofNullable(version));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /v1.41/containers/create/
            POST   | /v1.41/services/a/b/update
            POST   | /v1.41/volumes
            PUT    | /v1.41/containers/create
            post   | /v1.41/containers/create
            PATCH  | /v1.41/containers/web
            POST   | ''
            POST   | *
            POST   | /v1.41
            POST   | /va/containers/create
            """)
    void routesNowhereWhatMuxRoutesNowhere(String method, String path) {
        assertThat(EngineEndpoints.route(method, path)).isEmpty();
    }

    @Test
    void everyEndpointIsListedOnceAndGuardedOnesNameAGuardedAction() {
        List<Endpoint> all = EngineEndpoints.all();
        Set<String> seen = new HashSet<>();

        for (Endpoint endpoint : all) {
            assertThat(seen.add(endpoint.display())).as(endpoint.display()).isTrue();
            assertThat(endpoint.note()).as(endpoint.display()).isNotBlank();
            if (endpoint.handling() == Handling.GUARDED) {
                assertThat(endpoint.action()).as(endpoint.display()).hasValueSatisfying(action -> assertThat(action.guarded()).isTrue());
            }
            if (endpoint.handling() == Handling.JUDGED) {
                assertThat(endpoint.reading()).as(endpoint.display()).isNotEqualTo(EngineEndpoints.Reading.NONE);
            }
        }
        // moby v20.10 registers 114 API routes and master adds 2; its 7 /debug routes, which take any method, are one entry here
        assertThat(all).hasSize(117);
        for (Action action : Action.values()) {
            assertThat(all).as(action.configName()).anySatisfy(endpoint -> assertThat(endpoint.action()).contains(action));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /swarm/join                  | GUARDED  | SWARM_JOIN
            POST   | /swarm/update                | GUARDED  | SWARM_MANAGE
            POST   | /grpc                        | GUARDED  | BUILD_PRIVILEGED
            POST   | /build                       | JUDGED   | BUILD_PRIVILEGED
            POST   | /swarm/init                  | JUDGED   | SWARM_INIT
            POST   | /plugins/x/disable           | GUARDED  | PLUGIN_MANAGE
            POST   | /containers/web/start        | HARMLESS | CONTAINER_START
            POST   | /containers/web/kill         | HARMLESS |
            POST   | /containers/web/update       | HARMLESS |
            POST   | /exec/abc/start              | HARMLESS |
            DELETE | /containers/web              | HARMLESS |
            POST   | /networks/n/connect          | HARMLESS |
            """)
    void classifiesTheActionsThatMatter(String method, String path, Handling handling, Action action) {
        Endpoint endpoint = route(method, path).endpoint();

        assertThat(endpoint.handling()).isEqualTo(handling);
        assertThat(endpoint.action()).isEqualTo(Optional.ofNullable(action));
    }
}
