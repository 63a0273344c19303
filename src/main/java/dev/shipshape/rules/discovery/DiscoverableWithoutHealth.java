package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.Dependency;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags workloads that others find by name but that never say whether they are ready.
 *
 * <p>Kubernetes is left to missing-readiness-probe (SS-303), which flags exactly the containers a
 * Service sends traffic to without a readiness probe: one finding per container, not two.
 *
 * <p>Compose and Swarm: the service has no health check of its own nor from the Dockerfile it is
 * built from, and is found: another service of the same file that shares a network with it
 * (no {@code networks:} means the project's default network; a {@code network_mode} takes it off
 * the project's networks) depends on it, links to it or names it as a host in its environment;
 * or it publishes a port; or it shares a network with another service and exposes a port
 * ({@code expose:} or its Dockerfile's EXPOSE). A service that merely shares a network, serving
 * nobody that the files show (a worker, a one-shot job), is not reported.
 *
 * <p>One cause, one finding: for a Compose or Swarm service that publishes a port, this rule owns the
 * missing health check and missing-healthcheck stays quiet. A service found only by a peer that names
 * it is still reported by both: missing-healthcheck is a per-container rule (the gate runs no
 * cross-file rule) and cannot see the peer.
 */
public final class DiscoverableWithoutHealth implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-504", "discoverable-without-health")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.MEDIUM)
            .title("Discoverable workload has no health check or readiness probe")
            .rationale("""
                    Other services find this workload by name (a Service selects its pods, or its \
                    peers address it on a shared network) or clients reach it through a published \
                    port, yet it never reports whether it is ready. Kubernetes then adds a pod to \
                    the Service's endpoints as soon as its containers start, Swarm routes to a task \
                    as soon as it runs, and Compose cannot make dependents wait for it: requests \
                    reach instances that are still starting, or hung, and fail during every deploy, \
                    restart and scale-up. Where the service publishes a port, missing-healthcheck does not \
                    report it again.""")
            .remediation("Add a `healthcheck:` with a `test` to the service (Compose, Swarm), or a `HEALTHCHECK` to its "
                    + "image, that succeeds only when it can serve requests; in Kubernetes the same gap is "
                    + "missing-readiness-probe.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK)
            .references(
                    Reference.cisDocker("5.27"),
                    Reference.url("Kubernetes: configure readiness probes",
                            "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes"),
                    Reference.url("Docker Compose: healthcheck",
                            "https://docs.docker.com/reference/compose-file/services/#healthcheck"),
                    Reference.url("Dockerfile: HEALTHCHECK", "https://docs.docker.com/reference/dockerfile/#healthcheck"))
            .build();

    private static final String DEFAULT_NETWORK = "default";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        Map<String, List<Workload>> composeFiles = inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.COMPOSE || workload.source() == SourceKind.STACK)
                .collect(Collectors.groupingBy(workload -> workload.origin().source(), LinkedHashMap::new, Collectors.toList()));
        return composeFiles.values().stream().flatMap(DiscoverableWithoutHealth::composeFindings);
    }

    // Compose and Swarm

    private static Stream<Finding> composeFindings(List<Workload> services) {
        return services.stream().flatMap(service -> service.containers().stream()
                .flatMap(container -> composeFinding(service, container, services).stream()));
    }

    private static Optional<Finding> composeFinding(Workload service, Container container, List<Workload> sameFile) {
        ComposeHealth health = ComposeHealth.of(container);
        if (health.checked()) return Optional.empty();
        return whoFinds(service, container, sameFile).map(finder -> Finding.of(INFO, container.origin(),
                container.description() + " " + health.absence() + ", but " + finder));
    }

    /** Who finds the service, as the message says it; empty when nothing in the file shows that anyone does. */
    private static Optional<String> whoFinds(Workload service, Container container, List<Workload> sameFile) {
        Set<String> networks = networksOf(container);
        Pattern named = hostReference(service.name());
        for (Workload peer : sameFile) {
            if (peer == service || !sharesANetwork(peer, networks)) continue;
            Optional<String> use = useBy(peer, service.name(), named);
            if (use.isPresent()) return Optional.of(peer.description() + " " + use.get());
        }
        Optional<Port> published = container.ports().stream().filter(Port::isPublished).findFirst();
        if (published.isPresent()) {
            Port port = published.get();
            return Optional.of("it publishes " + (port.hostPort().isBlank()
                    ? "container port " + port.containerPort() + " on a random host port"
                    : "host port " + port.hostPort()));
        }
        Optional<String> exposed = exposedPort(container);
        if (exposed.isEmpty()) return Optional.empty();
        for (Workload peer : sameFile) {
            if (peer == service) continue;
            for (Container peerContainer : peer.containers()) {
                Optional<String> shared = networksOf(peerContainer).stream().filter(networks::contains).findFirst();
                if (shared.isPresent()) {
                    return Optional.of("it exposes port " + exposed.get() + " to " + peer.description()
                            + " on network '" + shared.get() + "'");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sharesANetwork(Workload peer, Set<String> networks) {
        return peer.containers().stream().anyMatch(peerContainer -> networksOf(peerContainer).stream().anyMatch(networks::contains));
    }

    /** "depends on it", "links to it", "names it in DB_HOST". */
    private static Optional<String> useBy(Workload peer, String name, Pattern host) {
        if (peer.dependencies().stream().map(Dependency::service).anyMatch(name::equals)) return Optional.of("depends on it");
        boolean links = peer.links().stream().filter(Setting::isSet)
                .map(link -> link.value().strip().split(":", 2)[0])
                .anyMatch(name::equals);
        if (links) return Optional.of("links to it");
        return peer.containers().stream().flatMap(peerContainer -> peerContainer.environment().stream())
                .filter(variable -> variable.valueSource() == EnvVar.ValueSource.LITERAL && variable.value() != null)
                .filter(variable -> host.matcher(variable.value()).find())
                .findFirst()
                .map(variable -> "names it in " + variable.name());
    }

    /**
     * The service's name used as a host: the whole value, or after "//", "@", "=" or a comma, and
     * before ":port", "/", ";", "?", a comma or the end ("db", "postgres://app@db:5432/shop",
     * "kafka:9092,zookeeper:2181", "host=db;port=5432"); "mydb" and "db_name" are not.
     */
    private static Pattern hostReference(String name) {
        return Pattern.compile("(?:^|//|@|=|,)\\s*" + Pattern.quote(name) + "(?::\\d+)?(?=$|[/,;?\\s])");
    }

    private static Optional<String> exposedPort(Container container) {
        Optional<String> declared = container.ports().stream().filter(port -> !port.isPublished())
                .map(Port::containerPort).filter(port -> port != null && !port.isBlank()).findFirst();
        if (declared.isPresent()) return declared;
        return container.builtFrom().flatMap(image -> image.exposedPorts().stream().filter(Setting::isSet).map(Setting::value).findFirst());
    }

    /** The project networks a service joins by name; a {@code network_mode} (host, none, bridge, service:…) joins none. */
    private static Set<String> networksOf(Container container) {
        if (container.networkMode().isSet()) return Set.of();
        if (container.networks().isEmpty()) return Set.of(DEFAULT_NETWORK);
        return container.networks().stream().map(Setting::value).map(String::strip)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
