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
 * Flags containers that see the kernel paths Docker masks or makes read-only in every other
 * container: {@code security_opt: [systempaths=unconfined]} (the docker CLI and Compose send empty
 * {@code MaskedPaths} and {@code ReadonlyPaths}), a request's or live container's own lists that
 * leave some of them out, and Kubernetes {@code procMount: Unmasked}. Privileged containers are
 * {@link PrivilegedContainer}'s finding.
 */
public final class UnmaskedSystemPaths implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-123", "unmasked-system-paths")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Container sees the host kernel's masked /proc and /sys paths")
            .rationale("""
                    Docker hides /proc/kcore, /proc/keys, /sys/firmware and others, and makes /proc/sys and \
                    /proc/sysrq-trigger read-only, because they are the host kernel's, not the container's. \
                    Unmasked, root in the container can write /proc/sys/kernel/core_pattern to run a program \
                    as root on the host, reboot it through /proc/sysrq-trigger, or read kernel memory.""")
            .remediation("Remove `systempaths=unconfined` from `security_opt` (Compose) or `--security-opt` (docker run), "
                    + "leave `MaskedPaths` and `ReadonlyPaths` unset in API requests, and remove `procMount: Unmasked` "
                    + "(Kubernetes).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.url("docker run --security-opt systempaths=unconfined",
                            "https://docs.docker.com/reference/cli/docker/container/run/#security-opt"),
                    Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        // docker stack deploy ignores security_opt
        if (container.privileged().isTrue() || workload.source() == SourceKind.STACK) return Stream.empty();
        return container.securityOptions().stream()
                .filter(option -> option.kind() == SecurityOption.Kind.SYSTEM_PATHS && option.isUnconfined())
                .map(option -> Finding.of(INFO, option.origin(), option.value().strip().equals("unconfined")
                        ? container.description() + " unmasks the host kernel's /proc and /sys paths (systempaths=unconfined): "
                                + "as root it can rewrite kernel settings such as core_pattern and run code on the host"
                        : container.description() + " leaves the host kernel's " + option.value().strip()
                                + " unmasked or writable"));
    }
}
