package dev.shipshape.load.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.LoadResult;
import dev.shipshape.load.docker.EngineObjects;
import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import dev.shipshape.policy.Enforcement.Action;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Docker API request, as the daemon passes it to its authorization plugin, into what the
 * gate judges. The requests that matter become the model: container creation (the whole body),
 * exec (privileged, its user), Swarm service creation and update, plugin installation and
 * upgrade (the privileges granted), volume and network creation. Every other request is not inspected.
 *
 * <p>Refused before anything else, whatever the policy: a URI that cannot be decoded, an API
 * version below {@value #MINIMUM_API_VERSION} (whose {@code /containers/{id}/start} may carry a
 * whole HostConfig), and a request whose body the gate needs but did not get (the daemon passes
 * only JSON bodies under its size limit, and still acts on the others).
 */
public final class DockerRequests {

    public static final String MINIMUM_API_VERSION = "1.24";

    /** What an exec can state: whether it is privileged, and its user. */
    private static final String PRIVILEGED = "privileged-container";
    private static final String ROOT = "runs-as-root";
    /** What a plugin's privileges can grant. */
    private static final Set<String> PLUGIN_RULES = Set.of(PRIVILEGED, "dangerous-capability", "host-network",
            "host-namespace-shared", "sensitive-host-path", "docker-socket-mounted", "host-device-mapped");
    /** What a volume that binds a host path can expose. */
    private static final Set<String> HOST_PATH_RULES = Set.of("sensitive-host-path", "docker-socket-mounted");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DockerRequests() {
    }

    private enum Route {
        CONTAINER_CREATE(Action.CONTAINER_CREATE, Body.OBJECT),
        CONTAINER_START(Action.CONTAINER_START, Body.NONE),
        CONTAINER_EXEC(Action.CONTAINER_EXEC, Body.OBJECT),
        SERVICE_CREATE(Action.SERVICE_CREATE, Body.OBJECT),
        SERVICE_UPDATE(Action.SERVICE_UPDATE, Body.OBJECT),
        PLUGIN_PULL(Action.PLUGIN_INSTALL, Body.ARRAY),
        PLUGIN_ENABLE(Action.PLUGIN_ENABLE, Body.NONE),
        PLUGIN_UPGRADE(Action.PLUGIN_MANAGE, Body.ARRAY),
        PLUGIN_MANAGE(Action.PLUGIN_MANAGE, Body.NONE),
        VOLUME_CREATE(Action.VOLUME_CREATE, Body.OBJECT),
        NETWORK_CREATE(Action.NETWORK_CREATE, Body.OBJECT);

        final Action action;
        final Body body;

        Route(Action action, Body body) {
            this.action = action;
            this.body = body;
        }
    }

    private enum Body { NONE, OBJECT, ARRAY }

    /** @param target the container, service or plugin the path names ("" when none) */
    private record Match(Route route, String target) {
    }

    public static DockerRequest read(AuthzRequest request) {
        Optional<RequestUri> parsed = RequestUri.parse(request.rawUri());
        if (parsed.isEmpty()) {
            return new DockerRequest(Optional.empty(), new GateInput.Refused("undecodable-uri",
                    "the request URI '%s' cannot be decoded, so what it asks for cannot be known".formatted(request.rawUri())));
        }
        RequestUri uri = parsed.get();
        if (uri.isOlderThan(MINIMUM_API_VERSION)) {
            return new DockerRequest(Optional.empty(), new GateInput.Refused("old-api-version",
                    ("API version %s is older than %s; requests of those versions can carry settings the gate does not "
                            + "check (a HostConfig when a container starts): use API %s or newer")
                            .formatted(uri.apiVersion().orElse("?"), MINIMUM_API_VERSION, MINIMUM_API_VERSION)));
        }
        Optional<Match> match = match(request.method(), uri);
        if (match.isEmpty()) return new DockerRequest(Optional.empty(), new GateInput.NotInspected());
        Route route = match.get().route();
        return new DockerRequest(Optional.of(route.action), input(request, uri, match.get()));
    }

    private static GateInput input(AuthzRequest request, RequestUri uri, Match match) {
        Route route = match.route();
        if (route.body == Body.NONE) return new GateInput.NotInspected();
        String call = request.method() + " " + uri.path();
        if (request.body().isEmpty()) {
            return new GateInput.Refused("missing-body", ("the body of %s did not reach shipshape (the daemon passes only "
                    + "JSON bodies under its size limit to authorization plugins, yet acts on the others), so it cannot be "
                    + "checked: send it as application/json, not chunked, under 1 MiB").formatted(call));
        }
        Optional<JsonNode> body = GoJson.read(request.body().get());
        if (body.isEmpty()) return new GateInput.Unreadable("the body of %s is not JSON".formatted(call));
        JsonNode json = body.get();
        if (route.body == Body.OBJECT && !json.isObject()) {
            return new GateInput.Unreadable("the body of %s is not a JSON object".formatted(call));
        }
        if (route.body == Body.ARRAY && !json.isArray() && !json.isNull()) {
            return new GateInput.Unreadable("the body of %s is not a JSON list of privileges".formatted(call));
        }
        return switch (route) {
            case CONTAINER_CREATE -> modelled(Inventory.builder()
                    .add(ContainerCreate.read(json, uri.parameter("name").orElse(null))), RuleScope.all());
            case CONTAINER_EXEC -> exec(json, match.target());
            case SERVICE_CREATE, SERVICE_UPDATE -> modelled(Inventory.builder().add(service(json, match.target())), RuleScope.all());
            case PLUGIN_PULL -> plugin(json, uri.parameter("name").filter(name -> !name.isBlank())
                    .or(() -> uri.parameter("remote")).orElse("(unnamed)"));
            case PLUGIN_UPGRADE -> plugin(json, match.target());
            case VOLUME_CREATE -> volume(json);
            case NETWORK_CREATE -> modelled(Inventory.builder().add(EngineObjects.network(json)), RuleScope.all());
            case CONTAINER_START, PLUGIN_ENABLE, PLUGIN_MANAGE -> new GateInput.NotInspected();
        };
    }

    private static Optional<Match> match(String method, RequestUri uri) {
        List<String> segments = uri.segments();
        int size = segments.size();
        if (size < 2) return Optional.empty();
        String first = segments.getFirst();
        String last = segments.getLast();
        if (method.equals("DELETE")) {
            return first.equals("plugins") ? Optional.of(new Match(Route.PLUGIN_MANAGE, join(segments, 1, size))) : Optional.empty();
        }
        if (!method.equals("POST")) return Optional.empty();
        Route route = switch (first) {
            case "containers" -> size == 2 && last.equals("create") ? Route.CONTAINER_CREATE
                    : size == 3 && last.equals("start") ? Route.CONTAINER_START
                    : size == 3 && last.equals("exec") ? Route.CONTAINER_EXEC : null;
            case "services" -> size == 2 && last.equals("create") ? Route.SERVICE_CREATE
                    : size == 3 && last.equals("update") ? Route.SERVICE_UPDATE : null;
            case "plugins" -> size == 2 ? switch (last) {
                case "pull" -> Route.PLUGIN_PULL;
                case "create" -> Route.PLUGIN_MANAGE;
                default -> null;
            } : switch (last) {
                case "enable" -> Route.PLUGIN_ENABLE;
                case "disable", "set" -> Route.PLUGIN_MANAGE;
                case "upgrade" -> Route.PLUGIN_UPGRADE;
                default -> null;
            };
            case "volumes" -> size == 2 && last.equals("create") ? Route.VOLUME_CREATE : null;
            case "networks" -> size == 2 && last.equals("create") ? Route.NETWORK_CREATE : null;
            default -> null;
        };
        if (route == null) return Optional.empty();
        String target = size > 2 ? join(segments, 1, size - 1) : "";
        return Optional.of(new Match(route, target));
    }

    private static String join(List<String> segments, int from, int to) {
        return String.join("/", segments.subList(from, to));
    }

    private static GateInput modelled(Inventory.Builder inventory, RuleScope scope) {
        return new GateInput.Modelled(new LoadResult(inventory.build(), List.of(), List.of(), List.of()), scope);
    }

    /** An exec as a container that states only what an exec can: privileged, its user, its environment. */
    private static GateInput exec(JsonNode body, String containerName) {
        Origin origin = Origin.live("exec in container " + containerName);
        ContainerBuilder exec = Container.builder(containerName, "exec in container '" + containerName + "'", false, origin);
        exec.privileged = Setting.of(body.path("Privileged").asBoolean(false), origin);
        String user = ContainerCreate.text(body, "User").strip();
        if (!user.isEmpty()) exec.user = Setting.of(user, origin);
        for (String variable : ContainerCreate.strings(body, "Env")) {
            int equals = variable.indexOf('=');
            if (equals > 0) exec.environment.add(EnvVar.literal(variable.substring(0, equals), variable.substring(equals + 1), false, origin));
        }
        Workload workload = new Workload("exec", containerName, null, SourceKind.COMPOSE, origin, 0,
                Setting.unset(origin), Setting.unset(origin), List.of(exec.build()), List.of(), Map.of());
        // an exec without a user runs as the container's own, which its creation was judged on
        Set<String> rules = user.isEmpty() ? Set.of(PRIVILEGED) : Set.of(PRIVILEGED, ROOT);
        return modelled(Inventory.builder().add(workload), RuleScope.named(rules));
    }

    /** A Swarm service spec, judged as a stack's service is. */
    private static Workload service(JsonNode spec, String serviceId) {
        ObjectNode service = NODES.objectNode();
        service.put("ID", serviceId.isEmpty() ? "request" : serviceId);
        service.set("Spec", spec);
        Workload read = EngineObjects.service(service);
        Container container = read.containers().getFirst();
        ContainerBuilder gate = ContainerCopy.of(container, container.description());
        Capabilities.normalize(gate);
        return ContainerCopy.withContainers(read, SourceKind.STACK, List.of(gate.build()));
    }

    /**
     * A plugin's privileges ({@code [{"Name":"network","Value":["host"]}, …]}, as moby's
     * {@code computePrivileges} names them) as a container that has them.
     */
    private static GateInput plugin(JsonNode privileges, String name) {
        Origin origin = Origin.live("plugin " + name);
        ContainerBuilder plugin = Container.builder(name, "plugin '" + name + "'", false, origin);
        for (JsonNode privilege : privileges.isArray() ? privileges : NODES.arrayNode()) {
            String kind = ContainerCreate.text(privilege, "Name").strip().toLowerCase(java.util.Locale.ROOT);
            for (String value : ContainerCreate.strings(privilege, "Value")) {
                switch (kind) {
                    case "network" -> plugin.networkMode = Setting.of(value, origin);
                    case "host pid namespace" -> plugin.pidMode = Setting.of("host", origin);
                    case "host ipc namespace" -> plugin.ipcMode = Setting.of("host", origin);
                    case "mount" -> plugin.mounts.add(new Mount(Mount.Type.BIND, value, value, Setting.unset(origin), origin));
                    case "device" -> plugin.devices.add(Setting.of(value, origin));
                    case "allow-all-devices" -> plugin.devices.add(Setting.of("every host device (allow-all-devices)", origin));
                    case "capabilities" -> plugin.capabilitiesAdded.add(Setting.of(value, origin));
                    default -> {
                        // a privilege moby does not grant is not one
                    }
                }
            }
        }
        Capabilities.normalize(plugin);
        Workload workload = new Workload("plugin", name, null, SourceKind.COMPOSE, origin, 0,
                Setting.unset(origin), Setting.unset(origin), List.of(plugin.build()), List.of(), Map.of());
        return modelled(Inventory.builder().add(workload), RuleScope.named(PLUGIN_RULES));
    }

    /**
     * A volume; one whose local driver options expose something of the host (a bind, a kernel
     * interface, a disk, an overlay's folders: {@link LocalVolumeMount}) is also judged as the mount
     * it will be, since a container that later mounts it by name shows none of its options.
     */
    private static GateInput volume(JsonNode body) {
        ObjectNode shaped = NODES.objectNode();
        if (body.has("Name")) shaped.set("Name", body.get("Name"));
        if (body.has("Driver")) shaped.set("Driver", body.get("Driver"));
        if (body.has("DriverOpts")) shaped.set("Options", body.get("DriverOpts"));
        Volume volume = EngineObjects.volume(shaped);
        Inventory.Builder inventory = Inventory.builder().add(volume);
        LocalVolumeMount mounted = LocalVolumeMount.of(volume.driver(), volume.driverOptions());
        Optional<String> hostPath = mounted.boundingHostPath();
        if (hostPath.isEmpty()) return modelled(inventory, RuleScope.all());
        Origin origin = volume.origin();
        ContainerBuilder user = Container.builder(volume.name(), "volume '" + volume.name() + "'", false, origin);
        user.mounts.add(new Mount(Mount.Type.BIND, hostPath.get(), "wherever the volume is mounted",
                mounted.readOnly() ? Setting.of(true, origin) : Setting.unset(origin), origin));
        inventory.add(new Workload("volume", volume.name(), null, SourceKind.COMPOSE, origin, 0,
                Setting.unset(origin), Setting.unset(origin), List.of(user.build()), List.of(), Map.of()));
        return modelled(inventory, RuleScope.named(HOST_PATH_RULES));
    }
}
