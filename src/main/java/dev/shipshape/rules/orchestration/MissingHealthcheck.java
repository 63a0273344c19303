package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.Image;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags containers and images that nothing checks for health.
 *
 * <ul>
 *   <li>Compose, stack, live Docker: the service has no {@code healthcheck} and the image it is built
 *       from (when the scan has its Dockerfile) has no HEALTHCHECK either. A check that is switched
 *       off ({@code disable: true}, {@code test: ["NONE"]}, {@code HEALTHCHECK NONE}) counts as none.
 *       A {@code healthcheck} that only tunes timings leaves the image's check in charge.</li>
 *   <li>Dockerfile: the final stage (with what it inherits from an earlier stage) has no HEALTHCHECK,
 *       or has {@code HEALTHCHECK NONE}.</li>
 *   <li>Kubernetes: a container with neither a readiness nor a liveness probe (a startup probe alone
 *       only gates the others). Init containers, ephemeral containers and pods that run to completion
 *       (Job, CronJob, a Pod whose restartPolicy is Never or OnFailure) are exempt.</li>
 * </ul>
 */
public final class MissingHealthcheck implements ContainerRule, ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-302", "missing-healthcheck")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Container has no health check")
            .rationale("""
                    Without a health check the engine only knows whether the process is alive, not whether \
                    it works: a hung or deadlocked server stays "running", keeps receiving traffic and is \
                    never restarted or replaced. Swarm and Compose's `depends_on: service_healthy` rely on \
                    the HEALTHCHECK; Kubernetes relies on readiness and liveness probes. A Compose or Swarm \
                    service that publishes a port is reported by discoverable-without-health instead, which \
                    says who finds it; every other service, also one a peer finds by name, is reported here \
                    alone: one cause, one finding.""")
            .remediation("Add a `healthcheck` with a `test` to the service (Compose, stack) or a "
                    + "`HEALTHCHECK CMD …` to the Dockerfile's final stage, and remove `disable: true`, "
                    + "`test: [\"NONE\"]` or `HEALTHCHECK NONE`; in Kubernetes add a `readinessProbe` "
                    + "and a `livenessProbe` to each container.")
            .remediation(SourceKind.COMPOSE, "Add a `healthcheck:` with a `test` to the service (or a `HEALTHCHECK CMD …` to "
                    + "its Dockerfile's final stage), and remove `disable: true` or `test: [\"NONE\"]`.")
            .remediation(SourceKind.KUBERNETES, "Add a `readinessProbe` and a `livenessProbe` to each container.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--health-cmd` (and `--health-interval`), or build "
                    + "its image with a `HEALTHCHECK CMD …`; remove `--no-healthcheck`.")
            .remediation(SourceKind.DOCKERFILE, "Add `HEALTHCHECK CMD …` to the final stage, and remove `HEALTHCHECK NONE`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.DOCKERFILE,
                    SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("4.6"),
                    Reference.cisDocker("5.27"),
                    Reference.url("Kubernetes: configure liveness, readiness and startup probes",
                            "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"))
            .build();

    /** Kinds whose pods run to completion: a probe has nothing to keep alive or route to. */
    private static final Set<String> RUN_TO_COMPLETION_KINDS = Set.of("Job", "CronJob");
    private static final Set<String> RUN_TO_COMPLETION_POLICIES = Set.of("Never", "OnFailure");
    /** Custom kinds of batch and training operators, whose pods run to completion (Argo does not even write a restartPolicy). */
    private static final Set<String> RUN_TO_COMPLETION_CUSTOM_KINDS = Set.of(
            "ClusterWorkflowTemplate", "CronWorkflow", "JAXJob", "JobSet", "MPIJob", "MXJob", "PaddleJob", "PyTorchJob",
            "RayJob", "TFJob", "TrainJob", "Workflow", "WorkflowTemplate", "XGBoostJob");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (workload.source() == SourceKind.KUBERNETES) return kubernetes(workload, container).stream();
        if (ownedByDiscoverableWithoutHealth(workload, container)) return Stream.empty();
        return docker(workload, container).stream();
    }

    /**
     * One cause, one finding: a service of a Compose or stack file that publishes a port is found by
     * whoever reaches that port, and discoverable-without-health reports its missing health check,
     * saying who finds it. This rule owns every other service, also one found only because a peer
     * names it (a per-container rule cannot see the peer, and discoverable-without-health stays
     * quiet there). A request at the gate is no file: this rule judges it, as the gate runs no
     * cross-file rule and a single container has no peers.
     */
    private static boolean ownedByDiscoverableWithoutHealth(Workload workload, Container container) {
        boolean inAFile = workload.lastLine() > 0;
        boolean composeOrStack = workload.source() == SourceKind.COMPOSE || workload.source() == SourceKind.STACK;
        return inAFile && composeOrStack && container.ports().stream().anyMatch(Port::isPublished);
    }

    @Override
    public Stream<Finding> check(Image image) {
        String dockerfile = "Dockerfile '" + image.file() + "'";
        Optional<Probe> healthcheck = image.healthcheck();
        if (healthcheck.isEmpty()) {
            return Stream.of(Finding.of(INFO, image.finalStage().origin(),
                    dockerfile + " defines no HEALTHCHECK in its final stage, so nothing checks that the container works"));
        }
        return healthcheck.get().disabled()
                ? Stream.of(Finding.of(INFO, healthcheck.get().origin(),
                        dockerfile + " switches the health check off (HEALTHCHECK NONE)"))
                : Stream.empty();
    }

    private static Optional<Finding> kubernetes(Workload workload, Container container) {
        if (container.init() || container.ephemeral()) return Optional.empty();
        if (RUN_TO_COMPLETION_KINDS.contains(workload.kind())) return Optional.empty();
        if (workload.isInCustomResource() && RUN_TO_COMPLETION_CUSTOM_KINDS.contains(workload.kind())) return Optional.empty();
        if ((workload.kind().equals("Pod") || workload.isInCustomResource()) && workload.restartPolicy().isSet()
                && RUN_TO_COMPLETION_POLICIES.contains(workload.restartPolicy().value())) {
            return Optional.empty();
        }
        boolean probed = false;
        for (Probe probe : container.probes()) probed |= probe.kind() == Probe.Kind.READINESS || probe.kind() == Probe.Kind.LIVENESS;
        return probed ? Optional.empty() : Optional.of(Finding.of(INFO, container.origin(),
                container.description() + " has neither a readiness nor a liveness probe"));
    }

    private static Optional<Finding> docker(Workload workload, Container container) {
        Optional<Probe> own = Optional.empty(); // the last healthcheck wins; a loop, not a stream: every container at the gate asks
        for (Probe probe : container.probes()) {
            if (probe.kind() == Probe.Kind.HEALTHCHECK) own = Optional.of(probe);
        }
        if (own.isPresent()) {
            return own.get().disabled()
                    ? Optional.of(Finding.of(INFO, own.get().origin(),
                            container.description() + " switches its health check off (`disable: true` or `test: [\"NONE\"]`)"))
                    : Optional.empty();
        }
        if (container.builtFrom().isPresent()) {
            Image image = container.builtFrom().get();
            String dockerfile = "Dockerfile '" + image.file() + "'";
            Optional<Probe> imageCheck = image.healthcheck();
            if (imageCheck.isPresent() && !imageCheck.get().disabled()) return Optional.empty();
            String why = imageCheck.isPresent() ? "switches it off (HEALTHCHECK NONE)" : "defines no HEALTHCHECK";
            return Optional.of(Finding.of(INFO, container.origin(),
                    "%s has no healthcheck and its %s %s".formatted(container.description(), dockerfile, why)));
        }
        if (workload.source() == SourceKind.LIVE_DOCKER) {
            // A live container's config already carries its image's HEALTHCHECK: none here means none at all.
            return Optional.of(Finding.of(INFO, container.origin(),
                    container.description() + " has no health check: neither it nor its image defines one"));
        }
        // A reference left malformed by an empty variable ("/app:") names nothing worth quoting.
        String image = container.image().isSet() && ImageReference.parse(container.image().value()).isPresent()
                ? "image '" + container.image().value() + "'" : "its image";
        return Optional.of(Finding.of(INFO, container.origin(),
                "%s has no healthcheck: unless %s defines a HEALTHCHECK, nothing checks that it works"
                        .formatted(container.description(), image)));
    }
}
