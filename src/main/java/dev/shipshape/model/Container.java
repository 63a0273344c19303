package dev.shipshape.model;

import java.util.List;
import java.util.Optional;

/**
 * One container of a workload, normalized from any source.
 *
 * <p>Pod-level and container-level Kubernetes settings arrive here already merged as Kubernetes
 * merges them (the container wins); host namespaces and host networking, which Kubernetes sets
 * per pod, are copied onto every container of the pod with the pod key's origin.
 *
 * @param description   how findings name it: "service 'web'", "init container 'setup' of Deployment 'api'"
 * @param ephemeral     a Kubernetes ephemeral (debug) container: it serves nothing and is never restarted
 * @param origin        where it is defined (the Compose service key, the container's {@code - name:})
 * @param user          the user as written: a name or uid[:gid] (Compose/Docker {@code user},
 *                      Kubernetes {@code runAsUser}); unset means the image's USER decides
 * @param runAsNonRoot  Kubernetes {@code runAsNonRoot}; unset elsewhere
 * @param builtFrom     the Dockerfile this container's image is built from, when the scan has it
 * @param noNewPrivileges true when privilege escalation is switched off
 *                      ({@code no-new-privileges}, {@code allowPrivilegeEscalation: false})
 * @param networkMode   host, none, bridge, container:NAME, service:NAME, or a network name; unset = default
 * @param pidMode       host or container:NAME / service:NAME; unset = private
 * @param runtime       a live container's current state (health, restarts, its image's digests); empty for files
 */
public record Container(
        String name,
        String description,
        boolean init,
        boolean ephemeral,
        Origin origin,
        Setting<String> image,
        Setting<String> user,
        Setting<Boolean> runAsNonRoot,
        Optional<Image> builtFrom,
        Setting<Boolean> privileged,
        List<Setting<String>> capabilitiesAdded,
        List<Setting<String>> capabilitiesDropped,
        Setting<Boolean> noNewPrivileges,
        Setting<Boolean> readOnlyRootFilesystem,
        List<SecurityOption> securityOptions,
        List<Mount> mounts,
        Setting<String> networkMode,
        List<Setting<String>> networks,
        Setting<String> pidMode,
        Setting<String> ipcMode,
        Setting<String> utsMode,
        List<Port> ports,
        List<EnvVar> environment,
        List<Setting<String>> devices,
        List<Probe> probes,
        Resources resources,
        Optional<RuntimeState> runtime) {

    public Container {
        capabilitiesAdded = List.copyOf(capabilitiesAdded);
        capabilitiesDropped = List.copyOf(capabilitiesDropped);
        securityOptions = List.copyOf(securityOptions);
        mounts = List.copyOf(mounts);
        networks = List.copyOf(networks);
        ports = List.copyOf(ports);
        environment = List.copyOf(environment);
        devices = List.copyOf(devices);
        probes = List.copyOf(probes);
    }

    /** A container with only its identity set and every setting unset; loaders fill the {@link ContainerBuilder}'s fields. */
    public static ContainerBuilder builder(String name, String description, boolean init, Origin origin) {
        return new ContainerBuilder(name, description, init, origin);
    }
}
