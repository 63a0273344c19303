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
import java.util.Map;
import java.util.Optional;

/**
 * Flags a container-runtime API socket (Docker, containerd, CRI-O, Podman) mounted from the host,
 * in whatever directory it lies, read-only or not: read-only only stops the file from being
 * replaced; the API behind it still answers every request.
 *
 * <p>One cause, one finding: this rule owns a mounted socket; writable-host-mount and
 * sensitive-host-path stay quiet on it.
 */
public final class DockerSocketMounted extends HostPathRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-106", "docker-socket-mounted")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Container runtime socket mounted into a container")
            .rationale("""
                    Whoever can talk to the Docker (or containerd, CRI-O, Podman) socket can start a \
                    privileged container with the host's root file system mounted: the socket is root \
                    on the host. Mounting it read-only does not help, since the API still answers. This rule \
                    owns the socket: writable-host-mount and sensitive-host-path do not report it again.""")
            .remediation("Remove the socket from `volumes` (Compose) or the `hostPath` volume (Kubernetes); "
                    + "if a tool needs the Docker API, give it a filtering socket proxy that allows only the "
                    + "calls it needs.")
            .remediation(SourceKind.COMPOSE, "Remove the socket from the service's `volumes`; if a tool needs the Docker API, "
                    + "give it a filtering socket proxy that allows only the calls it needs.")
            .remediation(SourceKind.KUBERNETES, "Remove the `hostPath` volume of the socket; if a tool needs the container "
                    + "runtime's API, give it a filtering proxy that allows only the calls it needs.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without `-v /var/run/docker.sock:…` (Engine API "
                    + "`HostConfig.Binds`/`Mounts`); give a tool that needs the API a filtering socket proxy.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.32"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    /** Socket file names and the runtime whose API they serve. */
    static final Map<String, String> RUNTIME_SOCKETS = Map.of(
            "docker.sock", "Docker",
            "containerd.sock", "containerd",
            "crio.sock", "CRI-O",
            "podman.sock", "Podman");

    public DockerSocketMounted() {
        super(INFO);
    }

    /** True when the path names a container-runtime API socket, in any directory. */
    static boolean isRuntimeSocket(HostPath path) {
        return RUNTIME_SOCKETS.containsKey(path.fileName());
    }

    @Override
    Optional<Finding> check(Container container, Mount mount, HostPath path) {
        if (!isRuntimeSocket(path)) return Optional.empty();
        String runtime = RUNTIME_SOCKETS.get(path.fileName());
        String readOnlyNote = mount.readOnly().isTrue() ? " (read-only does not help: the API still answers)" : "";
        return Optional.of(Finding.of(INFO, mount.origin(), "%s mounts the %s socket %s, which gives it control of the host%s"
                .formatted(container.description(), runtime, path, readOnlyNote)));
    }
}
