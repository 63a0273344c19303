package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.SecurityOption;
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

/** Flags each security option that switches off seccomp, AppArmor or SELinux confinement. */
public final class UnconfinedSecurityProfile implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-110", "unconfined-security-profile")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container runs without a seccomp, AppArmor or SELinux profile")
            .rationale("""
                    The default seccomp profile blocks the system calls behind most container \
                    escapes, and AppArmor and SELinux keep the process away from host files even \
                    when it gets out of its namespaces. Switching one of them off removes a layer \
                    that a kernel exploit or a mistake elsewhere would otherwise have to get past.""")
            .remediation("Remove `seccomp:unconfined`, `apparmor:unconfined` and `label:disable` from `security_opt` "
                    + "(Compose, Swarm); in Kubernetes set `securityContext.seccompProfile.type` and "
                    + "`appArmorProfile.type` to `RuntimeDefault` (or `Localhost` with a tailored profile) "
                    + "and drop the `container.apparmor.security.beta.kubernetes.io` annotation that says `unconfined`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.2"),
                    Reference.cisDocker("5.3"),
                    Reference.cisDocker("5.22"),
                    Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.securityOptions().stream()
                .filter(SecurityOption::isUnconfined)
                .map(option -> Finding.of(INFO, option.origin(), container.description() + " " + consequence(option)));
    }

    private static String consequence(SecurityOption option) {
        return switch (option.kind()) {
            case SECCOMP -> "runs with seccomp unconfined: every system call reaches the host kernel, "
                    + "including those the default profile blocks";
            case APPARMOR -> "runs with AppArmor unconfined: the default profile's limits on mounts, "
                    + "/proc and /sys no longer apply";
            case SELINUX -> "disables SELinux labeling: its processes are no longer confined to the container's SELinux type";
            case NO_NEW_PRIVILEGES, OTHER -> "switches off a security profile";
        };
    }
}
