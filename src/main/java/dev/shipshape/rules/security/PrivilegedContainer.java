package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/** Flags containers that run with every capability and all host devices. */
public final class PrivilegedContainer implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-101", "privileged-container")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Container runs privileged")
            .rationale("""
                    A privileged container gets every capability and every host device, and \
                    most kernel protections are switched off for it; breaking out to the host \
                    takes one command.""")
            .remediation("Remove `privileged: true` (Compose) or `securityContext.privileged: true` "
                    + "(Kubernetes); add only the capabilities the process needs with `cap_add` / `capabilities.add`.")
            .remediation(SourceKind.COMPOSE, "Remove `privileged: true` from the service; add only the capabilities the "
                    + "process needs with `cap_add`.")
            .remediation(SourceKind.KUBERNETES, "Remove `securityContext.privileged: true` from the container; add only the "
                    + "capabilities it needs with `securityContext.capabilities.add`.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without `--privileged` (Engine API "
                    + "`HostConfig.Privileged: false`); add only the capabilities it needs with `--cap-add`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.5"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        var privileged = container.privileged();
        return privileged.isTrue()
                ? Stream.of(Finding.of(INFO, privileged.origin(), container.description() + " runs privileged"))
                : Stream.empty();
    }
}
