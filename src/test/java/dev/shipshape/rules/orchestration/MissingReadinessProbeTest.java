package dev.shipshape.rules.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.ServiceEndpoint.ServicePort;
import dev.shipshape.model.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which container a Service's port reaches: targetPort by number or name, or the Service's port when no targetPort is given. */
class MissingReadinessProbeTest {

    private static final Origin AT = Origin.at("app.k8s.yaml", 10, 5);

    @ParameterizedTest(name = "port {0}, targetPort ''{1}'', container port {2} named ''{3}'': {4}")
    @CsvSource({
            "80,   8080,  8080, '',   true",
            "80,   http,  8080, http, true",
            "80,   http,  8080, '',   false",
            "80,   8080,  80,   '',   false",
            "8080, '',    8080, '',   true",
            "80,   '',    8080, http, false",
    })
    void findsTheTargetedContainer(String port, String targetPort, String containerPort, String portName, boolean targeted) {
        ContainerBuilder builder = Container.builder("app", "container 'app' in Deployment 'app'", false, AT);
        builder.ports.add(new Port(Setting.unset(AT), null, containerPort, "tcp", AT, portName.isEmpty() ? null : portName));
        Setting<String> target = targetPort.isEmpty() ? Setting.unset(AT) : Setting.of(targetPort, AT);
        ServiceEndpoint service = new ServiceEndpoint("app", null, AT, LabelSelector.of(Map.of("app", "app")), true, AT,
                false, "ClusterIP", List.of(new ServicePort(port, target, AT)));

        assertThat(MissingReadinessProbe.declaresTargetedPort(builder.build(), List.of(service))).isEqualTo(targeted);
    }
}
