package dev.shipshape.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "STACK,       service,               true",
            "KUBERNETES,  Deployment,            true",
            "KUBERNETES,  StatefulSet,           true",
            "KUBERNETES,  DaemonSet,             true",
            "KUBERNETES,  ReplicaSet,            true",
            "KUBERNETES,  ReplicationController, true",
            "KUBERNETES,  Job,                   true",
            "KUBERNETES,  CronJob,               true",
            "KUBERNETES,  Pod,                   false",
            "COMPOSE,     service,               false",
            "LIVE_DOCKER, container,             false",
    })
    void knowsWhatAnOrchestratorRollsOut(SourceKind source, String kind, boolean rolledOut) {
        Origin origin = Origin.at("file.yaml", 1, 1);
        Workload workload = new Workload(kind, "x", null, source, origin, 1,
                Setting.unset(origin), Setting.unset(origin), List.of(), List.of(), Map.of());
        assertThat(workload.isRolledOutByOrchestrator()).isEqualTo(rolledOut);
    }
}
