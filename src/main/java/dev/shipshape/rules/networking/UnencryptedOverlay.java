package dev.shipshape.rules.networking;

import dev.shipshape.model.Network;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.NetworkRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags overlay networks that do not encrypt their data plane. The engine checks only that the
 * {@code encrypted} option is present, so its value does not matter here either.
 *
 * <p>Known gap: the {@code default} network that {@code docker stack deploy} creates for
 * services without {@code networks:} is an unencrypted overlay, but it is not declared in the
 * file and so not in the model; this rule cannot see it.
 */
public final class UnencryptedOverlay implements NetworkRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-405", "unencrypted-overlay")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Overlay network carries traffic between hosts unencrypted")
            .rationale("""
                    Swarm encrypts its own control traffic, but application traffic on an overlay \
                    network travels between nodes as plain VXLAN unless the network sets `encrypted`: \
                    anyone on the path between the hosts can read it and inject packets.""")
            .remediation("Add `driver_opts: {encrypted: \"\"}` to the network in the Compose or stack file "
                    + "(`docker network create --driver overlay --opt encrypted` for one made by hand).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("7.3"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Network network) {
        if (network.external()) return Stream.empty();
        var driver = network.driver();
        boolean stackDefault = !driver.isSet() && network.source() == SourceKind.STACK;
        boolean overlay = stackDefault || "overlay".equals(driver.orElse("").strip());
        boolean encrypted = network.driverOptions().stream().anyMatch(option -> "encrypted".equals(option.key()));
        if (!overlay || encrypted) return Stream.empty();
        return stackDefault
                ? Stream.of(Finding.of(INFO, network.origin(),
                        "network '%s' is an overlay (the stack default) without encryption".formatted(network.name())))
                : Stream.of(Finding.of(INFO, driver.origin(),
                        "network '%s' is an overlay without encryption".formatted(network.name())));
    }
}
