package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Route;
import dev.shipshape.model.Route.Backend;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.ApplicationInSet;
import dev.shipshape.rules.CustomResourceMakers;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags each backend of an Ingress or HTTPRoute that names a Service the scanned set does not
 * define in the route's namespace (or the backendRef's), or a port number that Service does not
 * have, or a port name none of its ports carries. Judged only when the scanned set defines at least
 * one Service and holds the route's application ({@link ApplicationInSet}); a missing Service that a
 * custom resource of its namespace could make ({@link CustomResourceMakers}) is not reported.
 */
public final class IngressBackendMissing implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-540", "ingress-backend-missing")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.MEDIUM)
            .title("Ingress routes to a Service or port that does not exist")
            .rationale("""
                    A route to a missing Service, or to a port the Service does not expose, answers \
                    every request with 503 or 404 from the ingress controller or gateway; usually a \
                    Service was renamed or its port changed and the route was not. Judged only when the \
                    scanned set holds the route's application (another workload, Service or custom \
                    resource with the same `app.kubernetes.io/instance`, `app.kubernetes.io/part-of`, \
                    `release` or `helm.sh/chart` label, or, for a route without them, in its file, or in \
                    its namespace and folder); a Service that a custom resource of its namespace could make (named \
                    after it, as `events-kafka-bootstrap` for a Kafka 'events') is not called missing.""")
            .remediation("Point the Ingress `backend.service.name`/`port` (or the HTTPRoute `backendRefs` name/port) "
                    + "at a Service and a port it defines, in the same namespace.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: Ingress", "https://kubernetes.io/docs/concepts/services-networking/ingress/"),
                    Reference.url("Gateway API: HTTPRoute", "https://gateway-api.sigs.k8s.io/api-types/httproute/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<ServiceEndpoint> services = inventory.services();
        if (services.isEmpty()) return Stream.empty();
        ApplicationInSet applications = ApplicationInSet.of(inventory);
        CustomResourceMakers makers = CustomResourceMakers.of(inventory);
        return inventory.kubernetes().routes().stream()
                .filter(route -> applications.holds(route.origin(), route.namespace()))
                .flatMap(route -> route.backends().stream().flatMap(backend -> finding(route, backend, services, makers).stream()));
    }

    private static Optional<Finding> finding(Route route, Backend backend, List<ServiceEndpoint> services, CustomResourceMakers makers) {
        String namespace = backend.namespace() != null ? backend.namespace() : route.namespace();
        List<ServiceEndpoint> named = services.stream()
                .filter(candidate -> candidate.name().equals(backend.service().value()) && namespaceOf(candidate.namespace()).equals(namespaceOf(namespace)))
                .toList();
        if (named.isEmpty()) {
            if (!makers.couldMakeNamed(backend.service().value(), namespace).isEmpty()) return Optional.empty();
            return Optional.of(Finding.of(INFO, backend.service().origin(), "%s routes to Service '%s', which the scanned set does not define in namespace %s"
                    .formatted(route.description(), backend.service().value(), namespaceOf(namespace))));
        }
        String port = backend.port();
        if (port == null) return Optional.empty();
        boolean byNumber = port.chars().allMatch(Character::isDigit);
        // a set of several projects may define two Services of this name: either one may be the route's
        boolean hasPort = named.stream().flatMap(service -> service.ports().stream())
                .anyMatch(servicePort -> port.equals(byNumber ? servicePort.port() : servicePort.name()));
        return hasPort ? Optional.empty() : Optional.of(Finding.of(INFO, backend.service().origin(),
                "%s routes to port %s of Service '%s', which has no such port".formatted(route.description(),
                        byNumber ? port : "'" + port + "'", backend.service().value())));
    }

    private static String namespaceOf(String namespace) {
        return Objects.requireNonNullElse(namespace, "default");
    }
}
