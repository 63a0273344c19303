package dev.shipshape.load.gate;

import java.math.BigInteger;

/**
 * The Go types dockerd decodes the judged request bodies into, from moby v20.10's
 * {@code api/types} (and the fields newer Engines added): what {@link GoJson} checks every body
 * against. A field the gate does not know is ignored, as Go ignores it; a field whose content the
 * gate never reads is {@link GoType.Any}.
 */
final class EngineBodies {

    private static final GoType BOOL = new GoType.Bool();
    private static final GoType TEXT = new GoType.Text();
    private static final GoType BYTES = new GoType.Bytes();
    private static final GoType ANY = new GoType.Any();
    private static final GoType STRSLICE = new GoType.StrSlice();
    private static final GoType TEXTS = new GoType.Slice(TEXT);
    private static final GoType TEXT_MAP = new GoType.MapOf(TEXT);
    private static final GoType EMPTY_STRUCT_MAP = new GoType.MapOf(new GoType.Struct("struct{}"));
    private static final GoType INT64 = signed("int64", 64);
    /** Go's {@code int} on the 64-bit platforms dockerd runs on. */
    private static final GoType INT = signed("int", 64);
    private static final GoType UINT = unsigned("uint", 64);
    private static final GoType UINT16 = unsigned("uint16", 16);
    private static final GoType UINT32 = unsigned("uint32", 32);
    private static final GoType UINT64 = unsigned("uint64", 64);
    private static final GoType FLOAT32 = new GoType.Float("float32", Float.MAX_VALUE);
    /** {@code time.Duration}: nanoseconds as an int64. */
    private static final GoType DURATION = signed("time.Duration", 64);

    private EngineBodies() {
    }

    private static GoType signed(String name, int bits) {
        return new GoType.Integer(name, BigInteger.ONE.shiftLeft(bits - 1).negate(), BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE));
    }

    private static GoType unsigned(String name, int bits) {
        return new GoType.Integer(name, BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    private static GoType list(GoType element) {
        return new GoType.Slice(element);
    }

    private static GoType.Struct struct(String name) {
        return new GoType.Struct(name);
    }

    static final GoType.Struct HEALTH_CONFIG = struct("HealthConfig").field("Test", TEXTS).field("Interval", DURATION)
            .field("Timeout", DURATION).field("StartPeriod", DURATION).field("StartInterval", DURATION).field("Retries", INT);

    /** {@code container.Config}. */
    static final GoType.Struct CONFIG = struct("Config")
            .field("Hostname", TEXT).field("Domainname", TEXT).field("User", TEXT).field("AttachStdin", BOOL)
            .field("AttachStdout", BOOL).field("AttachStderr", BOOL).field("ExposedPorts", EMPTY_STRUCT_MAP).field("Tty", BOOL)
            .field("OpenStdin", BOOL).field("StdinOnce", BOOL).field("Env", TEXTS).field("Cmd", STRSLICE)
            .field("Healthcheck", HEALTH_CONFIG).field("ArgsEscaped", BOOL).field("Image", TEXT).field("Volumes", EMPTY_STRUCT_MAP)
            .field("WorkingDir", TEXT).field("Entrypoint", STRSLICE).field("NetworkDisabled", BOOL).field("MacAddress", TEXT)
            .field("OnBuild", TEXTS).field("Labels", TEXT_MAP).field("StopSignal", TEXT).field("StopTimeout", INT).field("Shell", STRSLICE);

    static final GoType.Struct DRIVER = struct("Driver").field("Name", TEXT).field("Options", TEXT_MAP);

    /** {@code mount.Mount}, shared by containers and services. */
    static final GoType.Struct MOUNT = struct("Mount")
            .field("Type", TEXT).field("Source", TEXT).field("Target", TEXT).field("ReadOnly", BOOL).field("Consistency", TEXT)
            .field("BindOptions", struct("BindOptions").field("Propagation", TEXT).field("NonRecursive", BOOL)
                    .field("CreateMountpoint", BOOL).field("ReadOnlyNonRecursive", BOOL).field("ReadOnlyForceRecursive", BOOL))
            .field("VolumeOptions", struct("VolumeOptions").field("NoCopy", BOOL).field("Labels", TEXT_MAP)
                    .field("Subpath", TEXT).field("DriverConfig", DRIVER))
            .field("TmpfsOptions", struct("TmpfsOptions").field("SizeBytes", INT64).field("Mode", UINT32)
                    .field("Options", list(TEXTS)))
            .field("ImageOptions", struct("ImageOptions").field("Subpath", TEXT))
            .field("ClusterOptions", ANY);

    private static final GoType.Struct THROTTLE_DEVICE = struct("ThrottleDevice").field("Path", TEXT).field("Rate", UINT64);

    /** {@code container.Resources}, embedded in HostConfig. */
    static final GoType.Struct RESOURCES = struct("Resources")
            .field("CpuShares", INT64).field("Memory", INT64).field("NanoCpus", INT64).field("CgroupParent", TEXT)
            .field("BlkioWeight", UINT16).field("BlkioWeightDevice", list(struct("WeightDevice").field("Path", TEXT).field("Weight", UINT16)))
            .field("BlkioDeviceReadBps", list(THROTTLE_DEVICE)).field("BlkioDeviceWriteBps", list(THROTTLE_DEVICE))
            .field("BlkioDeviceReadIOps", list(THROTTLE_DEVICE)).field("BlkioDeviceWriteIOps", list(THROTTLE_DEVICE))
            .field("CpuPeriod", INT64).field("CpuQuota", INT64).field("CpuRealtimePeriod", INT64).field("CpuRealtimeRuntime", INT64)
            .field("CpusetCpus", TEXT).field("CpusetMems", TEXT)
            .field("Devices", list(struct("DeviceMapping").field("PathOnHost", TEXT).field("PathInContainer", TEXT)
                    .field("CgroupPermissions", TEXT)))
            .field("DeviceCgroupRules", TEXTS)
            .field("DeviceRequests", list(struct("DeviceRequest").field("Driver", TEXT).field("Count", INT).field("DeviceIDs", TEXTS)
                    .field("Capabilities", list(TEXTS)).field("Options", TEXT_MAP)))
            .field("KernelMemory", INT64).field("KernelMemoryTCP", INT64).field("MemoryReservation", INT64).field("MemorySwap", INT64)
            .field("MemorySwappiness", INT64).field("OomKillDisable", BOOL).field("PidsLimit", INT64)
            .field("Ulimits", list(struct("Ulimit").field("Name", TEXT).field("Hard", INT64).field("Soft", INT64)))
            .field("CpuCount", INT64).field("CpuPercent", INT64).field("IOMaximumIOps", UINT64).field("IOMaximumBandwidth", UINT64);

    /** {@code container.HostConfig} with its Resources. */
    static final GoType.Struct HOST_CONFIG = struct("HostConfig")
            .field("Binds", TEXTS).field("ContainerIDFile", TEXT)
            .field("LogConfig", struct("LogConfig").field("Type", TEXT).field("Config", TEXT_MAP))
            .field("NetworkMode", TEXT)
            .field("PortBindings", new GoType.MapOf(list(struct("PortBinding").field("HostIp", TEXT).field("HostPort", TEXT))))
            .field("RestartPolicy", struct("RestartPolicy").field("Name", TEXT).field("MaximumRetryCount", INT))
            .field("AutoRemove", BOOL).field("VolumeDriver", TEXT).field("VolumesFrom", TEXTS).field("ConsoleSize", list(UINT))
            .field("Annotations", TEXT_MAP).field("CapAdd", STRSLICE).field("CapDrop", STRSLICE).field("CgroupnsMode", TEXT)
            .field("Dns", TEXTS).field("DnsOptions", TEXTS).field("DnsSearch", TEXTS).field("ExtraHosts", TEXTS).field("GroupAdd", TEXTS)
            .field("IpcMode", TEXT).field("Cgroup", TEXT).field("Links", TEXTS).field("OomScoreAdj", INT).field("PidMode", TEXT)
            .field("Privileged", BOOL).field("PublishAllPorts", BOOL).field("ReadonlyRootfs", BOOL).field("SecurityOpt", TEXTS)
            .field("StorageOpt", TEXT_MAP).field("Tmpfs", TEXT_MAP).field("UTSMode", TEXT).field("UsernsMode", TEXT)
            .field("ShmSize", INT64).field("Sysctls", TEXT_MAP).field("Runtime", TEXT).field("Isolation", TEXT)
            .embed(RESOURCES)
            .field("Mounts", list(MOUNT)).field("MaskedPaths", TEXTS).field("ReadonlyPaths", TEXTS).field("Init", BOOL);

    static final GoType.Struct NETWORKING_CONFIG = struct("NetworkingConfig").field("EndpointsConfig", new GoType.MapOf(
            struct("EndpointSettings")
                    .field("IPAMConfig", struct("EndpointIPAMConfig").field("IPv4Address", TEXT).field("IPv6Address", TEXT)
                            .field("LinkLocalIPs", TEXTS))
                    .field("Links", TEXTS).field("Aliases", TEXTS).field("DriverOpts", TEXT_MAP).field("GwPriority", INT)
                    .field("NetworkID", TEXT).field("EndpointID", TEXT).field("Gateway", TEXT).field("IPAddress", TEXT)
                    .field("IPPrefixLen", INT).field("IPv6Gateway", TEXT).field("GlobalIPv6Address", TEXT)
                    .field("GlobalIPv6PrefixLen", INT).field("MacAddress", TEXT).field("DNSNames", TEXTS)));

    /**
     * {@code runconfig.ContainerConfigWrapper} (v20.10): {@code *container.Config} and, deprecated but
     * honoured, {@code *container.HostConfig} embedded at the top level, beside the named
     * {@code HostConfig}, {@code NetworkingConfig} and {@code Cpuset}.
     */
    static final GoType.Struct CONTAINER_CREATE = struct("ContainerConfigWrapper").embed(CONFIG).embed(HOST_CONFIG)
            .field("HostConfig", HOST_CONFIG).field("Cpuset", TEXT).field("NetworkingConfig", NETWORKING_CONFIG);

    /** {@code types.ExecConfig}. */
    static final GoType.Struct EXEC = struct("ExecConfig")
            .field("User", TEXT).field("Privileged", BOOL).field("Tty", BOOL).field("ConsoleSize", list(UINT))
            .field("AttachStdin", BOOL).field("AttachStderr", BOOL).field("AttachStdout", BOOL).field("Detach", BOOL)
            .field("DetachKeys", TEXT).field("Env", TEXTS).field("WorkingDir", TEXT).field("Cmd", STRSLICE);

    private static final GoType.Struct NETWORK_ATTACHMENT = struct("NetworkAttachmentConfig")
            .field("Target", TEXT).field("Aliases", TEXTS).field("DriverOpts", TEXT_MAP);

    private static final GoType.Struct FILE_TARGET = struct("FileTarget")
            .field("Name", TEXT).field("UID", TEXT).field("GID", TEXT).field("Mode", UINT32);

    static final GoType.Struct CONTAINER_SPEC = struct("ContainerSpec")
            .field("Image", TEXT).field("Labels", TEXT_MAP).field("Command", TEXTS).field("Args", TEXTS).field("Hostname", TEXT)
            .field("Env", TEXTS).field("Dir", TEXT).field("User", TEXT).field("Groups", TEXTS)
            .field("Privileges", struct("Privileges")
                    .field("CredentialSpec", struct("CredentialSpec").field("Config", TEXT).field("File", TEXT).field("Registry", TEXT))
                    .field("SELinuxContext", struct("SELinuxContext").field("Disable", BOOL).field("User", TEXT).field("Role", TEXT)
                            .field("Type", TEXT).field("Level", TEXT))
                    .field("Seccomp", struct("SeccompOpts").field("Mode", TEXT).field("Profile", BYTES))
                    .field("AppArmor", struct("AppArmorOpts").field("Mode", TEXT))
                    .field("NoNewPrivileges", BOOL))
            .field("Init", BOOL).field("StopSignal", TEXT).field("TTY", BOOL).field("OpenStdin", BOOL).field("ReadOnly", BOOL)
            .field("Mounts", list(MOUNT)).field("StopGracePeriod", DURATION).field("Healthcheck", HEALTH_CONFIG)
            .field("Hosts", TEXTS)
            .field("DNSConfig", struct("DNSConfig").field("Nameservers", TEXTS).field("Search", TEXTS).field("Options", TEXTS))
            .field("Secrets", list(struct("SecretReference").field("File", FILE_TARGET).field("SecretID", TEXT).field("SecretName", TEXT)))
            .field("Configs", list(struct("ConfigReference").field("File", FILE_TARGET).field("Runtime", ANY)
                    .field("ConfigID", TEXT).field("ConfigName", TEXT)))
            .field("Isolation", TEXT).field("Sysctls", TEXT_MAP).field("CapabilityAdd", TEXTS).field("CapabilityDrop", TEXTS)
            .field("Ulimits", list(struct("Ulimit").field("Name", TEXT).field("Hard", INT64).field("Soft", INT64)))
            .field("OomScoreAdj", INT64);

    private static final GoType.Struct LIMIT = struct("Limit").field("NanoCPUs", INT64).field("MemoryBytes", INT64).field("Pids", INT64)
            .field("GenericResources", ANY);

    private static final GoType.Struct UPDATE_CONFIG = struct("UpdateConfig").field("Parallelism", UINT64).field("Delay", DURATION)
            .field("FailureAction", TEXT).field("Monitor", DURATION).field("MaxFailureRatio", FLOAT32).field("Order", TEXT);

    /** {@code swarm.TaskSpec}. */
    static final GoType.Struct TASK_SPEC = struct("TaskSpec")
            .field("ContainerSpec", CONTAINER_SPEC).field("PluginSpec", ANY).field("NetworkAttachmentSpec", ANY)
            .field("Resources", struct("ResourceRequirements").field("Limits", LIMIT).field("Reservations", LIMIT))
            .field("RestartPolicy", struct("RestartPolicy").field("Condition", TEXT).field("Delay", DURATION)
                    .field("MaxAttempts", UINT64).field("Window", DURATION))
            .field("Placement", struct("Placement").field("Constraints", TEXTS).field("Preferences", ANY)
                    .field("MaxReplicas", UINT64).field("Platforms", ANY))
            .field("Networks", list(NETWORK_ATTACHMENT)).field("LogDriver", DRIVER).field("ForceUpdate", UINT64)
            .field("Runtime", TEXT);

    /** {@code swarm.ServiceSpec}, its embedded {@code Annotations} (Name, Labels) promoted. */
    static final GoType.Struct SERVICE_SPEC = struct("ServiceSpec")
            .field("Name", TEXT).field("Labels", TEXT_MAP).field("TaskTemplate", TASK_SPEC)
            .field("Mode", struct("ServiceMode")
                    .field("Replicated", struct("ReplicatedService").field("Replicas", UINT64))
                    .field("Global", ANY)
                    .field("ReplicatedJob", struct("ReplicatedJob").field("MaxConcurrent", UINT64).field("TotalCompletions", UINT64))
                    .field("GlobalJob", ANY))
            .field("UpdateConfig", UPDATE_CONFIG).field("RollbackConfig", UPDATE_CONFIG)
            .field("Networks", list(NETWORK_ATTACHMENT))
            .field("EndpointSpec", struct("EndpointSpec").field("Mode", TEXT)
                    .field("Ports", list(struct("PortConfig").field("Name", TEXT).field("Protocol", TEXT).field("TargetPort", UINT32)
                            .field("PublishedPort", UINT32).field("PublishMode", TEXT))));

    /** {@code types.PluginPrivileges}: the privileges a plugin is granted at install and upgrade. */
    static final GoType PLUGIN_PRIVILEGES = list(struct("PluginPrivilege").field("Name", TEXT).field("Description", TEXT)
            .field("Value", TEXTS));

    /** {@code volume.CreateOptions}. */
    static final GoType.Struct VOLUME_CREATE = struct("VolumeCreateBody").field("Name", TEXT).field("Driver", TEXT)
            .field("DriverOpts", TEXT_MAP).field("Labels", TEXT_MAP).field("ClusterVolumeSpec", ANY);

    /** {@code types.NetworkCreateRequest}. */
    static final GoType.Struct NETWORK_CREATE = struct("NetworkCreateRequest").field("Name", TEXT).field("CheckDuplicate", BOOL)
            .field("Driver", TEXT).field("Scope", TEXT).field("EnableIPv6", BOOL).field("EnableIPv4", BOOL)
            .field("IPAM", struct("IPAM").field("Driver", TEXT).field("Options", TEXT_MAP)
                    .field("Config", list(struct("IPAMConfig").field("Subnet", TEXT).field("IPRange", TEXT).field("Gateway", TEXT)
                            .field("AuxiliaryAddresses", TEXT_MAP))))
            .field("Internal", BOOL).field("Attachable", BOOL).field("Ingress", BOOL).field("ConfigOnly", BOOL)
            .field("ConfigFrom", struct("ConfigReference").field("Network", TEXT)).field("Options", TEXT_MAP).field("Labels", TEXT_MAP);

    /** {@code swarm.InitRequest}. */
    static final GoType.Struct SWARM_INIT = struct("InitRequest").field("ListenAddr", TEXT).field("AdvertiseAddr", TEXT)
            .field("DataPathAddr", TEXT).field("DataPathPort", UINT32).field("ForceNewCluster", BOOL).field("Spec", ANY)
            .field("AutoLockManagers", BOOL).field("Availability", TEXT).field("DefaultAddrPool", TEXTS).field("SubnetSize", UINT32);
}
