package dev.shipshape.load.docker;

import static dev.shipshape.load.docker.EngineJson.fields;
import static dev.shipshape.load.docker.EngineJson.isTrue;
import static dev.shipshape.load.docker.EngineJson.items;
import static dev.shipshape.load.docker.EngineJson.number;
import static dev.shipshape.load.docker.EngineJson.stringMap;
import static dev.shipshape.load.docker.EngineJson.strings;
import static dev.shipshape.load.docker.EngineJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.RuntimeState;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.model.Workload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A container's inspect ({@code GET /containers/{id}/json}) as a workload of kind "container"
 * with one container.
 *
 * <p>The inspect's {@code Config} is the image's configuration with the container's own settings
 * on top (the engine merged them when it created the container), so the image's USER, ENV,
 * LABELs and HEALTHCHECK arrive here as the container's own settings: there is no {@code builtFrom}.
 * The image itself adds only what the container cannot show: its registry digests.
 *
 * <p>Every value's origin is the container as a live object, {@code container web (3f2a9c1b2d4e)}.
 */
final class ContainerReader {

    private static final String SWARM_TASK_LABEL = "com.docker.swarm.task.id";
    /** The restart policy shown for a Swarm task's container. */
    static final String SWARM_RESTARTS = "restarted by its Swarm service";

    /**
     * The paths Docker masks and makes read-only in every container that is not privileged (20.10's
     * defaults; newer engines add to them). A container whose own lists lack one of these sees it.
     */
    private static final List<String> DEFAULT_MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore",
            "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/proc/scsi", "/sys/firmware");
    private static final List<String> DEFAULT_READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    private final Map<String, List<String>> repoDigestsByImageId;
    private final Map<String, LocalVolumeMount> volumesByName;
    private final Optional<String> engineCgroupnsDefault;

    /** @param repoDigestsByImageId each image's {@code RepoDigests}, by image id */
    ContainerReader(Map<String, List<String>> repoDigestsByImageId) {
        this(repoDigestsByImageId, Map.of(), Optional.empty());
    }

    /**
     * @param volumesByName         what each named volume of the engine mounts ({@link LocalVolumeMount}): a
     *                              container's volume mount shows only the volume's name
     * @param engineCgroupnsDefault the cgroup namespace mode the engine stores for a container that asked for
     *                              none ({@code host} on cgroup v1, {@code private} on v2): such a mode was not
     *                              chosen, so it is left unset; empty when the JSON is a request, which states
     *                              only what the client sent
     */
    ContainerReader(Map<String, List<String>> repoDigestsByImageId, Map<String, LocalVolumeMount> volumesByName,
            Optional<String> engineCgroupnsDefault) {
        this.repoDigestsByImageId = Map.copyOf(repoDigestsByImageId);
        this.volumesByName = Map.copyOf(volumesByName);
        this.engineCgroupnsDefault = engineCgroupnsDefault;
    }

    record Read(Workload workload, List<Suppression> suppressions) {
    }

    static Origin originOf(JsonNode inspect) {
        return Origin.live("container " + nameOf(inspect) + " (" + shortId(text(inspect, "Id")) + ")");
    }

    static String nameOf(JsonNode inspect) {
        String name = text(inspect, "Name");
        if (name == null) return shortId(text(inspect, "Id"));
        return name.startsWith("/") ? name.substring(1) : name;
    }

    static String shortId(String id) {
        if (id == null) return "?";
        String bare = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    Read read(JsonNode inspect) {
        String name = nameOf(inspect);
        Origin origin = originOf(inspect);
        ContainerBuilder container = Container.builder(name, "container '" + name + "'", false, origin);
        JsonNode config = inspect.path("Config");
        JsonNode host = inspect.path("HostConfig");

        String image = text(config, "Image");
        if (image != null) container.image = Setting.of(image, origin);
        String user = text(config, "User");
        if (user != null) container.user = Setting.of(user, origin);
        container.privileged = Setting.of(isTrue(host, "Privileged"), origin);
        container.readOnlyRootFilesystem = Setting.of(isTrue(host, "ReadonlyRootfs"), origin);
        strings(host, "CapAdd").forEach(capability -> container.capabilitiesAdded.add(Setting.of(capability, origin)));
        strings(host, "CapDrop").forEach(capability -> container.capabilitiesDropped.add(Setting.of(capability, origin)));
        // The engine itself adds label=disable to a privileged container: that is privileged-container's finding, not a second one.
        for (String option : strings(host, "SecurityOpt")) {
            if (!(container.privileged.isTrue() && option.replace(':', '=').equals("label=disable"))) SecurityOpt.apply(option, origin, container);
        }
        if (!container.privileged.isTrue()) unmaskedPaths(host, origin, container);
        readMounts(inspect, host, origin, container);
        strings(host, "VolumesFrom").forEach(from -> container.volumesFrom.add(Setting.of(from, origin)));

        List<String> attached = new ArrayList<>();
        for (Map.Entry<String, JsonNode> network : fields(inspect, "NetworkSettings", "Networks")) {
            attached.add(network.getKey());
            container.networks.add(Setting.of(network.getKey(), origin));
        }
        String networkMode = text(host, "NetworkMode");
        if ("default".equals(networkMode) && !attached.isEmpty() && !attached.contains("bridge")) {
            // a Swarm task reports "default" but sits on its service's networks, not on the default bridge
            networkMode = attached.getFirst();
        } else if ("default".equals(networkMode)) {
            networkMode = "bridge"; // the Engine's name for "no --network given": Docker's default bridge on Linux
        }
        if (networkMode != null) container.networkMode = Setting.of(networkMode, origin);
        String pidMode = text(host, "PidMode");
        if (pidMode != null) container.pidMode = Setting.of(pidMode, origin);
        String ipcMode = text(host, "IpcMode");
        if (ipcMode != null) container.ipcMode = Setting.of(ipcMode, origin);
        String utsMode = text(host, "UTSMode");
        if (utsMode != null) container.utsMode = Setting.of(utsMode, origin);
        String usernsMode = text(host, "UsernsMode");
        if (usernsMode != null && !usernsMode.isEmpty()) container.usernsMode = Setting.of(usernsMode, origin);
        String cgroupnsMode = text(host, "CgroupnsMode");
        if (cgroupnsMode != null && !cgroupnsMode.isEmpty() && !engineCgroupnsDefault.equals(Optional.of(cgroupnsMode))) {
            container.cgroupnsMode = Setting.of(cgroupnsMode, origin);
        }
        readPorts(config, host, origin, container);
        command(inspect, config).forEach(item -> container.command.add(Setting.of(item, origin)));

        for (String variable : strings(config, "Env")) {
            int equals = variable.indexOf('=');
            container.environment.add(equals < 0
                    ? new EnvVar(variable, null, EnvVar.ValueSource.REFERENCE, false, origin)
                    : EnvVar.literal(variable.substring(0, equals), variable.substring(equals + 1), false, origin));
        }
        for (JsonNode device : items(host, "Devices")) {
            String onHost = text(device, "PathOnHost");
            if (onHost == null) continue;
            String inContainer = text(device, "PathInContainer");
            String permissions = text(device, "CgroupPermissions");
            container.devices.add(Setting.of(onHost + ":" + (inContainer == null ? onHost : inContainer)
                    + (permissions == null ? "" : ":" + permissions), origin));
        }
        strings(host, "DeviceCgroupRules").forEach(rule -> container.deviceCgroupRules.add(Setting.of(rule, origin)));
        JsonNode healthcheck = EngineJson.at(config, "Healthcheck");
        if (healthcheck != null && healthcheck.isObject()) {
            List<String> test = strings(healthcheck, "Test");
            container.probes.add(new Probe(Probe.Kind.HEALTHCHECK, !test.isEmpty() && test.getFirst().equals("NONE"), origin));
        }
        container.resources = resources(host, origin);

        String imageId = text(inspect, "Image");
        container.runtime = new RuntimeState(
                text(inspect, "State", "Status"),
                (int) number(inspect, "RestartCount"),
                text(inspect, "State", "Health", "Status"),
                (int) number(inspect, "State", "Health", "FailingStreak"),
                imageId,
                imageId == null ? List.of() : repoDigestsByImageId.getOrDefault(imageId, List.of()),
                origin);

        Map<String, String> labels = stringMap(config, "Labels");
        List<KeyValue> labelEntries = new ArrayList<>(labels.size());
        labels.forEach((key, value) -> labelEntries.add(new KeyValue(key, value, origin)));
        Workload workload = new Workload("container", name, null, SourceKind.LIVE_DOCKER, origin, 0,
                Setting.unset(origin), restartPolicy(inspect, host, origin), List.of(container.build()), labelEntries, Map.of());
        return new Read(workload, SuppressionLabels.of(labels, origin));
    }

    /**
     * What the container runs: {@code Config.Entrypoint} then {@code Config.Cmd} (the image's, with the
     * container's own on top; a create request's, as the client sent them), else the {@code Path} and
     * {@code Args} the engine started. Empty items are kept: {@code --save ""} is a value.
     */
    static List<String> command(JsonNode inspect, JsonNode config) {
        List<String> command = new ArrayList<>(texts(config, "Entrypoint"));
        command.addAll(texts(config, "Cmd"));
        if (!command.isEmpty()) return command;
        String path = text(inspect, "Path");
        if (path == null || path.isEmpty()) return command;
        command.add(path);
        command.addAll(texts(inspect, "Args"));
        return command;
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : items(node, field)) {
            if (item.isTextual()) texts.add(item.asText());
        }
        return texts;
    }

    /**
     * {@code MaskedPaths} and {@code ReadonlyPaths} as the engine keeps them: absent or null means
     * Docker's defaults; the docker CLI and Compose send both empty for {@code systempaths=unconfined}.
     */
    private static void unmaskedPaths(JsonNode host, Origin origin, ContainerBuilder container) {
        List<String> unmasked = new ArrayList<>();
        JsonNode masked = EngineJson.at(host, "MaskedPaths");
        if (masked != null && masked.isArray()) {
            List<String> listed = strings(host, "MaskedPaths");
            DEFAULT_MASKED_PATHS.stream().filter(path -> !listed.contains(path)).forEach(unmasked::add);
        }
        JsonNode readOnly = EngineJson.at(host, "ReadonlyPaths");
        if (readOnly != null && readOnly.isArray()) {
            List<String> listed = strings(host, "ReadonlyPaths");
            DEFAULT_READONLY_PATHS.stream().filter(path -> !listed.contains(path)).forEach(unmasked::add);
        }
        if (unmasked.isEmpty()) return;
        boolean all = unmasked.size() == DEFAULT_MASKED_PATHS.size() + DEFAULT_READONLY_PATHS.size();
        container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS,
                all ? "unconfined" : String.join(",", unmasked), origin));
    }

    private void readMounts(JsonNode inspect, JsonNode host, Origin origin, ContainerBuilder container) {
        Set<String> targets = new HashSet<>();
        for (JsonNode mount : items(inspect, "Mounts")) {
            String target = text(mount, "Destination");
            if (target == null) continue;
            String type = text(mount, "Type");
            Mount.Type kind = type == null ? (text(mount, "Name") != null ? Mount.Type.VOLUME : Mount.Type.BIND) : switch (type) {
                case "bind" -> Mount.Type.BIND;
                case "volume" -> Mount.Type.VOLUME;
                case "tmpfs" -> Mount.Type.TMPFS;
                default -> Mount.Type.OTHER;
            };
            String source = switch (kind) {
                case VOLUME -> text(mount, "Name");
                case TMPFS -> null;
                default -> text(mount, "Source");
            };
            boolean writable = EngineJson.at(mount, "RW") == null || isTrue(mount, "RW");
            Mount read = new Mount(kind, source, target, Setting.of(!writable, origin), origin);
            LocalVolumeMount local = kind == Mount.Type.VOLUME && source != null ? volumesByName.get(source) : null;
            container.mounts.addAll(local == null ? List.of(read) : local.mountsFor(read));
            targets.add(target);
        }
        // --tmpfs mounts are not listed under Mounts
        stringMap(host, "Tmpfs").forEach((target, options) -> {
            if (!targets.add(target)) return;
            boolean readOnly = false;
            String size = null;
            for (String option : options.split(",")) {
                if (option.equals("ro")) readOnly = true;
                if (size == null && option.startsWith("size=")) size = option.substring("size=".length());
            }
            container.mounts.add(new Mount(Mount.Type.TMPFS, null, target, Setting.of(readOnly, origin), origin,
                    size == null ? Setting.unset(origin) : Setting.of(size, origin)));
        });
    }

    private static void readPorts(JsonNode config, JsonNode host, Origin origin, ContainerBuilder container) {
        Set<String> published = new HashSet<>();
        for (Map.Entry<String, JsonNode> binding : fields(host, "PortBindings")) {
            String[] port = splitPort(binding.getKey());
            published.add(binding.getKey());
            List<JsonNode> hostBindings = items(binding.getValue());
            if (hostBindings.isEmpty()) {
                container.ports.add(new Port(Setting.unset(origin), "", port[0], port[1], origin));
            }
            for (JsonNode hostBinding : hostBindings) {
                String hostIp = text(hostBinding, "HostIp");
                String hostPort = text(hostBinding, "HostPort");
                container.ports.add(new Port(hostIp == null ? Setting.unset(origin) : Setting.of(hostIp, origin),
                        hostPort == null ? "" : hostPort, port[0], port[1], origin));
            }
        }
        boolean publishAll = isTrue(host, "PublishAllPorts");
        for (Map.Entry<String, JsonNode> exposed : fields(config, "ExposedPorts")) {
            if (published.contains(exposed.getKey())) continue;
            String[] port = splitPort(exposed.getKey());
            container.ports.add(new Port(Setting.unset(origin), publishAll ? "" : null, port[0], port[1], origin));
        }
    }

    /** "80/tcp" as {"80", "tcp"}. */
    private static String[] splitPort(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? new String[] {key, "tcp"} : new String[] {key.substring(0, slash), key.substring(slash + 1)};
    }

    private static Resources resources(JsonNode host, Origin origin) {
        long memory = number(host, "Memory");
        long nanoCpus = number(host, "NanoCpus");
        long quota = number(host, "CpuQuota");
        long period = number(host, "CpuPeriod");
        long pids = number(host, "PidsLimit");
        String cpus = nanoCpus > 0 ? cpus(nanoCpus, 1_000_000_000L)
                : quota > 0 ? cpus(quota, period > 0 ? period : 100_000L) : null;
        return new Resources(
                memory > 0 ? Setting.of(Long.toString(memory), origin) : Setting.unset(origin),
                cpus != null ? Setting.of(cpus, origin) : Setting.unset(origin),
                pids > 0 ? Setting.of(pids, origin) : Setting.unset(origin));
    }

    /** A CPU count as docker writes it: "0.5", "2". */
    static String cpus(long amount, long perCpu) {
        return BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(perCpu), 3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static Setting<String> restartPolicy(JsonNode inspect, JsonNode host, Origin origin) {
        if (text(inspect, "Config", "Labels", SWARM_TASK_LABEL) != null) {
            // Swarm, not the engine, replaces a task's container: its service's restart condition is what counts
            return Setting.of(SWARM_RESTARTS, origin);
        }
        String name = text(host, "RestartPolicy", "Name");
        if (name == null) return Setting.unset(origin);
        long retries = number(host, "RestartPolicy", "MaximumRetryCount");
        return Setting.of(name.equals("on-failure") && retries > 0 ? name + ":" + retries : name, origin);
    }
}
