package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Mount;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Optional;

/**
 * Flags host paths mounted into a container without read-only: unset means read-write.
 *
 * <p>One cause, one finding: a container-runtime socket is {@link DockerSocketMounted}'s (read-only
 * does not help there), and the host's root {@code /} and the system folders that matter because
 * they are written ({@code /usr}, {@code /var/lib}…) are {@link SensitiveHostPath}'s, whose message
 * says read-write; this rule stays quiet on them.
 */
public final class WritableHostMount extends HostPathRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-108", "writable-host-mount")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Host path mounted read-write")
            .rationale("""
                    A host path mounted read-write lets a compromised container change files on the host \
                    itself: plant binaries or configuration other processes trust, or fill the host's disk. \
                    Bind mounts are read-write unless they say otherwise. A runtime socket is reported by \
                    docker-socket-mounted, and `/` and the host's system folders by sensitive-host-path, \
                    not here: one cause, one finding.""")
            .remediation("Mount the host path read-only: append `:ro` to the Compose short form or set "
                    + "`read_only: true` in the long form; in Kubernetes set `readOnly: true` on the volumeMount; "
                    + "keep data the container writes in a named volume or PersistentVolumeClaim.")
            .remediation(SourceKind.COMPOSE, "Append `:ro` to the volume's short form (or set `read_only: true` in the long "
                    + "form).")
            .remediation(SourceKind.KUBERNETES, "Set `readOnly: true` on the volumeMount of the `hostPath` volume.")
            .remediation(SourceKind.LIVE_DOCKER, "Mount the host path read-only: `-v /src:/dst:ro` or `--mount "
                    + "type=bind,src=…,dst=…,readonly` (Engine API `Binds` with `:ro`, `Mounts[].ReadOnly`).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.6"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    public WritableHostMount() {
        super(INFO);
    }

    @Override
    Optional<Finding> check(Container container, Mount mount, HostPath path) {
        if (mount.readOnly().isTrue()) return Optional.empty();
        if (DockerSocketMounted.isRuntimeSocket(path) || SensitiveHostPath.ownsWritability(path)) return Optional.empty();
        return Optional.of(Finding.of(INFO, mount.readOnly().origin(), "%s mounts host path %s read-write%s"
                .formatted(container.description(), mount.source(), mount.target() == null ? "" : " at " + mount.target())));
    }
}
