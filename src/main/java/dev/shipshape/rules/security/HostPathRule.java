package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Template for the rules about host paths mounted into a container (Compose/Docker bind mounts,
 * Kubernetes {@code hostPath} volumes): the template walks the mounts and normalises each
 * source; a rule decides about one mount at a time.
 */
abstract class HostPathRule implements ContainerRule {

    private final RuleInfo info;

    HostPathRule(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final Stream<Finding> check(Workload workload, Container container) {
        return container.mounts().stream()
                .filter(mount -> mount.isHostPath() && mount.source() != null && !mount.source().isBlank())
                .flatMap(mount -> check(container, mount, HostPath.of(mount.source())).stream());
    }

    /** The finding for one host-path mount, if it breaks the rule; {@code path} is its normalised source. */
    abstract Optional<Finding> check(Container container, Mount mount, HostPath path);
}
