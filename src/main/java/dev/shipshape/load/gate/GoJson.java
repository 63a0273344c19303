package dev.shipshape.load.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Docker API request body as the daemon's Go decoder ({@code encoding/json} into structs)
 * reads it, so that what shipshape checks is what the daemon acts on.
 *
 * <p>Go matches an object's keys to struct fields <em>case-insensitively</em> (with Unicode
 * folding, so {@code ſ} is an {@code s}), and when a field is given twice the last one wins:
 * {@code {"HostConfig":{"Privileged":false,"privileged":true}}} runs privileged. Keys of struct
 * objects are therefore rewritten to their canonical spelling as they are read, in document order,
 * the last occurrence winning. Keys of map-valued fields ({@code Labels}, {@code DriverOpts},
 * {@code PortBindings}…) are data, kept as written. Only the first JSON value is read, as
 * {@code json.Decoder} reads only the first.
 */
final class GoJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Struct fields of the bodies the gate reads (ContainerConfig, HostConfig, Mount, ServiceSpec, …), by folded name. */
    private static final Map<String, String> FIELDS = new HashMap<>();

    /**
     * The one field whose spelling depends on the struct: {@code HostConfig.NanoCpus}, but
     * {@code NanoCPUs} in a service's {@code Resources.Limits} and {@code Reservations}.
     */
    private static final String NANO_CPUS = "nanocpus";
    private static final Set<String> SERVICE_RESOURCES = Set.of("Limits", "Reservations");

    /** Fields whose value is a map: its keys are data, not field names. */
    private static final Set<String> MAPS = Set.of(
            "Labels", "ExposedPorts", "Volumes", "PortBindings", "Tmpfs", "EndpointsConfig", "DriverOpts", "Options",
            "Sysctls", "StorageOpt", "Annotations", "Config");

    static {
        for (String field : """
                Hostname Domainname User AttachStdin AttachStdout AttachStderr ExposedPorts Tty OpenStdin StdinOnce Env Cmd
                Healthcheck ArgsEscaped Image Volumes WorkingDir Entrypoint NetworkDisabled MacAddress OnBuild Labels StopSignal
                StopTimeout Shell HostConfig NetworkingConfig EndpointsConfig Test Interval Timeout StartPeriod StartInterval Retries
                Binds ContainerIDFile LogConfig Type Config NetworkMode PortBindings HostIp HostPort RestartPolicy Name
                MaximumRetryCount AutoRemove VolumeDriver VolumesFrom ConsoleSize Annotations CapAdd CapDrop CgroupnsMode Dns
                DnsOptions DnsSearch ExtraHosts GroupAdd IpcMode Cgroup Links OomScoreAdj PidMode Privileged PublishAllPorts
                ReadonlyRootfs SecurityOpt StorageOpt Tmpfs UTSMode UsernsMode ShmSize Sysctls Runtime Isolation CpuShares Memory
                CgroupParent BlkioWeight BlkioWeightDevice BlkioDeviceReadBps BlkioDeviceWriteBps BlkioDeviceReadIOps
                BlkioDeviceWriteIOps CpuPeriod CpuQuota CpuRealtimePeriod CpuRealtimeRuntime CpusetCpus CpusetMems Devices
                DeviceCgroupRules DeviceRequests KernelMemory KernelMemoryTCP MemoryReservation MemorySwap MemorySwappiness
                OomKillDisable PidsLimit Ulimits CpuCount CpuPercent IOMaximumIOps IOMaximumBandwidth Mounts MaskedPaths
                ReadonlyPaths Init PathOnHost PathInContainer CgroupPermissions Driver Count DeviceIDs Capabilities Source Target
                ReadOnly Consistency BindOptions Propagation NonRecursive CreateMountpoint ReadOnlyNonRecursive
                ReadOnlyForceRecursive VolumeOptions NoCopy DriverConfig Subpath TmpfsOptions SizeBytes Mode ImageOptions
                ClusterOptions Privileged Detach DetachKeys Env AttachStdin TaskTemplate ContainerSpec Args Groups Privileges
                CredentialSpec File Registry SELinuxContext Disable Role Level Seccomp Profile AppArmor NoNewPrivileges
                Isolation Hosts DNSConfig Nameservers Search Secrets Configs SecretID SecretName ConfigID ConfigName UID GID
                CapabilityAdd CapabilityDrop Resources Limits Reservations MemoryBytes Pids GenericResources
                Condition Delay MaxAttempts Window Placement Constraints Preferences Spread SpreadDescriptor MaxReplicas
                Platforms Architecture OS Networks Aliases DriverOpts LogDriver ForceUpdate Runtime PluginSpec Remote Mode
                Replicated Replicas Global ReplicatedJob GlobalJob MaxConcurrent TotalCompletions UpdateConfig RollbackConfig
                Parallelism FailureAction Monitor MaxFailureRatio Order EndpointSpec Ports Protocol TargetPort PublishedPort
                PublishMode CheckDuplicate Internal Attachable Ingress IPAM Subnet IPRange Gateway AuxiliaryAddresses EnableIPv6
                EnableIPv4 ConfigOnly ConfigFrom Network Scope ClusterVolumeSpec Description Value IPAMConfig IPv4Address
                IPv6Address LinkLocalIPs NetworkID EndpointID DriverOpts
                """.split("\\s+")) {
            if (!field.isEmpty()) FIELDS.put(fold(field), field);
        }
    }

    /** The canonical spellings, that need no folding (NanoCpus and NanoCPUs depend on their struct, so they are not here). */
    private static final Set<String> CANONICAL = Set.copyOf(FIELDS.values());

    private GoJson() {
    }

    /** The body's first JSON value with canonical field names, or empty when it is not JSON. */
    static Optional<JsonNode> read(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) return Optional.empty();
            return Optional.of(value(parser, false, ""));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The value at the parser's current token.
     *
     * @param isMap  an object's keys are data
     * @param parent the canonical name of the field this value belongs to
     */
    private static JsonNode value(JsonParser parser, boolean isMap, String parent) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String written = parser.currentName();
                    String key = isMap ? written : canonical(written, parent);
                    parser.nextToken();
                    object.set(key, value(parser, !isMap && MAPS.contains(key), key));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) array.add(value(parser, false, parent));
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static String canonical(String written, String parent) {
        // most clients write the canonical spelling: no folding needed
        if (CANONICAL.contains(written)) return written;
        String folded = fold(written);
        if (folded.equals(NANO_CPUS)) return SERVICE_RESOURCES.contains(parent) ? "NanoCPUs" : "NanoCpus";
        return FIELDS.getOrDefault(folded, written);
    }

    /** Go's {@code bytes.EqualFold} as one key: simple Unicode case folding ({@code ſ} is {@code s}, the Kelvin sign {@code k}). */
    static String fold(String name) {
        return name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
