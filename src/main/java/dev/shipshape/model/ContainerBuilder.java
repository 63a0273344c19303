package dev.shipshape.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects a {@link Container}'s settings while a loader walks its source; every setting the
 * loader does not touch stays unset with the container's own origin.
 */
public final class ContainerBuilder {

    private final String name;
    private final String description;
    private final boolean init;
    private final Origin origin;

    public Setting<String> image;
    public Setting<String> user;
    public Setting<Boolean> runAsNonRoot;
    public Image builtFrom;
    public Setting<Boolean> privileged;
    public final List<Setting<String>> capabilitiesAdded = new ArrayList<>();
    public final List<Setting<String>> capabilitiesDropped = new ArrayList<>();
    public Setting<Boolean> noNewPrivileges;
    public Setting<Boolean> readOnlyRootFilesystem;
    public final List<SecurityOption> securityOptions = new ArrayList<>();
    public final List<Mount> mounts = new ArrayList<>();
    public Setting<String> networkMode;
    public final List<Setting<String>> networks = new ArrayList<>();
    public Setting<String> pidMode;
    public Setting<String> ipcMode;
    public Setting<String> utsMode;
    public final List<Port> ports = new ArrayList<>();
    public final List<EnvVar> environment = new ArrayList<>();
    public final List<Setting<String>> devices = new ArrayList<>();
    public final List<Probe> probes = new ArrayList<>();
    public Resources resources;
    /** Only a live container has one. */
    public RuntimeState runtime;
    public boolean ephemeral;
    public Setting<String> usernsMode;
    public Setting<String> cgroupnsMode;
    public final List<Setting<String>> volumesFrom = new ArrayList<>();
    public final List<Setting<String>> deviceCgroupRules = new ArrayList<>();
    public final List<Setting<String>> command = new ArrayList<>();

    ContainerBuilder(String name, String description, boolean init, Origin origin) {
        this.name = name;
        this.description = description;
        this.init = init;
        this.origin = origin;
        this.image = Setting.unset(origin);
        this.user = Setting.unset(origin);
        this.runAsNonRoot = Setting.unset(origin);
        this.privileged = Setting.unset(origin);
        this.noNewPrivileges = Setting.unset(origin);
        this.readOnlyRootFilesystem = Setting.unset(origin);
        this.networkMode = Setting.unset(origin);
        this.pidMode = Setting.unset(origin);
        this.ipcMode = Setting.unset(origin);
        this.utsMode = Setting.unset(origin);
        this.resources = Resources.unset(origin);
        this.usernsMode = Setting.unset(origin);
        this.cgroupnsMode = Setting.unset(origin);
    }

    public Origin origin() {
        return origin;
    }

    public Container build() {
        return new Container(name, description, init, ephemeral, origin, image, user, runAsNonRoot,
                Optional.ofNullable(builtFrom), privileged, capabilitiesAdded, capabilitiesDropped,
                noNewPrivileges, readOnlyRootFilesystem, securityOptions, mounts, networkMode, networks,
                pidMode, ipcMode, utsMode, ports, environment, devices, probes, resources, Optional.ofNullable(runtime),
                usernsMode, cgroupnsMode, volumesFrom, deviceCgroupRules, command);
    }
}
