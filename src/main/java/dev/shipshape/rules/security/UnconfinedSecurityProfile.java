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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags each security option that switches off seccomp, AppArmor or SELinux confinement: by name
 * ({@code unconfined}, {@code label=disable}), by SELinux's super-privileged type
 * ({@code label=type:spc_t}), or by a seccomp profile that allows every system call that matters
 * ({@link SeccompProfile}: judged from the profile, inline or read from its file, not from its name).
 * Unmasked system paths are {@link UnmaskedSystemPaths}' finding. Only what is written is judged:
 * a Kubernetes container with no seccomp profile at all runs Unconfined too, and that is
 * {@link MissingSeccompProfile}'s finding; Compose, Swarm and live Docker without a profile get
 * Docker's default one, which confines.
 */
public final class UnconfinedSecurityProfile implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-110", "unconfined-security-profile")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container runs without a seccomp, AppArmor or SELinux profile")
            .rationale("""
                    The default seccomp profile blocks the system calls behind most container \
                    escapes, and AppArmor and SELinux keep the process away from host files even \
                    when it gets out of its namespaces. Switching one of them off removes a layer \
                    that a kernel exploit or a mistake elsewhere would otherwise have to get past. A custom \
                    seccomp profile whose default action allows (or only logs) and that does not block \
                    mount, unshare, setns, ptrace, bpf, module loading and the like is unconfined under \
                    another name; so is the SELinux type spc_t ("super privileged container").""")
            .remediation("Remove `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` and `label:type:spc_t` from "
                    + "`security_opt` (Compose, Swarm) and `--security-opt` (docker run), and start a custom seccomp profile from "
                    + "Docker's default, with `\"defaultAction\": \"SCMP_ACT_ERRNO\"`; in Kubernetes set `securityContext.seccompProfile.type` and "
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
                .flatMap(option -> consequence(option).stream()
                        .map(consequence -> Finding.of(INFO, option.origin(), container.description() + " " + consequence)));
    }

    private static Optional<String> consequence(SecurityOption option) {
        if (option.kind() == SecurityOption.Kind.SECCOMP && !option.isUnconfined()) {
            return option.seccompProfile().flatMap(SeccompProfile::parse)
                    .filter(SeccompProfile::confinesNothingThatMatters)
                    .map(profile -> "runs with a seccomp profile that confines nothing that matters: its default action is "
                            + profile.defaultAction() + " and it does not block " + String.join(", ", profile.letThrough()));
        }
        if (!option.isUnconfined()) return Optional.empty();
        return switch (option.kind()) {
            case SECCOMP -> Optional.of("runs with seccomp unconfined: every system call reaches the host kernel, "
                    + "including those the default profile blocks");
            case APPARMOR -> Optional.of("runs with AppArmor unconfined: the default profile's limits on mounts, "
                    + "/proc and /sys no longer apply");
            case SELINUX -> Optional.of(option.value().strip().equalsIgnoreCase("disable")
                    ? "disables SELinux labeling: its processes are no longer confined to the container's SELinux type"
                    : "runs with the SELinux type spc_t (" + option.value().strip() + "), which SELinux does not confine at all");
            case SYSTEM_PATHS, NO_NEW_PRIVILEGES, OTHER -> Optional.empty();
        };
    }
}
