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
import java.util.Optional;
import java.util.stream.Stream;

/** Flags containers that join the host's PID, IPC or UTS namespace (one finding per namespace). */
public final class HostNamespaceShared implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-111", "host-namespace-shared")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Container shares a host PID, IPC or UTS namespace")
            .rationale("""
                    Namespaces are what keeps a container from seeing the rest of the machine. In the \
                    host's PID namespace it sees and can signal every host process; in the host's IPC \
                    namespace it reads and writes the host's shared memory; in the host's UTS namespace \
                    it can rename the host. Each one turns a compromised container into a foothold on the host.""")
            .remediation("Remove `pid: host`, `ipc: host` and `uts: host` (Compose, Swarm) or `hostPID: true` and "
                    + "`hostIPC: true` (Kubernetes); share a namespace with one other container "
                    + "(`pid: service:NAME`, `shareProcessNamespace: true`) when a sidecar truly needs it.")
            .remediation(SourceKind.COMPOSE, "Remove `pid: host`, `ipc: host` and `uts: host` from the service; share with "
                    + "one other service (`pid: service:NAME`) when a sidecar truly needs it.")
            .remediation(SourceKind.KUBERNETES, "Remove `hostPID: true` and `hostIPC: true` from the pod spec; use "
                    + "`shareProcessNamespace: true` when a sidecar truly needs to see the other processes.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without `--pid host`, `--ipc host` and `--uts host` "
                    + "(Engine API `HostConfig.PidMode`, `IpcMode`, `UTSMode`).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.cisDocker("5.16"),
                    Reference.cisDocker("5.17"),
                    Reference.cisDocker("5.21"),
                    Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    private static final String HOST = "host";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return Stream.of(
                        shared(container, container.pidMode(), "PID namespace: it sees every host process "
                                + "with its command line and, as root, can signal (kill) them"),
                        shared(container, container.ipcMode(), "IPC namespace: it can read and write the host's "
                                + "shared memory, semaphores and message queues"),
                        shared(container, container.utsMode(), "UTS namespace: it sees the host's hostname and, "
                                + "with CAP_SYS_ADMIN, can change it for the whole host"))
                .flatMap(Optional::stream);
    }

    private static Optional<Finding> shared(Container container, Setting<String> mode, String exposure) {
        if (!mode.isSet() || !mode.value().strip().equals(HOST)) return Optional.empty();
        return Optional.of(Finding.of(INFO, mode.origin(), container.description() + " shares the host's " + exposure));
    }
}
