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
import java.util.stream.Stream;

/**
 * Flags containers whose processes may gain privileges through setuid binaries or file
 * capabilities: no-new-privileges is not switched on (Compose {@code security_opt}, Kubernetes
 * {@code allowPrivilegeEscalation: false}). Unset counts, since every runtime defaults to allowing it.
 * Windows containers ({@link WindowsContainer}) have no such setting and are not judged.
 */
public final class PrivilegeEscalationAllowed implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-105", "privilege-escalation-allowed")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Container processes can gain new privileges")
            .rationale("""
                    Unless no-new-privileges is set, a process in the container can gain privileges by \
                    running a setuid or setgid binary (su, sudo, a planted one) or a file with \
                    capabilities; an attacker who gets a shell as an unprivileged user climbs to root \
                    that way. A Windows container (by its image or its placement on Windows nodes) is not \
                    judged: Windows has neither setuid binaries nor no-new-privileges.""")
            .remediation("Add `no-new-privileges:true` to `security_opt` (Compose) or set "
                    + "`securityContext.allowPrivilegeEscalation: false` (Kubernetes); for Docker hosts, "
                    + "`\"no-new-privileges\": true` in daemon.json sets it for every container.")
            .remediation(SourceKind.COMPOSE, "Add `no-new-privileges:true` to the service's `security_opt`.")
            .remediation(SourceKind.KUBERNETES, "Set `securityContext.allowPrivilegeEscalation: false` on the container.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--security-opt no-new-privileges` (or set "
                    + "`\"no-new-privileges\": true` in daemon.json for every container).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.26"), Reference.podSecurity(PodSecurityLevel.RESTRICTED))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        Setting<Boolean> noNewPrivileges = container.noNewPrivileges();
        if (noNewPrivileges.isTrue() || WindowsContainer.runs(workload, container)) return Stream.empty();
        boolean kubernetes = workload.source() == SourceKind.KUBERNETES;
        String problem;
        if (noNewPrivileges.isFalse()) {
            problem = kubernetes ? "sets allowPrivilegeEscalation: true" : "sets no-new-privileges:false";
        } else {
            problem = kubernetes
                    ? "does not set allowPrivilegeEscalation: false"
                    : "does not set no-new-privileges:true in security_opt";
        }
        return Stream.of(Finding.of(INFO, noNewPrivileges.origin(),
                "%s %s, so its processes can gain privileges through setuid binaries".formatted(container.description(), problem)));
    }
}
