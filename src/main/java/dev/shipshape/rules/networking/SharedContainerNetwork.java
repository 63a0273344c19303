package dev.shipshape.rules.networking;

import dev.shipshape.model.Container;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags containers that join another container's network namespace ({@code container:X},
 * {@code service:X}). Swarm stacks are not in {@link #INFO}'s sources: {@code docker stack deploy}
 * ignores {@code network_mode}, and a Swarm service has no way to share another's network stack.
 */
public final class SharedContainerNetwork implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-403", "shared-container-network")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Container shares another container's network stack")
            .rationale("""
                    With `network_mode: service:X` or `container:X` the container joins X's network \
                    namespace: the two share interfaces, ports and localhost, so whatever X binds to \
                    127.0.0.1 for safety is open to it, and a compromise of either reaches everything \
                    the other listens on.""")
            .remediation("Replace `network_mode: service:<name>` or `container:<name>` with a shared user-defined "
                    + "network (`networks: [backend]`) and reach the other service by its name, unless the two "
                    + "processes are one unit by design (a VPN or proxy sidecar).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .references(Reference.url("Docker networking: container networks",
                    "https://docs.docker.com/engine/network/#container-networks"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (workload.source() == SourceKind.STACK) return Stream.empty();
        var networkMode = container.networkMode();
        String mode = networkMode.orElse("").strip();
        if (!mode.startsWith("container:") && !mode.startsWith("service:")) return Stream.empty();
        String kind = mode.substring(0, mode.indexOf(':'));
        String other = mode.substring(mode.indexOf(':') + 1);
        return Stream.of(Finding.of(INFO, networkMode.origin(),
                "%s shares the network stack of %s '%s' (its ports and localhost)"
                        .formatted(container.description(), kind, other)));
    }
}
