package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
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
 * or join its PID, IPC or network namespace ({@code container:X}, Compose {@code service:X}).
 *
 * <p>They inherit whatever the other container was given (its host mounts, its host PID or
 * network namespace), though their own settings say nothing of it. A Compose {@code service:X}
 * (and a bare {@code volumes_from} name) is a service of the same project, judged by the same
 * rules in the same scan: medium. A {@code container:X} names a container outside the file, or, to
 * the Engine, any container: what it hands over cannot be bounded from this container (a single
 * request at the gate shows nothing else), so it is high. A network shared with a Compose service
 * is left to {@code shared-container-network}.
 */
public final class InheritsContainerSettings implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-127", "inherits-container-settings")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container inherits another container's volumes or namespaces")
            .rationale("""
                    `volumes_from` mounts every volume and host path of another container, and \
                    `pid`/`ipc`/`network_mode: container:X` joins its namespaces: if X mounts the Docker \
                    socket or runs in the host's PID namespace, so does this container. A `container:X` \
                    cannot be bounded from here and is reported at high; a `service:X` of the same \
                    Compose file is checked in the same scan and is reported at medium.""")
            .remediation("Mount the named volumes the container needs itself instead of `volumes_from` (Compose) or "
                    + "`--volumes-from` (docker run), and remove `pid`, `ipc` and `network_mode` values of the form "
                    + "`container:NAME`; when a sidecar truly needs them, share with a service of the same Compose file "
                    + "(`service:NAME`) so that both are checked.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .references(Reference.url("docker run --volumes-from",
                    "https://docs.docker.com/reference/cli/docker/container/run/#volumes-from"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (workload.source() == SourceKind.KUBERNETES || workload.source() == SourceKind.STACK) return Stream.empty();
        List<Finding> findings = new ArrayList<>();
        // a bare volumes_from name is a service in a Compose file and a container to the Engine
        String bareKind = workload.kind().equals("service") ? "service" : "container";
        for (Setting<String> from : container.volumesFrom()) {
            if (from.isSet()) findings.add(finding(container, from, Other.ofVolumesFrom(from.value(), bareKind), "mounts every volume of"));
        }
        namespace(container, container.pidMode(), "joins the PID namespace of", findings);
        namespace(container, container.ipcMode(), "joins the IPC namespace of", findings);
        Setting<String> network = container.networkMode();
        Optional<Other> joined = network.isSet() ? Other.ofMode(network.value()) : Optional.empty();
        if (joined.isPresent() && joined.get().kind().equals("container")) {
            findings.add(finding(container, network, joined.get(), "joins the network namespace of"));
        }
        return findings.stream();
    }

    private static void namespace(Container container, Setting<String> mode, String verb, List<Finding> into) {
        if (!mode.isSet()) return;
        Other.ofMode(mode.value()).ifPresent(other -> into.add(finding(container, mode, other, verb)));
    }

    private static Finding finding(Container container, Setting<String> setting, Other other, String verb) {
        String named = "%s '%s'".formatted(other.kind(), other.name());
        if (other.kind().equals("service")) {
            return Finding.of(INFO, setting.origin(), "%s %s %s, and so gets whatever %s was given"
                    .formatted(container.description(), verb, named, named)).withSeverity(Severity.MEDIUM);
        }
        return Finding.of(INFO, setting.origin(), "%s %s %s, and so gets whatever that container was given, which cannot be known from here"
                .formatted(container.description(), verb, named));
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
