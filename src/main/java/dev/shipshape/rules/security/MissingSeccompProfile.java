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

/**
 * Flags each Kubernetes container that gets no seccomp profile at all: neither its own nor the
 * pod's {@code securityContext.seccompProfile}, nor the older seccomp annotations. On Kubernetes
 * that means Unconfined (the kubelet applies no profile unless told, or unless its
 * {@code --seccomp-default} is on, which a manifest cannot know). An explicit Unconfined is
 * {@link UnconfinedSecurityProfile}'s finding. Compose, Swarm and live Docker are not judged here:
 * Docker applies its default profile when none is given.
 */
public final class MissingSeccompProfile implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-145", "missing-seccomp-profile")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Kubernetes container runs without a seccomp profile")
            .rationale("""
                    Unlike Docker, Kubernetes runs containers Unconfined when no seccomp profile is set: \
                    every system call reaches the host kernel, including the ones behind most container \
                    escapes (unshare, mount, keyctl, bpf…) that the runtime's default profile blocks.""")
            .remediation("Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec (for all its "
                    + "containers) or in the container, or `Localhost` with a tailored profile.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.podSecurity(PodSecurityLevel.RESTRICTED),
                    Reference.url("Kubernetes: restrict a container's syscalls with seccomp",
                            "https://kubernetes.io/docs/tutorials/security/seccomp/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (workload.source() != SourceKind.KUBERNETES) return Stream.empty();
        boolean hasProfile = container.securityOptions().stream().anyMatch(option -> option.kind() == SecurityOption.Kind.SECCOMP);
        return hasProfile ? Stream.empty() : Stream.of(Finding.of(INFO, container.origin(), container.description()
                + " has no seccomp profile, so it runs Unconfined: set seccompProfile.type RuntimeDefault"));
    }
}
