package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Port;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.ServiceEndpoint.ServicePort;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags a Service port whose target no selected container declares. A named targetPort must be
 * the name of a container port, or the Service has no endpoint for it. A number is judged only
 * when the selected containers declare ports at all, and none of the Service's ports agrees with
 * them: {@code containerPort} is informational and often lists only some of the ports a process
 * serves, so one number missing from a list that the Service otherwise matches is no evidence;
 * a Service that matches none of the declared ports points somewhere else. A headless Service
 * forwards nothing (clients reach the pods' own addresses) and is not judged; a targetPort of 0
 * is the same as none. An unresolved template placeholder ({@code {{ .Values.port }}}, {@code ${PORT}})
 * is unknown, not a port name: as a target it is not judged, and among the declared ports it
 * could be any number or name, so no target is judged against them.
 */
public final class ServicePortMismatch implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-503", "service-port-mismatch")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.MEDIUM)
            .title("Service targets a port its pods do not declare")
            .rationale("""
                    A Service forwards each of its ports to the pods' targetPort (the port itself \
                    when unset). A targetPort name that no container port carries leaves that \
                    Service port without endpoints, and a number that differs from every declared \
                    containerPort usually means traffic goes to a port nothing listens on: \
                    connections are refused although the pods are running and ready.""")
            .remediation("Set the Service's `ports[].targetPort` to a `containerPort` (or a `ports[].name`) that "
                    + "the selected pod template declares, or declare the port in the container's `ports:` "
                    + "with that number or name.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: defining a Service",
                            "https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service"),
                    Reference.url("Kubernetes: debug Services",
                            "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.services().stream().flatMap(service -> findingsFor(service, inventory));
    }

    private static Stream<Finding> findingsFor(ServiceEndpoint service, Inventory inventory) {
        if (service.headless()) return Stream.empty();
        List<Workload> selected = ServiceSelection.selectedBy(service, inventory);
        if (selected.isEmpty()) return Stream.empty();
        // Init containers count too: a sidecar (an init container that keeps running) may serve the port.
        List<Port> declared = selected.stream()
                .flatMap(workload -> workload.containers().stream())
                .flatMap(container -> container.ports().stream())
                .toList();
        String pods = selected.stream().map(Workload::description).distinct().collect(Collectors.joining(" or "));
        boolean agreesSomewhere = service.ports().stream().anyMatch(port -> isDeclared(target(port), declared));
        return service.ports().stream()
                .flatMap(port -> mismatch(service, port, declared, pods, agreesSomewhere).stream());
    }

    private static Optional<Finding> mismatch(ServiceEndpoint service, ServicePort port, List<Port> declared, String pods,
            boolean agreesSomewhere) {
        String target = target(port);
        if (target.isEmpty() || isPlaceholder(target) || isDeclared(target, declared)) return Optional.empty();
        if (declared.stream().anyMatch(ServicePortMismatch::holdsPlaceholder)) return Optional.empty();
        boolean written = port.targetPort().isSet() && !isZero(port.targetPort().value());
        var origin = written ? port.targetPort().origin() : port.origin();
        String subject = service.description() + " port " + Objects.requireNonNullElse(port.port(), "?").strip();
        Optional<Integer> number = number(target);
        if (number.isPresent()) {
            Set<String> numbers = declared.stream().map(Port::containerPort).filter(Objects::nonNull)
                    .map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
            if (numbers.isEmpty() || agreesSomewhere) return Optional.empty();
            return Optional.of(Finding.of(INFO, origin, subject + " sends traffic to container port " + number.get()
                    + ", which no container of " + pods + " declares (declared: " + String.join(", ", numbers) + ")"));
        }
        Set<String> names = declared.stream().map(Port::name).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return Optional.of(Finding.of(INFO, origin, subject + " sends traffic to the port named '" + target
                + "', which no container of " + pods + " declares ("
                + (names.isEmpty() ? "no container port has a name" : "named: " + String.join(", ", names)) + ")"));
    }

    /** What the Service port sends traffic to: its targetPort, or the port itself when that is unset or 0. */
    private static String target(ServicePort port) {
        String target = port.targetPort().isSet() && !isZero(port.targetPort().value())
                ? port.targetPort().value()
                : Objects.requireNonNullElse(port.port(), "");
        return target.strip();
    }

    private static boolean isZero(String written) {
        return number(written.strip()).filter(value -> value == 0).isPresent();
    }

    /** A number matches a containerPort, a name matches a port's name. */
    private static boolean isDeclared(String target, List<Port> declared) {
        Optional<Integer> number = number(target);
        if (number.isPresent()) {
            return declared.stream().map(Port::containerPort).filter(Objects::nonNull)
                    .map(written -> number(written.strip())).anyMatch(number::equals);
        }
        return declared.stream().map(Port::name).anyMatch(target::equals);
    }

    private static boolean holdsPlaceholder(Port port) {
        return (port.containerPort() != null && isPlaceholder(port.containerPort()))
                || (port.name() != null && isPlaceholder(port.name()));
    }

    /** Text a template engine (Helm, envsubst, Kustomize vars) was meant to replace. */
    private static boolean isPlaceholder(String text) {
        return text.contains("{{") || text.contains("${") || text.matches(".*\\$[A-Za-z_(].*");
    }

    private static Optional<Integer> number(String text) {
        if (text == null || text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) return Optional.empty();
        return Optional.of(Integer.parseInt(text));
    }
}
