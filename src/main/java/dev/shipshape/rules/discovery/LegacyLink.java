package dev.shipshape.rules.discovery;

import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.stream.Stream;

/** Flags Compose {@code links} and {@code external_links} entries: legacy, and dropped by {@code docker stack deploy}. */
public final class LegacyLink implements WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-501", "legacy-link")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.LOW)
            .title("Service uses legacy container links")
            .rationale("""
                    Links are a legacy feature of the default bridge network: on a user-defined \
                    network every service already finds the others by name, so a link only adds \
                    start-up coupling and hides which network a dependency is reached over. \
                    `docker stack deploy` ignores `links` and `external_links` altogether, so a \
                    stack that relies on a link alias fails to resolve it in the swarm.""")
            .remediation("Remove `links:` and `external_links:`; put the services on a shared user-defined network "
                    + "(`networks: [backend]`, or the project's default network) and reach them by service name, "
                    + "with `networks.<name>.aliases` for an extra name and `depends_on` for start-up order.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK)
            .references(
                    Reference.url("Docker: legacy container links", "https://docs.docker.com/engine/network/links/"),
                    Reference.url("Docker Compose: networking", "https://docs.docker.com/compose/how-tos/networking/"),
                    Reference.url("Docker: docker stack deploy", "https://docs.docker.com/reference/cli/docker/stack/deploy/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        if (workload.source() != SourceKind.COMPOSE && workload.source() != SourceKind.STACK) return Stream.empty();
        return workload.links().stream()
                .filter(Setting::isSet)
                .map(link -> Finding.of(INFO, link.origin(), message(workload, link.value())));
    }

    private static String message(Workload workload, String link) {
        String consequence = workload.source() == SourceKind.STACK
                ? "docker stack deploy ignores links"
                : "links are legacy";
        return workload.description() + " links to " + link.strip() + ": " + consequence
                + "; reach it by service name on a shared network";
    }
}
