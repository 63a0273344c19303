package dev.shipshape.rules.security;

import dev.shipshape.model.Container;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WindowsContainer;
import java.util.stream.Stream;

/**
 * Flags containers whose root filesystem is writable, explicitly or by default. Windows containers
 * ({@link WindowsContainer}) cannot have a read-only root and are not judged.
 */
public final class WritableRootFilesystem implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-109", "writable-root-filesystem")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Container root filesystem is writable")
            .rationale("""
                    A writable root filesystem lets an intruder drop tools, replace binaries and \
                    persist changes for the container's lifetime, and it hides configuration drift \
                    from the image that was reviewed. A read-only root with explicit writable \
                    volumes or tmpfs mounts keeps every write where it is expected. A Windows container \
                    (by its image or its placement on Windows nodes) is not judged: Windows cannot run \
                    one with a read-only root filesystem.""")
            .remediation("Set `read_only: true` (Compose, Swarm) or `securityContext.readOnlyRootFilesystem: true` "
                    + "(Kubernetes), and give the paths the process must write a `tmpfs:` mount, a volume or an `emptyDir`.")
            .remediation(SourceKind.COMPOSE, "Set `read_only: true` on the service and give the paths it must write a "
                    + "`tmpfs:` mount or a volume.")
            .remediation(SourceKind.KUBERNETES, "Set `securityContext.readOnlyRootFilesystem: true` on the container and give "
                    + "the paths it must write an `emptyDir` or a volume.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container with `--read-only` (Engine API "
                    + "`HostConfig.ReadonlyRootfs`) and give the paths it must write `--tmpfs` or `-v` mounts.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.13"),
                    Reference.url("Kubernetes: configure a security context for a pod or container",
                            "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        var readOnly = container.readOnlyRootFilesystem();
        if (readOnly.isTrue() || WindowsContainer.runs(workload, container)) return Stream.empty();
        String why = readOnly.isFalse() ? "read-only root filesystem is switched off" : "read-only root filesystem is not set";
        return Stream.of(Finding.of(INFO, readOnly.origin(),
                container.description() + " has a writable root filesystem (" + why + ")"));
    }
}
