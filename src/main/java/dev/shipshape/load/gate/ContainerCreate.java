package dev.shipshape.load.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.docker.EngineObjects;
import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /containers/create} body as the model. The body is the container's {@code Config}
 * with its {@code HostConfig} and {@code NetworkingConfig}: the shape of a container's inspect
 * before the engine resolved it. It is turned into that inspect (binds, mounts and anonymous
 * volumes into {@code Mounts}, the networks it joins into {@code NetworkSettings}) and read by the
 * live audit's reader, so that a request and the container it makes are read alike.
 *
 * <p>Two things differ from a live container. The request carries only what the client stated,
 * not its image's USER and HEALTHCHECK, so the workload is judged as a Compose service is (unset
 * means the image decides); and nothing runs yet, so it has no runtime state. A local volume
 * mounted with driver options is what {@code mount(2)} makes of them ({@link #bindDevice(JsonNode)}).
 */
final class ContainerCreate {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContainerCreate() {
    }

    /**
     * @param wrapper the body as {@link GoJson} decoded it into {@link EngineBodies#CONTAINER_CREATE}
     * @param name    the {@code name} query parameter, or null when the daemon is to make one up
     */
    static Workload read(JsonNode wrapper, String name) {
        String shownName = name == null || name.isBlank() ? "(unnamed)" : name.strip();
        ObjectNode body = new ObjectNode(NODES, LinkedHashMap.newLinkedHashMap(wrapper.size() + 2));
        wrapper.properties().forEach(field -> {
            if (EngineBodies.CONFIG.has(field.getKey())) body.set(field.getKey(), field.getValue());
        });
        body.set("HostConfig", hostConfig(wrapper));
        if (wrapper.has("NetworkingConfig")) body.set("NetworkingConfig", wrapper.get("NetworkingConfig"));
        Workload read = EngineObjects.container(inspect(body, shownName));
        Container container = read.containers().getFirst();
        ContainerBuilder gate = ContainerCopy.of(container, container.description());
        gate.runtime = null;
        String networkMode = gate.networkMode.orElse("default").strip();
        if (networkMode.isEmpty() || networkMode.equals("default")) {
            // the engine's default network on Linux; a Compose reading would take "unset" for a project network
            gate.networkMode = Setting.of("bridge", gate.networkMode.origin());
        }
        Capabilities.normalize(gate);
        return ContainerCopy.withContainers(read, SourceKind.COMPOSE, List.of(gate.build()));
    }

    /** Resource fields v20.10 copies from the top level into a named HostConfig that leaves them zero. */
    private static final List<String> COPIED_NUMBERS = List.of("Memory", "MemorySwap", "CpuShares");
    private static final List<String> COPIED_TEXTS = List.of("CpusetCpus", "VolumeDriver");

    /**
     * The HostConfig dockerd 20.10 uses ({@code runconfig.ContainerConfigWrapper.getHostConfig}): the
     * body embeds a deprecated {@code *container.HostConfig} at its top level beside the named
     * {@code HostConfig}. Without a named one (or with {@code "HostConfig": null}) the top-level
     * fields are the host config, {@code Privileged}, {@code Binds}, {@code PidMode} and all; with
     * one, it wins, except for {@code Memory}, {@code MemorySwap}, {@code CpuShares},
     * {@code CpusetCpus} and {@code VolumeDriver}, taken from the top level where it leaves them
     * zero; the top-level {@code Cpuset} fills an empty {@code CpusetCpus}. (Newer Engines ignore
     * top-level fields; judging them too only denies more.)
     */
    static ObjectNode hostConfig(JsonNode wrapper) {
        ObjectNode top = new ObjectNode(NODES, LinkedHashMap.newLinkedHashMap(wrapper.size()));
        wrapper.properties().forEach(field -> {
            if (EngineBodies.HOST_CONFIG.has(field.getKey())) top.set(field.getKey(), field.getValue());
        });
        JsonNode named = wrapper.get("HostConfig");
        ObjectNode host;
        if (named instanceof ObjectNode inner) {
            // the decoded tree is this request's own: completed in place
            host = inner;
            for (String field : COPIED_NUMBERS) {
                if (top.path(field).asLong(0) != 0 && host.path(field).asLong(0) == 0) host.set(field, top.get(field));
            }
            for (String field : COPIED_TEXTS) {
                if (!text(top, field).isEmpty() && text(host, field).isEmpty()) host.set(field, top.get(field));
            }
        } else {
            host = top;
        }
        String cpuset = text(wrapper, "Cpuset");
        if (!cpuset.isEmpty() && text(host, "CpusetCpus").isEmpty()) host.put("CpusetCpus", cpuset);
        return host;
    }

    private static ObjectNode inspect(JsonNode body, String name) {
        ObjectNode inspect = NODES.objectNode();
        inspect.put("Id", "request");
        inspect.put("Name", name);
        inspect.set("Config", body.isObject() ? body : NODES.objectNode());
        JsonNode written = body.path("HostConfig");
        ObjectNode host = written.isObject() ? (ObjectNode) written : NODES.objectNode();
        ArrayNode mounts = inspect.putArray("Mounts");
        Set<String> targets = new HashSet<>();

        for (String bind : strings(host, "Binds")) {
            List<String> parts = List.of(bind.split(":", -1));
            if (parts.size() < 2) continue;
            String source = mountPath(parts.get(0));
            String target = mountPath(parts.get(1));
            boolean readOnly = parts.size() > 2 && List.of(parts.get(2).split(",")).contains("ro");
            ObjectNode mount = mounts.addObject();
            if (source.startsWith("/")) {
                mount.put("Type", "bind").put("Source", source);
            } else {
                mount.put("Type", "volume").put("Name", source);
            }
            mount.put("Destination", target).put("RW", !readOnly);
            targets.add(target);
        }
        // the Tmpfs with the tmpfs mounts added, made at the first one; null while there is none
        ObjectNode tmpfs = null;
        for (JsonNode item : items(host, "Mounts")) {
            String type = text(item, "Type").toLowerCase(Locale.ROOT);
            String target = mountPath(text(item, "Target"));
            if (target.isEmpty()) continue;
            boolean readOnly = item.path("ReadOnly").asBoolean(false);
            if (type.equals("tmpfs")) {
                long size = item.path("TmpfsOptions").path("SizeBytes").asLong(0);
                List<String> options = new ArrayList<>();
                if (size > 0) options.add("size=" + size);
                if (readOnly) options.add("ro");
                if (tmpfs == null) {
                    tmpfs = NODES.objectNode();
                    if (host.path("Tmpfs").isObject()) tmpfs.setAll((ObjectNode) host.get("Tmpfs"));
                }
                tmpfs.put(target, String.join(",", options));
                continue;
            }
            ObjectNode mount = mounts.addObject();
            String hostPath = type.equals("volume") ? bindDevice(item.path("VolumeOptions").path("DriverConfig")) : null;
            if (hostPath != null) {
                mount.put("Type", "bind").put("Source", hostPath);
            } else if (type.equals("volume")) {
                mount.put("Type", "volume");
                if (!text(item, "Source").isEmpty()) mount.put("Name", text(item, "Source"));
            } else {
                mount.put("Type", type.isEmpty() ? "bind" : type).put("Source", mountPath(text(item, "Source")));
            }
            mount.put("Destination", target).put("RW", !readOnly);
            targets.add(target);
        }
        body.path("Volumes").fieldNames().forEachRemaining(stated -> {
            String target = mountPath(stated);
            if (targets.add(target)) mounts.addObject().put("Type", "volume").put("Destination", target).put("RW", true);
        });
        if (tmpfs != null) {
            // a shallow copy: only its Tmpfs is replaced, and the request's own tree is left as it came
            ObjectNode copy = new ObjectNode(NODES, LinkedHashMap.newLinkedHashMap(host.size() + 1));
            copy.setAll(host);
            copy.set("Tmpfs", tmpfs);
            host = copy;
        }
        inspect.set("HostConfig", host);
        JsonNode endpoints = body.path("NetworkingConfig").path("EndpointsConfig");
        if (endpoints.isObject()) inspect.putObject("NetworkSettings").set("Networks", endpoints);
        return inspect;
    }

    /**
     * A rooted mount path as dockerd's mount parser stores it, through Go's {@code path.Clean}:
     * {@code /data/} is {@code /data}, {@code /etc/..} is {@code /}. A relative path (a volume's
     * name, or a target the daemon refuses) is left as written.
     */
    static String mountPath(String path) {
        if (!path.startsWith("/")) return path;
        String cleaned = RequestUri.clean(path);
        return cleaned.length() > 1 && cleaned.endsWith("/") ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
    }

    /**
     * The host path a volume's driver configuration exposes, or null: read as {@code mount(2)} will
     * do it ({@link LocalVolumeMount}): a bind of {@code device} whenever {@code o} holds
     * {@code bind}, a kernel interface ({@code type=proc} is the host's {@code /proc}), a host disk,
     * the folder an overlay's folders share, or the host's root for a relative {@code device}.
     */
    static String bindDevice(JsonNode driverConfig) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        driverConfig.path("Options").fields().forEachRemaining(option -> {
            if (option.getValue().isValueNode() && !option.getValue().isNull()) options.put(option.getKey(), option.getValue().asText(""));
        });
        return LocalVolumeMount.of(text(driverConfig, "Name"), options).boundingHostPath().orElse(null);
    }

    static String bindDevice(String type, String options, String device) {
        return bindDevice(Map.of("type", type, "o", options, "device", device));
    }

    static String bindDevice(Map<String, String> driverOptions) {
        return LocalVolumeMount.of("local", driverOptions).boundingHostPath().orElse(null);
    }

    static List<String> strings(JsonNode node, String field) {
        List<String> strings = new ArrayList<>();
        JsonNode array = node.path(field);
        if (array.isArray()) array.forEach(item -> {
            if (item.isTextual()) strings.add(item.asText());
        });
        return strings;
    }

    static List<JsonNode> items(JsonNode node, String field) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode array = node.path(field);
        if (array.isArray()) array.forEach(items::add);
        return items;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText("") : "";
    }
}
