package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags containers that take another container's volumes ({@code volumes_from}, {@code --volumes-from})
 * or join its PID or IPC namespace ({@code pid}/{@code ipc: container:X} or {@code service:X}), and
 * that join the network namespace of a container the run does not show.
 *
 * <p>They inherit whatever the other container was given (its host mounts, its host PID namespace):
 * when that container is part of the run (a service of the same Compose file, a live container),
 * the rules judge it there, and this is reported at medium; when it is not (a single request at
 * the gate, a {@code container:NAME} outside the file) nothing bounds what is inherited, and it is
 * reported at high. A network shared with a container of the run is {@code shared-container-network}'s finding.
 */
public final class InheritsContainerSettings implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-127", "inherits-container-settings")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container inherits another container's volumes or namespaces")
            .rationale("""
                    `volumes_from` mounts every volume and host path of another container, and \
                    `pid`/`ipc`/`network_mode: container:X` joins its namespaces: if X mounts the Docker \
                    socket or runs in the host's PID namespace, so does this container, though its own \
                    settings say nothing of it. When X is not part of what is checked (a single API \
                    request, a container outside the file) what it hands over cannot be known, so this \
                    is reported at high; otherwise at medium.""")
            .remediation("Mount the named volumes the container needs itself instead of `volumes_from` (Compose) or "
                    + "`--volumes-from` (docker run), and remove `pid`, `ipc` and `network_mode` values of the form "
                    + "`container:NAME` or `service:NAME`; when a sidecar truly needs them, share with a service of the "
                    + "same Compose file so that both are checked.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .references(Reference.url("docker run --volumes-from",
                    "https://docs.docker.com/reference/cli/docker/container/run/#volumes-from"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : inventory.workloads()) {
            if (workload.source() == SourceKind.KUBERNETES || workload.source() == SourceKind.STACK) continue;
            for (Container container : workload.containers()) {
                for (Setting<String> from : container.volumesFrom()) {
                    if (!from.isSet()) continue;
                    Other other = Other.ofVolumesFrom(from.value(), workload.kind().equals("service") ? "service" : "container");
                    findings.add(finding(inventory, workload, container, from, other, "mounts every volume of"));
                }
                namespace(inventory, workload, container, container.pidMode(), "joins the PID namespace of", findings);
                namespace(inventory, workload, container, container.ipcMode(), "joins the IPC namespace of", findings);
                Setting<String> network = container.networkMode();
                Optional<Other> joined = network.isSet() ? Other.ofMode(network.value()) : Optional.empty();
                if (joined.isPresent() && !isInRun(inventory, workload, joined.get())) {
                    findings.add(finding(inventory, workload, container, network, joined.get(), "joins the network namespace of"));
                }
            }
        }
        return findings.stream();
    }

    private static void namespace(Inventory inventory, Workload workload, Container container, Setting<String> mode,
            String verb, List<Finding> into) {
        if (!mode.isSet()) return;
        Other.ofMode(mode.value()).ifPresent(other -> into.add(finding(inventory, workload, container, mode, other, verb)));
    }

    private static Finding finding(Inventory inventory, Workload workload, Container container, Setting<String> setting,
            Other other, String verb) {
        String named = "%s '%s'".formatted(other.kind(), other.name());
        if (isInRun(inventory, workload, other)) {
            return Finding.of(INFO, setting.origin(), "%s %s %s, and so gets whatever %s was given"
                    .formatted(container.description(), verb, named, named)).withSeverity(Severity.MEDIUM);
        }
        return Finding.of(INFO, setting.origin(), "%s %s %s, which is not part of this check: what it inherits from it cannot be known"
                .formatted(container.description(), verb, named));
    }

    /** True when the container or service referred to is another workload of this run: of the same Compose file, or of the same engine. */
    private static boolean isInRun(Inventory inventory, Workload referrer, Other other) {
        return inventory.workloads().stream().anyMatch(workload -> workload != referrer
                && workload.source() == referrer.source()
                && workload.name().equals(other.name())
                && (referrer.source() == SourceKind.LIVE_DOCKER || workload.origin().source().equals(referrer.origin().source())));
    }

    /** @param kind "container" or "service" */
    private record Other(String kind, String name) {

        /** {@code container:NAME} or {@code service:NAME}. */
        static Optional<Other> ofMode(String mode) {
            String written = mode.strip();
            for (String kind : List.of("container", "service")) {
                if (written.startsWith(kind + ":") && written.length() > kind.length() + 1) {
                    return Optional.of(new Other(kind, written.substring(kind.length() + 1)));
                }
            }
            return Optional.empty();
        }

        /**
         * {@code NAME[:ro|rw]}, {@code container:NAME[:ro|rw]}, {@code service:NAME[:ro|rw]}; a bare name
         * is a service in a Compose file and a container to the Engine.
         */
        static Other ofVolumesFrom(String written, String bareKind) {
            String text = written.strip();
            Other other = ofMode(text).orElse(new Other(bareKind, text));
            String name = other.name();
            if (name.endsWith(":ro") || name.endsWith(":rw")) name = name.substring(0, name.length() - 3);
            return new Other(other.kind(), name);
        }
    }
}
