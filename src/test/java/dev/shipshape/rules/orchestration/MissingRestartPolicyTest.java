package dev.shipshape.rules.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each source's restart policy values mean (Swarm ignores `restart` and defaults to `any`). */
class MissingRestartPolicyTest {

    private static final Origin SERVICE = Origin.at("compose.yaml", 2, 3);
    private static final Origin POLICY = Origin.at("compose.yaml", 4, 5);

    @ParameterizedTest(name = "{0} restart ''{1}'': finding {2}")
    @CsvSource({
            "COMPOSE,     no,             true",
            "COMPOSE,     NO,             true",
            "COMPOSE,     none,           true",
            "COMPOSE,     always,         false",
            "COMPOSE,     unless-stopped, false",
            "COMPOSE,     on-failure:5,   false",
            "COMPOSE,     any,            false",
            "LIVE_DOCKER, '',             true",
            "LIVE_DOCKER, no,             true",
            "LIVE_DOCKER, always,         false",
            "STACK,       none,           true",
            "STACK,       no,             false",
            "STACK,       on-failure,     false",
            "KUBERNETES,  Always,         false",
    })
    void judgesAWrittenPolicy(SourceKind source, String policy, boolean finding) {
        Workload workload = new Workload(source == SourceKind.KUBERNETES ? "Deployment" : "service", "web", null, source,
                SERVICE, 6, Setting.unset(SERVICE), Setting.of(policy, POLICY), List.of(), List.of(), Map.of());
        assertThat(new MissingRestartPolicy().check(workload).toList())
                .hasSize(finding ? 1 : 0)
                .allSatisfy(found -> assertThat(found.origin()).isEqualTo(POLICY));
    }

    @ParameterizedTest(name = "{0} without a policy: finding {1}")
    @CsvSource({"COMPOSE, true", "LIVE_DOCKER, true", "STACK, false"})
    void judgesAnUnsetPolicy(SourceKind source, boolean finding) {
        Workload workload = new Workload("service", "web", null, source, SERVICE, 6,
                Setting.unset(SERVICE), Setting.unset(SERVICE), List.of(), List.of(), Map.of());
        assertThat(new MissingRestartPolicy().check(workload).toList())
                .hasSize(finding ? 1 : 0)
                .allSatisfy(found -> assertThat(found.origin()).isEqualTo(SERVICE));
    }
}
