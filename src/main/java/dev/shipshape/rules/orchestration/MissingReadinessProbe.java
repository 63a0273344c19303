package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Probe;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags Kubernetes containers that receive traffic (a Service in the same namespace selects their
 * pods) but have no readiness probe. A Service without a selector, or with an empty one, selects
 * no pods; a namespace that is not stated is {@code default}.
 *
 * <p>Which containers receive the traffic: those that declare a port a selecting Service targets
 * (its {@code targetPort}, by number or name, or its {@code port} when no targetPort is given). A
 * sidecar that declares no such port gets no requests, and as Kubernetes counts a container without
 * a readiness probe as ready, it does not need one. When no container declares a targeted port
 * (ports are informational, so this is common) every container may be the one serving: they are
 * reported unless one of them already gates the pod's readiness with a probe. Init and ephemeral
 * containers are never behind a Service.
 */
public final class MissingReadinessProbe implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-303", "missing-readiness-probe")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Container behind a Service has no readiness probe")
            .rationale("""
                    Without a readiness probe a pod counts as ready as soon as its containers start, so the \
                    Service sends it requests while the application is still starting, warming up or \
                    overloaded: every rollout and every restart turns into failed requests. A liveness \
                    probe does not help here: it restarts the container, it never takes it out of the \
                    Service's endpoints.""")
            .remediation("Add a `readinessProbe` (an `httpGet` on a health endpoint, a `tcpSocket` or an `exec`) "
                    + "to every container of the pods the Service selects.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: define readiness probes",
                            "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes"),
                    Reference.url("Kubernetes: pod readiness and Service endpoints",
                            "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes"))
            .build();

    private static final String DEFAULT_NAMESPACE = "default";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.KUBERNETES)
                .flatMap(workload -> findingsFor(workload, inventory.services()));
    }

    private static Stream<Finding> findingsFor(Workload workload, List<ServiceEndpoint> services) {
        List<ServiceEndpoint> selecting = services.stream().filter(service -> selects(service, workload)).toList();
        if (selecting.isEmpty()) return Stream.empty();
        List<Container> regular = workload.containers().stream()
                .filter(container -> !container.init() && !container.ephemeral())
                .toList();
        List<Container> targeted = regular.stream().filter(container -> declaresTargetedPort(container, selecting)).toList();
        List<Container> receivers;
        if (!targeted.isEmpty()) {
            receivers = targeted;
        } else if (regular.stream().anyMatch(MissingReadinessProbe::hasReadinessProbe)) {
            return Stream.empty();
        } else {
            receivers = regular;
        }
        String serviceNames = selecting.stream().map(ServiceEndpoint::description).distinct().collect(Collectors.joining(", "));
        return receivers.stream()
                .filter(container -> !hasReadinessProbe(container))
                .map(container -> Finding.of(INFO, container.origin(),
                        "%s receives traffic from %s but has no readiness probe".formatted(container.description(), serviceNames)));
    }

    /** True when the container declares a port (by number or name) that one of the Services sends traffic to. */
    static boolean declaresTargetedPort(Container container, List<ServiceEndpoint> services) {
        return services.stream().flatMap(service -> service.ports().stream())
                .map(port -> port.targetPort().orElse(port.port()).strip())
                .anyMatch(target -> container.ports().stream()
                        .anyMatch(declared -> target.equals(declared.containerPort()) || target.equals(declared.name())));
    }

    static boolean selects(ServiceEndpoint service, Workload workload) {
        return service.hasSelector()
                && !service.selector().isEmpty()
                && namespaceOf(service.namespace()).equals(namespaceOf(workload.namespace()))
                && service.selector().matches(workload.podLabels());
    }

    private static String namespaceOf(String namespace) {
        return Objects.requireNonNullElse(namespace, DEFAULT_NAMESPACE);
    }

    private static boolean hasReadinessProbe(Container container) {
        return container.probes().stream().anyMatch(probe -> probe.kind() == Probe.Kind.READINESS);
    }
}
