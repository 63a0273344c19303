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
import java.util.Locale;
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
 * built from, and publishes a port. The message gives the first real reason it is found: another
 * service of the same file that shares a network with it (no {@code networks:} means the project's
 * default network; a {@code network_mode} takes it off the project's networks) depends on it, links
 * to it or names it as an address in its environment; otherwise the published port itself. A name
 * counts as an address when it is written as one (a URL, {@code host:port}, after {@code @} or
 * {@code =}, in a list), or as the whole value of a variable whose name says it holds a host
 * ({@code REDIS_HOST}, {@code KAFKA_BROKERS}); never in a secret-like variable
 * ({@code POSTGRES_PASSWORD: postgres} is a password, not a peer) nor as a bare word elsewhere
 * ({@code POSTGRES_USER: postgres}).
 *
 * <p>One cause, one finding: missing-healthcheck owns the missing health check of every Compose or
 * Swarm service that publishes no port (also one a peer finds by name: a per-container rule cannot
 * see the peer, and at the gate, where it also runs, a single container has no peers); this rule
 * owns the services that publish a port, where missing-healthcheck stays quiet, and says who finds
 * them.
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
                    restart and scale-up. This rule reports Compose and Swarm services that publish a port \
                    (and says who else finds them); missing-healthcheck reports the others, so each missing \
                    health check is reported once.""")
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
    /** Variables whose value is a credential, however much it looks like a name. */
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?:^|_)(?:[A-Z0-9]*(?:PASS|PASSWD|PASSWORD|PWD|SECRET|TOKEN)|KEY|APIKEY|CREDENTIALS?|AUTH)(?:_|$)");
    /** Variables whose whole value, a bare word, is a host name. */
    private static final Pattern HOST_LIKE = Pattern.compile(
            "(?:^|_)(?:[A-Z0-9]*HOST(?:S|NAME)?|SERVERS?|ADDR(?:ESS)?|URLS?|URIS?|ENDPOINTS?|BROKERS?|NODES|PEERS?"
                    + "|UPSTREAMS?|BACKENDS?|SERVICE|CONNECT|DSN|SEEDS|MASTER|TARGET)(?:_|$)");

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

    /**
     * Who finds the service, as the message says it; empty when it publishes no port (then
     * missing-healthcheck reports it).
     */
    private static Optional<String> whoFinds(Workload service, Container container, List<Workload> sameFile) {
        Optional<Port> published = container.ports().stream().filter(Port::isPublished).findFirst();
        if (published.isEmpty()) return Optional.empty();
        Set<String> networks = networksOf(container);
        Pattern named = hostReference(service.name());
        for (Workload peer : sameFile) {
            if (peer == service || !sharesANetwork(peer, networks)) continue;
            Optional<String> use = useBy(peer, service.name(), named);
            if (use.isPresent()) return Optional.of(peer.description() + " " + use.get());
        }
        Port port = published.get();
        return Optional.of("it publishes " + (port.hostPort().isBlank()
                ? "container port " + port.containerPort() + " on a random host port"
                : "host port " + port.hostPort()));
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
                .filter(variable -> namesAsAddress(variable, name, host))
                .findFirst()
                .map(variable -> "names it in " + variable.name());
    }

    /**
     * True when the variable holds the service's name as an address: written as one anywhere in the
     * value, or as the whole value of a host-like variable; never in a secret-like variable.
     */
    private static boolean namesAsAddress(EnvVar variable, String name, Pattern host) {
        String variableName = variable.name().toUpperCase(Locale.ROOT);
        if (SECRET_LIKE.matcher(variableName).find()) return false;
        String value = variable.value().strip();
        if (value.equals(name)) return HOST_LIKE.matcher(variableName).find();
        return host.matcher(value).find();
    }

    /**
     * The service's name written as an address: after "//", "@", "=" or a comma, or at the start
     * followed by ":port", "/", ";", "?" or a comma ("postgres://app@db:5432/shop", "db:5432",
     * "kafka:9092,zookeeper:2181", "host=db;port=5432"); "mydb" and "db_name" are not. The bare
     * whole value is judged by the variable's name instead ({@link #namesAsAddress}).
     */
    private static Pattern hostReference(String name) {
        String quoted = Pattern.quote(name);
        return Pattern.compile("(?:(?://|@|=|,)\\s*" + quoted + "(?::\\d+)?(?=$|[/,;?\\s])"
                + "|^" + quoted + "(?::\\d+(?=$|[/,;?\\s])|(?=[/,;?])))");
    }

    /** The project networks a service joins by name; a {@code network_mode} (host, none, bridge, service:…) joins none. */
    private static Set<String> networksOf(Container container) {
        if (container.networkMode().isSet()) return Set.of();
        if (container.networks().isEmpty()) return Set.of(DEFAULT_NETWORK);
        return container.networks().stream().map(Setting::value).map(String::strip)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
