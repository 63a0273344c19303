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
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystem;
import dev.shipshape.systems.KnownSystems;
import dev.shipshape.systems.SettingPattern;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags an overlay network router of the catalogue (Weave Net: its DaemonSet, its Docker plugin or
 * its {@code weave} container; {@code docs/known-systems.md}) that runs without its encryption
 * setting. Docker's own overlay networks are {@code unencrypted-overlay}'s: that rule judges a
 * network's {@code encrypted} option, this one the container that carries an overlay of its own.
 */
public final class OverlayWithoutEncryption implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-407", "overlay-without-encryption")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Overlay network router runs without encryption")
            .rationale("""
                    An overlay router such as Weave Net carries traffic between containers on different \
                    hosts. Without its password it sends that traffic in the clear and accepts any peer that \
                    connects, so anyone on the network between hosts reads it or joins the overlay.""")
            .remediation("Give Weave Net a password from a secret: `WEAVE_PASSWORD` from a `secretKeyRef` "
                    + "(Kubernetes), or a Compose/Swarm secret passed with `--password` or `WEAVE_PASSWORD`; for "
                    + "Docker's overlay driver set `driver_opts: {encrypted: \"\"}` (see `unencrypted-overlay`).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.url("Weave Net: securing connections across untrusted networks",
                    "https://github.com/weaveworks/weave/blob/master/site/tasks/manage/security-untrusted-networks.md"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (container.init()) return Stream.empty();
        Optional<KnownSystem> running = KnownSystems.catalogue().running(container, KnownSystem.Role.OVERLAY);
        if (running.isEmpty()) return Stream.empty();
        KnownSystem system = running.get();
        if (new ContainerSettings(container).findAny(system.encryption().on()).isPresent()) return Stream.empty();
        return Stream.of(Finding.of(INFO, container.image().origin(), "%s runs %s (%s) without encryption: none of %s is set"
                .formatted(container.description(), system.product(), container.image().value(),
                        String.join(", ", system.encryption().on().stream().map(SettingPattern::shortForm).toList()))));
    }
}
