package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WindowsContainer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags containers that keep the runtime's default capabilities: their drop list does not hold
 * {@code ALL}. Dropping a few named ones still leaves the rest of the default set. Windows
 * containers ({@link WindowsContainer}) have no Linux capabilities and are not judged.
 */
public final class CapabilitiesNotDropped implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-104", "capabilities-not-dropped")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Container does not drop all capabilities")
            .rationale("""
                    Containers start with a default set of capabilities (CHOWN, DAC_OVERRIDE, FOWNER, \
                    SETUID, SETGID, NET_RAW, MKNOD and more) that few applications need and that an \
                    attacker inside the container can use. Dropping ALL and adding back only what the \
                    process needs shrinks what a compromise can do. A Windows container (by its image or \
                    its placement on Windows nodes) is not judged: Windows has no Linux capabilities.""")
            .remediation("Set `cap_drop: [ALL]` (Compose) or `securityContext.capabilities.drop: [\"ALL\"]` "
                    + "(Kubernetes), and add back only what the process needs with `cap_add` / `capabilities.add`.")
            .remediation(SourceKind.COMPOSE, "Set `cap_drop: [ALL]` on the service and add back only what the process needs "
                    + "with `cap_add`.")
            .remediation(SourceKind.KUBERNETES, "Set `securityContext.capabilities.drop: [\"ALL\"]` on the container and add "
                    + "back only what it needs with `capabilities.add`.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--cap-drop ALL` and add back only what it needs "
                    + "with `--cap-add` (Engine API `HostConfig.CapDrop`).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.3"), Reference.podSecurity(PodSecurityLevel.RESTRICTED))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** A loop, not a stream: asked of every container at the gate. */
    private static boolean dropsAll(List<Setting<String>> dropped) {
        for (Setting<String> drop : dropped) {
            if (CapabilityName.of(drop.value()).isAll()) return true;
        }
        return false;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        List<Setting<String>> dropped = container.capabilitiesDropped();
        // dropping ALL answers first: it is cheap, and asking whether a container runs Windows parses its image
        if (dropsAll(dropped) || WindowsContainer.runs(workload, container)) return Stream.empty();
        if (dropped.isEmpty()) {
            return Stream.of(Finding.of(INFO, container.origin(),
                    container.description() + " keeps every default capability: it drops none"));
        }
        String names = dropped.stream().map(drop -> CapabilityName.of(drop.value()).name()).collect(Collectors.joining(", "));
        return Stream.of(Finding.of(INFO, dropped.getFirst().origin(),
                "%s drops only %s, not ALL capabilities".formatted(container.description(), names)));
    }
}
