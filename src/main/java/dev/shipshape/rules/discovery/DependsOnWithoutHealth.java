package dev.shipshape.rules.discovery;

import dev.shipshape.model.Dependency;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags Compose {@code depends_on} entries that wait for a dependency to start rather than to be
 * ready: the dependency has a health check and the condition is not {@code service_healthy}, or
 * it has none to wait for. A dependency that is not a service of the same file is not judged, nor
 * is {@code service_completed_successfully} (a one-shot job is waited for until it ends).
 */
public final class DependsOnWithoutHealth implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-505", "depends-on-without-health")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.LOW)
            .title("depends_on waits for a dependency to start, not to be ready")
            .rationale("""
                    Without `condition: service_healthy`, Compose starts a service as soon as its \
                    dependency's container is running, not when the database or broker inside \
                    accepts connections. The dependent service then fails its first connections, \
                    crashes or caches a broken state on every fresh `docker compose up`, and the \
                    failure comes and goes with the machine's speed.""")
            .remediation("Give the dependency a `healthcheck:` (for example `test: [\"CMD\", \"pg_isready\", \"-U\", \"postgres\"]`) "
                    + "and write the dependency in the long form with `condition: service_healthy`; use "
                    + "`condition: service_completed_successfully` for a one-shot job such as a migration.")
            .appliesTo(SourceKind.COMPOSE)
            .references(
                    Reference.url("Docker Compose: control startup order", "https://docs.docker.com/compose/how-tos/startup-order/"),
                    Reference.url("Docker Compose: depends_on", "https://docs.docker.com/reference/compose-file/services/#depends_on"))
            .build();

    private static final String STARTED = "service_started";
    private static final String HEALTHY = "service_healthy";
    private static final String COMPLETED = "service_completed_successfully";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        Map<String, List<Workload>> files = inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.COMPOSE)
                .collect(Collectors.groupingBy(workload -> workload.origin().source(), LinkedHashMap::new, Collectors.toList()));
        return files.values().stream().flatMap(services -> services.stream()
                .flatMap(service -> service.dependencies().stream()
                        .flatMap(dependency -> finding(service, dependency, services).stream())));
    }

    private static Optional<Finding> finding(Workload service, Dependency dependency, List<Workload> sameFile) {
        Optional<Workload> target = sameFile.stream()
                .filter(candidate -> candidate.name().equals(dependency.service()) && !candidate.containers().isEmpty())
                .findFirst();
        if (target.isEmpty()) return Optional.empty();
        String condition = dependency.condition().isSet() ? dependency.condition().value().strip() : STARTED;
        Origin origin = dependency.condition().isSet() ? dependency.condition().origin() : dependency.origin();
        ComposeHealth health = ComposeHealth.of(target.get().containers().getFirst());
        String subject = service.description() + " waits for " + dependency.service();
        if (condition.equals(COMPLETED)) return Optional.empty();
        if (health.checked()) {
            return condition.equals(HEALTHY) ? Optional.empty() : Optional.of(Finding.of(INFO, origin,
                    subject + " to start, not to be ready: " + dependency.service()
                            + " has a health check, but the condition is " + condition + ", not " + HEALTHY));
        }
        if (condition.equals(HEALTHY)) {
            // An image pulled from a registry may bring its own HEALTHCHECK; only a known image proves there is none.
            boolean provablyNone = health.state() == ComposeHealth.State.SWITCHED_OFF || health.imageKnown();
            return provablyNone ? Optional.of(Finding.of(INFO, origin, subject + " to be healthy, but "
                    + dependency.service() + " " + health.absence() + ", so it never becomes healthy")) : Optional.empty();
        }
        return Optional.of(Finding.of(INFO, origin, subject + " to start, not to be ready: "
                + dependency.service() + " " + health.absence()));
    }
}
