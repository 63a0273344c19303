package dev.shipshape.rules.networking;

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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags containers on Docker's default {@code bridge} network. A Compose service without
 * {@code networks:} is on the project's own default network, which is user-defined, and is fine.
 * {@code docker stack deploy} ignores {@code network_mode}; a Swarm service lands on the default
 * bridge by attaching to the predefined {@code bridge} network instead (seen when it is attached
 * by that key; the model keeps no {@code name:}, so an alias such as {@code {external: true, name: bridge}} is not).
 */
public final class DefaultBridgeNetwork implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-406", "default-bridge-network")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.LOW)
            .title("Container uses Docker's default bridge network")
            .rationale("""
                    The default `bridge` network has no DNS-based service discovery (containers find \
                    each other only by IP address or legacy links), and every container started \
                    without a network lands on it, so each one can reach the ports of all the others. \
                    A user-defined network gives name resolution and keeps the project to itself.""")
            .remediation("Remove `network_mode: bridge` so that the service joins the project's default network, "
                    + "or attach it to a user-defined network with `networks: [backend]`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.30"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return defaultBridge(workload, container).stream()
                .map(setting -> Finding.of(INFO, setting.origin(),
                        container.description() + " uses Docker's default bridge network"));
    }

    private static Optional<Setting<String>> defaultBridge(Workload workload, Container container) {
        if (workload.source() == SourceKind.STACK) {
            return container.networks().stream().filter(network -> "bridge".equals(network.value())).findFirst();
        }
        boolean bridge = container.networkMode().orElse("").strip().equals("bridge");
        return bridge ? Optional.of(container.networkMode()) : Optional.empty();
    }
}
