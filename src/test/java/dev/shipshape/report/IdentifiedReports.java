package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.Coverage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-built report whose findings carry what a real run works out for them (fingerprint, object,
 * source kind), from a Compose file, a Kubernetes manifest and a live engine, with a rule whose fix
 * differs by source: for the CI formats and the per-source fixes.
 */
final class IdentifiedReports {

    static final RuleInfo PRIVILEGED = RuleInfo.builder("SS-101", "privileged-container")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Container runs privileged")
            .rationale("A privileged container gets every capability and every host device.")
            .remediation("Remove privileged mode.")
            .remediation(SourceKind.COMPOSE, "Remove `privileged: true` from the service.")
            .remediation(SourceKind.KUBERNETES, "Remove `securityContext.privileged: true`.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without `--privileged`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.5"))
            .build();

    static final RuleInfo MEMORY = RuleInfo.builder("SS-302", "missing-memory-limit")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Container has no memory limit")
            .rationale("One leaking container takes the host's memory.")
            .remediation("Set a memory limit.")
            .appliesTo(SourceKind.COMPOSE)
            .build();

    static final Finding COMPOSE_WEB = Finding.of(PRIVILEGED, Origin.at("compose.yaml", 6, 5), "service 'web' runs privileged");
    static final Finding COMPOSE_WORKER = Finding.of(PRIVILEGED, Origin.at("compose.yaml", 11, 5), "service 'worker' runs privileged");
    static final Finding KUBERNETES_API = Finding.of(PRIVILEGED, Origin.at("k8s/api.yaml", 14, 11),
            "container 'app' of Deployment 'api' runs privileged");
    static final Finding LIVE_WEB = Finding.of(PRIVILEGED, Origin.live("container web (3f2a9c1b2d4e)"), "container 'web' runs privileged");
    static final Finding MEMORY_WEB = Finding.of(MEMORY, Origin.at("compose.yaml", 3, 3), "service 'web' has no memory limit <&\"\u001B>");

    static Report report() {
        Coverage coverage = new Coverage(Map.of(SourceKind.COMPOSE, 1, SourceKind.KUBERNETES, 1, SourceKind.LIVE_DOCKER, 1),
                Map.of(SourceKind.COMPOSE, 1, SourceKind.KUBERNETES, 1, SourceKind.LIVE_DOCKER, 1), List.of(), 2);
        return new Report(
                List.of(MEMORY_WEB, COMPOSE_WEB, COMPOSE_WORKER, KUBERNETES_API, LIVE_WEB),
                List.of(),
                List.of(Diagnostic.error(Origin.at("broken.yaml", 3, 10), "mapping values are not allowed here")),
                coverage,
                List.of(PRIVILEGED, MEMORY),
                Optional.empty(),
                List.of(),
                Map.of(
                        MEMORY_WEB, new Report.Identity("11111111111111111111111111111111", "services.web", SourceKind.COMPOSE),
                        COMPOSE_WEB, new Report.Identity("22222222222222222222222222222222", "services.web", SourceKind.COMPOSE),
                        // Two findings may share a fingerprint (a baseline counts them); GitLab must still get two.
                        COMPOSE_WORKER, new Report.Identity("22222222222222222222222222222222", "services.worker", SourceKind.COMPOSE),
                        KUBERNETES_API, new Report.Identity("33333333333333333333333333333333", "Deployment//api/app", SourceKind.KUBERNETES),
                        LIVE_WEB, new Report.Identity("44444444444444444444444444444444", "container:web", SourceKind.LIVE_DOCKER)));
    }

    private IdentifiedReports() {
    }
}
