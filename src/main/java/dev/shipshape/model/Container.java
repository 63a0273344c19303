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
 * @param usernsMode    {@code host} when it keeps the host's user namespace on a daemon that remaps users
 *                      (Docker {@code --userns}, Compose {@code userns_mode}); Kubernetes {@code hostUsers: false}
 *                      is {@code private}, {@code hostUsers: true} is {@code host}; unset = the daemon's default
 * @param cgroupnsMode  {@code host} or {@code private} (Docker {@code --cgroupns}, Compose {@code cgroup}); unset = the daemon's default
 * @param volumesFrom   containers or services whose volumes it mounts too (Docker {@code --volumes-from},
 *                      Compose {@code volumes_from}), as written ({@code NAME[:ro|rw]}, {@code container:NAME}, {@code service:NAME})
 * @param deviceCgroupRules device cgroup rules it is granted ({@code c 1:3 rwm}, {@code a *:* rwm}), as written
 * @param command       what it runs, as written: the entrypoint's then the command's items (Compose
 *                      {@code entrypoint} and {@code command}, Kubernetes {@code command} and {@code args});
 *                      a command written as one string is one item. Empty when the source states none
 *                      (the image's own then runs)
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
        Optional<RuntimeState> runtime,
        Setting<String> usernsMode,
        Setting<String> cgroupnsMode,
        List<Setting<String>> volumesFrom,
        List<Setting<String>> deviceCgroupRules,
        List<Setting<String>> command) {

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
        volumesFrom = List.copyOf(volumesFrom);
        deviceCgroupRules = List.copyOf(deviceCgroupRules);
        command = List.copyOf(command);
    }

    /** A container with only its identity set and every setting unset; loaders fill the {@link ContainerBuilder}'s fields. */
    public static ContainerBuilder builder(String name, String description, boolean init, Origin origin) {
        return new ContainerBuilder(name, description, init, origin);
    }

    /** Every setting of this container in a builder, under another description, to be changed and built again. */
    public ContainerBuilder toBuilder(String newDescription) {
        ContainerBuilder copy = builder(name, newDescription, init, origin);
        copy.ephemeral = ephemeral;
        copy.image = image;
        copy.user = user;
        copy.runAsNonRoot = runAsNonRoot;
        copy.builtFrom = builtFrom.orElse(null);
        copy.privileged = privileged;
        copy.capabilitiesAdded.addAll(capabilitiesAdded);
        copy.capabilitiesDropped.addAll(capabilitiesDropped);
        copy.noNewPrivileges = noNewPrivileges;
        copy.readOnlyRootFilesystem = readOnlyRootFilesystem;
        copy.securityOptions.addAll(securityOptions);
        copy.mounts.addAll(mounts);
        copy.networkMode = networkMode;
        copy.networks.addAll(networks);
        copy.pidMode = pidMode;
        copy.ipcMode = ipcMode;
        copy.utsMode = utsMode;
        copy.ports.addAll(ports);
        copy.environment.addAll(environment);
        copy.devices.addAll(devices);
        copy.probes.addAll(probes);
        copy.resources = resources;
        copy.runtime = runtime.orElse(null);
        copy.usernsMode = usernsMode;
        copy.cgroupnsMode = cgroupnsMode;
        copy.volumesFrom.addAll(volumesFrom);
        copy.deviceCgroupRules.addAll(deviceCgroupRules);
        copy.command.addAll(command);
        return copy;
    }
}
