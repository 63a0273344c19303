package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Route;
import dev.shipshape.model.Route.Backend;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
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
 * one Service: routes scanned without any Service belong to a set the scan does not see.
 */
public final class IngressBackendMissing implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-540", "ingress-backend-missing")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.MEDIUM)
            .title("Ingress routes to a Service or port that does not exist")
            .rationale("""
                    A route to a missing Service, or to a port the Service does not expose, answers \
                    every request with 503 or 404 from the ingress controller or gateway; usually a \
                    Service was renamed or its port changed and the route was not.""")
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
        return inventory.kubernetes().routes().stream()
                .flatMap(route -> route.backends().stream().flatMap(backend -> finding(route, backend, services).stream()));
    }

    private static Optional<Finding> finding(Route route, Backend backend, List<ServiceEndpoint> services) {
        String namespace = backend.namespace() != null ? backend.namespace() : route.namespace();
        Optional<ServiceEndpoint> service = services.stream()
                .filter(candidate -> candidate.name().equals(backend.service().value()) && namespaceOf(candidate.namespace()).equals(namespaceOf(namespace)))
                .findFirst();
        if (service.isEmpty()) {
            return Optional.of(Finding.of(INFO, backend.service().origin(), "%s routes to Service '%s', which the scanned set does not define in namespace %s"
                    .formatted(route.description(), backend.service().value(), namespaceOf(namespace))));
        }
        String port = backend.port();
        if (port == null) return Optional.empty();
        boolean byNumber = port.chars().allMatch(Character::isDigit);
        boolean hasPort = service.get().ports().stream()
                .anyMatch(servicePort -> port.equals(byNumber ? servicePort.port() : servicePort.name()));
        return hasPort ? Optional.empty() : Optional.of(Finding.of(INFO, backend.service().origin(),
                "%s routes to port %s of Service '%s', which has no such port".formatted(route.description(),
                        byNumber ? port : "'" + port + "'", backend.service().value())));
    }

    private static String namespaceOf(String namespace) {
        return Objects.requireNonNullElse(namespace, "default");
    }
}
