package dev.shipshape.gate.differential;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.gate.observe.ContainerSummary;
import dev.shipshape.gate.observe.MountSummary;
import dev.shipshape.gate.observe.VolumeSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The same summaries as {@link ContainerSummary} and {@link VolumeSummary}, computed from what the
 * daemon stored ({@code GET /containers/{id}/json}, {@code /exec/{id}/json}, {@code /services/{id}},
 * {@code /volumes/{name}}) and read as the runtime will act on it: a user as runc parses it, a
 * capability as the engine normalises it, a volume as {@code mount(2)} will mount it. Written
 * independently of the gate's readers, so that a reading shared by both cannot hide a difference.
 */
final class DaemonSummary {

    private static final String ANONYMOUS_VOLUME = "[0-9a-f]{64}";

    private final Function<String, JsonNode> volumeInspect;
    private final Function<String, JsonNode> containerInspect;
    private final String cgroupnsDefault;
    private final Path daemonWorkingFolder;

    /**
     * @param volumeInspect       a volume's {@code GET /volumes/{name}}
     * @param containerInspect    a container's {@code GET /containers/{id}/json}, to name the container a {@code container:ID} mode joins
     * @param cgroupnsDefault     the cgroup namespace mode the daemon stores when a request states none
     * @param daemonWorkingFolder where a relative {@code device} of a local volume resolves
     */
    DaemonSummary(Function<String, JsonNode> volumeInspect, Function<String, JsonNode> containerInspect, String cgroupnsDefault,
            Path daemonWorkingFolder) {
        this.volumeInspect = volumeInspect;
        this.containerInspect = containerInspect;
        this.cgroupnsDefault = cgroupnsDefault;
        this.daemonWorkingFolder = daemonWorkingFolder;
    }

    ContainerSummary container(JsonNode inspect) {
        JsonNode host = inspect.path("HostConfig");
        JsonNode config = inspect.path("Config");
        boolean privileged = host.path("Privileged").asBoolean(false);
        boolean noNewPrivileges = false;
        List<String> options = new ArrayList<>();
        for (String option : strings(host.path("SecurityOpt"))) {
            int separator = firstSeparator(option);
            String key = (separator < 0 ? option : option.substring(0, separator)).strip().toLowerCase(Locale.ROOT);
            String value = separator < 0 ? "" : option.substring(separator + 1).strip();
            switch (key) {
                case "no-new-privileges" -> noNewPrivileges = value.isEmpty() || Boolean.parseBoolean(value);
                // the engine itself adds label=disable to a privileged container (the model leaves it out likewise)
                case "label" -> {
                    if (!(privileged && value.equals("disable"))) options.add(key + "=" + value);
                }
                case "seccomp", "apparmor" -> options.add(key + "=" + value);
                default -> options.add(option);
            }
        }
        List<MountSummary> mounts = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (JsonNode mount : items(inspect.path("Mounts"))) {
            String target = mount.path("Destination").asText("");
            boolean readOnly = !mount.path("RW").asBoolean(true);
            targets.add(target);
            mounts.add(switch (mount.path("Type").asText("")) {
                case "volume" -> volumeMount(mount.path("Name").asText(""), mount.path("Driver").asText("local"), target, readOnly);
                case "tmpfs" -> new MountSummary("tmpfs", "", target, readOnly);
                case "bind" -> new MountSummary("bind", mount.path("Source").asText(""), target, readOnly);
                default -> new MountSummary(mount.path("Type").asText("").toLowerCase(Locale.ROOT), mount.path("Source").asText(""),
                        target, readOnly);
            });
        }
        host.path("Tmpfs").properties().forEach(tmpfs -> {
            if (targets.add(tmpfs.getKey())) {
                mounts.add(new MountSummary("tmpfs", "", tmpfs.getKey(), List.of(tmpfs.getValue().asText("").split(",")).contains("ro")));
            }
        });
        List<String> devices = new ArrayList<>();
        for (JsonNode device : items(host.path("Devices"))) {
            String onHost = device.path("PathOnHost").asText("");
            String inContainer = device.path("PathInContainer").asText("");
            String permissions = device.path("CgroupPermissions").asText("");
            devices.add(onHost + ":" + (inContainer.isEmpty() ? onHost : inContainer) + (permissions.isEmpty() ? "" : ":" + permissions));
        }
        strings(host.path("DeviceCgroupRules")).forEach(rule -> devices.add(ContainerSummary.deviceCgroupRule(rule)));
        List<String> ports = new ArrayList<>();
        Set<String> published = new HashSet<>();
        host.path("PortBindings").properties().forEach(binding -> {
            String[] port = splitPort(binding.getKey());
            published.add(binding.getKey());
            List<JsonNode> bindings = items(binding.getValue());
            if (bindings.isEmpty()) ports.add(ContainerSummary.port("", "", port[0], port[1]));
            for (JsonNode hostBinding : bindings) {
                ports.add(ContainerSummary.port(hostBinding.path("HostIp").asText(""), hostBinding.path("HostPort").asText(""), port[0], port[1]));
            }
        });
        if (host.path("PublishAllPorts").asBoolean(false)) {
            config.path("ExposedPorts").properties().forEach(exposed -> {
                if (published.contains(exposed.getKey())) return;
                String[] port = splitPort(exposed.getKey());
                ports.add(ContainerSummary.port("", "", port[0], port[1]));
            });
        }
        String cgroupns = host.path("CgroupnsMode").asText("");
        return new ContainerSummary(
                privileged,
                runcUser(config.path("User").asText("")),
                capabilities(host.path("CapAdd")),
                capabilities(host.path("CapDrop")),
                host.path("ReadonlyRootfs").asBoolean(false),
                noNewPrivileges,
                options,
                systemPaths(host),
                mounts,
                ContainerSummary.networkMode(joined(host.path("NetworkMode").asText(""))),
                joined(host.path("PidMode").asText("")),
                ContainerSummary.ipcMode(joined(host.path("IpcMode").asText(""))),
                host.path("UTSMode").asText(""),
                host.path("UsernsMode").asText(""),
                cgroupns.equals(cgroupnsDefault) ? "" : cgroupns,
                strings(host.path("VolumesFrom")),
                devices,
                ports);
    }

    /**
     * The gate's summary with a cgroup namespace mode that names the daemon's default made "", as
     * {@link #container} makes it: the daemon stores its default for a request that states none, so
     * stating the default and stating nothing are one request to it.
     */
    ContainerSummary withStoredDefaults(ContainerSummary modelled) {
        if (!modelled.cgroupnsMode().equals(cgroupnsDefault)) return modelled;
        return new ContainerSummary(modelled.privileged(), modelled.user(), modelled.capabilitiesAdded(), modelled.capabilitiesDropped(),
                modelled.readOnlyRootFilesystem(), modelled.noNewPrivileges(), modelled.securityOptions(), modelled.systemPaths(),
                modelled.mounts(), modelled.networkMode(), modelled.pidMode(), modelled.ipcMode(), modelled.utsMode(), modelled.usernsMode(),
                "", modelled.volumesFrom(), modelled.devices(), modelled.ports());
    }

    /** {@code container:NAME} for the {@code container:ID} the daemon stores when a mode joins another container's namespace. */
    private String joined(String mode) {
        if (!mode.startsWith("container:")) return mode;
        String name = containerInspect.apply(mode.substring("container:".length())).path("Name").asText("");
        return "container:" + (name.startsWith("/") ? name.substring(1) : name);
    }

    /** An exec ({@code GET /exec/{id}/json}): only whether it is privileged and its user; the rest is the container's own. */
    ContainerSummary exec(JsonNode exec) {
        JsonNode process = exec.path("ProcessConfig");
        return new ContainerSummary(process.path("privileged").asBoolean(false), runcUser(process.path("user").asText("")),
                List.of(), List.of(), false, false, List.of(), "default", List.of(), ContainerSummary.networkMode(""), "",
                ContainerSummary.ipcMode(""), "", "", "", List.of(), List.of(), List.of());
    }

    /** A Swarm service ({@code GET /services/{id}}): its task template's container. */
    ContainerSummary service(JsonNode service) {
        JsonNode spec = service.path("Spec");
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        JsonNode privileges = container.path("Privileges");
        List<String> options = new ArrayList<>();
        if (privileges.path("Seccomp").path("Mode").asText("").equals("unconfined")) options.add("seccomp=unconfined");
        if (privileges.path("AppArmor").path("Mode").asText("").equals("disabled")) options.add("apparmor=unconfined");
        if (privileges.path("SELinuxContext").path("Disable").asBoolean(false)) options.add("label=disable");
        List<MountSummary> mounts = new ArrayList<>();
        for (JsonNode mount : items(container.path("Mounts"))) {
            String type = mount.path("Type").asText("").toLowerCase(Locale.ROOT);
            String source = mount.path("Source").asText("");
            String target = mount.path("Target").asText("");
            boolean readOnly = mount.path("ReadOnly").asBoolean(false);
            JsonNode driver = mount.path("VolumeOptions").path("DriverConfig");
            if (type.equals("volume") && driver.isObject()) {
                String hostMount = hostMount(driver.path("Name").asText(""), stringMap(driver.path("Options")));
                if (!hostMount.isEmpty()) {
                    mounts.add(hostMountSummary(hostMount, target, readOnly));
                    continue;
                }
            }
            mounts.add(new MountSummary(type, type.equals("tmpfs") ? "" : source, target, readOnly));
        }
        List<String> ports = new ArrayList<>();
        for (JsonNode port : items(spec.path("EndpointSpec").path("Ports"))) {
            long publishedPort = port.path("PublishedPort").asLong(0);
            ports.add(ContainerSummary.port("", publishedPort > 0 ? Long.toString(publishedPort) : "",
                    Long.toString(port.path("TargetPort").asLong(0)), port.path("Protocol").asText("tcp")));
        }
        return new ContainerSummary(false, runcUser(container.path("User").asText("")),
                capabilities(container.path("CapabilityAdd")), capabilities(container.path("CapabilityDrop")),
                container.path("ReadOnly").asBoolean(false), privileges.path("NoNewPrivileges").asBoolean(false), options, "default",
                mounts, ContainerSummary.networkMode(""), "", ContainerSummary.ipcMode(""), "", "", "", List.of(), List.of(), ports);
    }

    VolumeSummary volume(JsonNode volume) {
        Map<String, String> options = stringMap(volume.path("Options"));
        String driver = volume.path("Driver").asText("local");
        return new VolumeSummary(volume.path("Name").asText(""), driver, options, hostMount(driver, options));
    }

    private MountSummary volumeMount(String name, String driver, String target, boolean readOnly) {
        JsonNode volume = volumeInspect.apply(name);
        String hostMount = hostMount(volume.path("Driver").asText(driver), stringMap(volume.path("Options")));
        if (!hostMount.isEmpty()) return hostMountSummary(hostMount, target, readOnly);
        return new MountSummary("volume", name.matches(ANONYMOUS_VOLUME) ? "" : name, target, readOnly);
    }

    /** A local volume that mounts a host path is that bind mount; one that mounts some other host file system is a {@code host-mount}. */
    private static MountSummary hostMountSummary(String hostMount, String target, boolean readOnly) {
        return hostMount.startsWith("bind ")
                ? new MountSummary("bind", hostMount.substring("bind ".length()), target, readOnly)
                : new MountSummary("host-mount", hostMount, target, readOnly);
    }

    /**
     * What the local driver's {@code mount(2)} takes from the host: {@code o} with {@code bind} binds
     * {@code device} whatever {@code type} says (a relative device resolves against dockerd's working
     * folder); a file system type other than tmpfs or a network one mounts {@code device} (proc, sysfs,
     * overlay layers, a block device). "" when nothing of the host is mounted.
     */
    String hostMount(String driver, Map<String, String> options) {
        if (!driver.isEmpty() && !driver.equals("local")) return "";
        String type = options.getOrDefault("type", "").strip();
        String mountOptions = options.getOrDefault("o", "").strip();
        String device = options.getOrDefault("device", "").strip();
        boolean bind = List.of(mountOptions.split(",")).stream().map(String::strip)
                .anyMatch(option -> option.equals("bind") || option.equals("rbind"));
        if (bind) return "bind " + (device.startsWith("/") ? device : daemonWorkingFolder.resolve(device).normalize().toString());
        if (type.isEmpty() || Set.of("none", "tmpfs", "nfs", "nfs4", "cifs", "smb3").contains(type)) return "";
        return (type + " " + device + " " + mountOptions).strip();
    }

    /** A user as runc reads it: each numeric part through Go's {@code strconv.Atoi} ({@code +0}, {@code -0}, {@code 00} are 0). */
    static String runcUser(String user) {
        if (user.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (String part : user.split(":", -1)) {
            parts.add(part.matches("[+-]?[0-9]+") ? Long.toString(Long.parseLong(part.startsWith("+") ? part.substring(1) : part)) : part);
        }
        return String.join(":", parts);
    }

    /** {@code net_admin}, {@code CAP_NET_ADMIN} and {@code NET_ADMIN} are one capability to the engine. */
    private static List<String> capabilities(JsonNode list) {
        return strings(list).stream().map(capability -> {
            String upper = capability.strip().toUpperCase(Locale.ROOT);
            return upper.startsWith("CAP_") ? upper.substring("CAP_".length()) : upper;
        }).toList();
    }

    /** An empty (not absent) list of masked or read-only paths unmasks /proc and /sys: what {@code systempaths=unconfined} sends. */
    private static String systemPaths(JsonNode host) {
        boolean unmasked = host.path("MaskedPaths").isArray() && host.path("MaskedPaths").isEmpty()
                || host.path("ReadonlyPaths").isArray() && host.path("ReadonlyPaths").isEmpty();
        return unmasked ? "unconfined" : "default";
    }

    private static String[] splitPort(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? new String[] {key, "tcp"} : new String[] {key.substring(0, slash), key.substring(slash + 1)};
    }

    private static int firstSeparator(String text) {
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        if (equals < 0) return colon;
        if (colon < 0) return equals;
        return Math.min(equals, colon);
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array.isArray()) array.forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode array) {
        return items(array).stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText("")));
        return map;
    }
}
