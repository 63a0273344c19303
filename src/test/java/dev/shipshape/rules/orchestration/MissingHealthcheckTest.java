package dev.shipshape.rules.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Image;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Stage;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cases the fixtures cannot show: live containers, ephemeral containers, a built image that switches the check off. */
class MissingHealthcheckTest {

    private static final Origin SERVICE = Origin.at("compose.yaml", 2, 3);
    private static final Origin FROM = Origin.at("Dockerfile", 1, 1);
    private static final Origin HEALTHCHECK = Origin.at("Dockerfile", 4, 1);

    private final MissingHealthcheck rule = new MissingHealthcheck();

    @Test
    void aLiveContainerWithoutAProbeHasNone() {
        Origin live = Origin.live("container web (0123abcd)");
        Container container = Container.builder("web", "container 'web'", false, live).build();
        Workload workload = workload(SourceKind.LIVE_DOCKER, "container", container, Setting.unset(live));

        assertThat(rule.check(workload, container)).singleElement().satisfies(finding -> {
            assertThat(finding.origin()).isEqualTo(live);
            assertThat(finding.message()).isEqualTo("container 'web' has no health check: neither it nor its image defines one");
        });
    }

    @Test
    void aServiceBuiltFromAnImageThatSwitchesTheCheckOffHasNone() {
        ContainerBuilder builder = Container.builder("app", "service 'app'", false, SERVICE);
        builder.builtFrom = image(Optional.of(new Probe(Probe.Kind.HEALTHCHECK, true, HEALTHCHECK)));
        Container container = builder.build();

        List<Finding> findings = rule.check(workload(SourceKind.COMPOSE, "service", container, Setting.unset(SERVICE)), container).toList();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.origin()).isEqualTo(SERVICE);
            assertThat(finding.message())
                    .isEqualTo("service 'app' has no healthcheck and its Dockerfile 'Dockerfile' switches it off (HEALTHCHECK NONE)");
        });
    }

    @Test
    void theServicesOwnCheckWinsOverTheImages() {
        ContainerBuilder builder = Container.builder("app", "service 'app'", false, SERVICE);
        builder.builtFrom = image(Optional.empty());
        builder.probes.add(new Probe(Probe.Kind.HEALTHCHECK, false, Origin.at("compose.yaml", 4, 5)));
        Container container = builder.build();

        assertThat(rule.check(workload(SourceKind.COMPOSE, "service", container, Setting.unset(SERVICE)), container)).isEmpty();
    }

    @Test
    void ephemeralContainersAndStartupProbesAlone() {
        Origin pod = Origin.at("pod.k8s.yaml", 2, 1);
        ContainerBuilder debugBuilder = Container.builder("dbg", "ephemeral container 'dbg' in Pod 'web'", false, Origin.at("pod.k8s.yaml", 12, 9));
        debugBuilder.ephemeral = true;
        Container debug = debugBuilder.build();
        ContainerBuilder startupOnly = Container.builder("web", "container 'web' in Pod 'web'", false, Origin.at("pod.k8s.yaml", 8, 9));
        startupOnly.probes.add(new Probe(Probe.Kind.STARTUP, false, Origin.at("pod.k8s.yaml", 10, 11)));
        Container web = startupOnly.build();
        Workload workload = workload(SourceKind.KUBERNETES, "Pod", web, Setting.unset(pod));

        assertThat(rule.check(workload, debug)).isEmpty();
        assertThat(rule.check(workload, web)).singleElement()
                .satisfies(finding -> assertThat(finding.origin()).isEqualTo(Origin.at("pod.k8s.yaml", 8, 9)));
    }

    @Test
    void aPodThatRunsToCompletionNeedsNoProbe() {
        Origin pod = Origin.at("pod.k8s.yaml", 2, 1);
        Container task = Container.builder("task", "container 'task' in Pod 'once'", false, Origin.at("pod.k8s.yaml", 8, 9)).build();

        assertThat(rule.check(workload(SourceKind.KUBERNETES, "Pod", task, Setting.of("Never", Origin.at("pod.k8s.yaml", 6, 3))), task)).isEmpty();
        assertThat(rule.check(workload(SourceKind.KUBERNETES, "Pod", task, Setting.of("Always", Origin.at("pod.k8s.yaml", 6, 3))), task)).hasSize(1);
        assertThat(rule.check(workload(SourceKind.KUBERNETES, "Pod", task, Setting.unset(pod)), task)).hasSize(1);
    }

    private static Image image(Optional<Probe> healthcheck) {
        return new Image("Dockerfile", List.of(), List.of(new Stage(null, "python:3.12", FROM, List.of())),
                Setting.unset(FROM), healthcheck, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Workload workload(SourceKind source, String kind, Container container, Setting<String> restartPolicy) {
        return new Workload(kind, container.name(), null, source, container.origin(), 4,
                Setting.unset(container.origin()), restartPolicy, List.of(container), List.of(), Map.of());
    }
}
