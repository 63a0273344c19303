package dev.shipshape.load.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.shipshape.policy.Enforcement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Docker API request, as the daemon passes it to its authorization plugin, into what the
 * gate judges. The target is read as Go reads it ({@link RequestUri}) and routed as dockerd's router
 * routes it ({@link EngineEndpoints}); the body of a judged endpoint is decoded as Go decodes it
 * ({@link GoJson}) into the model: container creation (the whole body, legacy top-level HostConfig
 * fields included), exec (privileged, its user), Swarm service creation and update, plugin
 * installation and upgrade (the privileges granted), volume and network creation; a build's query
 * and a swarm init's addresses decide whether they are the guarded action they can be.
 *
 * <p>Refused before anything else, whatever the policy: a target Go would not parse, a mutating
 * request that matches no endpoint, an API version below {@value #MINIMUM_API_VERSION} (whose
 * {@code /containers/{id}/start} may carry a whole HostConfig), a judged request whose body the
 * gate needs but did not get (the daemon passes only JSON bodies under its size limit, and still
 * acts on the others), and a body the gate cannot be sure to read as dockerd does.
 */
public final class DockerRequests {

    public static final String MINIMUM_API_VERSION = "1.24";
    /** The reason of a denial for a request the gate cannot read exactly as dockerd does. */
    public static final String UNDECIDABLE = "undecidable-request";

    /** What an exec can state: whether it is privileged, and its user. */
    private static final String PRIVILEGED = "privileged-container";
    private static final String ROOT = "runs-as-root";
    /** What a plugin's privileges can grant. */
    private static final Set<String> PLUGIN_RULES = Set.of(PRIVILEGED, "dangerous-capability", "host-network",
            "host-namespace-shared", "sensitive-host-path", "docker-socket-mounted", "host-device-mapped");
    /** What a volume that binds a host path can expose. */
    private static final Set<String> HOST_PATH_RULES = Set.of("sensitive-host-path", "docker-socket-mounted");
    /** Networks every daemon has, which a service names by name. */
    private static final Set<String> PREDEFINED_NETWORKS = Set.of("host", "bridge", "none", "ingress");
    /** The length of a swarm object ID (base 36). */
    private static final int SWARM_ID_LENGTH = 25;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DockerRequests() {
    }

    public static DockerRequest read(AuthzRequest request) {
        String method = request.method();
        RequestUri uri;
        switch (RequestUri.parse(request.rawUri())) {
            case RequestUri.Invalid(String problem) -> {
                return new DockerRequest(Optional.empty(), new GateInput.Refused(UNDECIDABLE,
                        "%s '%s': %s, so what it asks for cannot be known".formatted(method, request.rawUri(), problem)),
                        Optional.empty(), "");
            }
            case RequestUri.Valid(RequestUri valid) -> uri = valid;
        }
        Optional<EngineEndpoints.Route> routed = EngineEndpoints.route(method, uri.path());
        if (routed.isEmpty()) {
            GateInput input = method.equals("GET") || method.equals("HEAD") ? new GateInput.NotInspected()
                    : new GateInput.Refused("unclassified-request", ("%s %s is not an Engine API endpoint shipshape knows (it routes "
                    + "the path %s nowhere), and a change the gate cannot classify is denied").formatted(method, request.rawUri(),
                    uri.path().isEmpty() ? "(none)" : "'" + uri.path() + "'"));
            return new DockerRequest(Optional.empty(), input, Optional.empty(), "");
        }
        EngineEndpoints.Route route = routed.get();
        EngineEndpoints.Endpoint endpoint = route.endpoint();
        if (route.apiVersion().isPresent() && isOlderThan(route.apiVersion().get(), MINIMUM_API_VERSION)) {
            return new DockerRequest(endpoint.action(), new GateInput.Refused("old-api-version",
                    ("API version %s is older than %s; requests of those versions can carry settings the gate does not "
                            + "check (a HostConfig when a container starts): use API %s or newer")
                            .formatted(route.apiVersion().get(), MINIMUM_API_VERSION, MINIMUM_API_VERSION)),
                    Optional.of(endpoint), route.object());
        }
        if (endpoint.handling() != EngineEndpoints.Handling.JUDGED) {
            return new DockerRequest(endpoint.action(), new GateInput.NotInspected(), Optional.of(endpoint), route.object());
        }
        return judged(request, uri, route);
    }

    private static DockerRequest judged(AuthzRequest request, RequestUri uri, EngineEndpoints.Route route) {
        EngineEndpoints.Endpoint endpoint = route.endpoint();
        String call = request.method() + " " + route.path();
        String object = switch (endpoint.reading()) {
            case CONTAINER_CREATE -> uri.parameter("name").orElse("");
            case PLUGIN_PULL -> uri.parameter("name").filter(name -> !name.isBlank()).or(() -> uri.parameter("remote")).orElse("");
            default -> route.object();
        };
        if (endpoint.reading() == EngineEndpoints.Reading.BUILD) return build(request, uri, endpoint);
        if (request.body().isEmpty()) {
            return new DockerRequest(endpoint.action(), new GateInput.Refused("missing-body", ("the body of %s did not reach shipshape "
                    + "(the daemon passes only JSON bodies under its size limit to authorization plugins, yet acts on the others), "
                    + "so it cannot be checked: send it as application/json, not chunked, under 1 MiB").formatted(call)),
                    Optional.of(endpoint), object);
        }
        GoType type = switch (endpoint.reading()) {
            case CONTAINER_CREATE -> EngineBodies.CONTAINER_CREATE;
            case CONTAINER_EXEC -> EngineBodies.EXEC;
            case SERVICE_CREATE, SERVICE_UPDATE -> EngineBodies.SERVICE_SPEC;
            case PLUGIN_PULL, PLUGIN_UPGRADE -> EngineBodies.PLUGIN_PRIVILEGES;
            case VOLUME_CREATE -> EngineBodies.VOLUME_CREATE;
            case NETWORK_CREATE -> EngineBodies.NETWORK_CREATE;
            case SWARM_INIT -> EngineBodies.SWARM_INIT;
            case BUILD, NONE -> throw new IllegalStateException("no body to read for " + call);
        };
        JsonNode json;
        switch (GoJson.read(request.body().get(), type)) {
            case GoJson.Undecidable(String problem) -> {
                return new DockerRequest(endpoint.action(), undecidable(call, problem), Optional.of(endpoint), object);
            }
            case GoJson.Decoded(JsonNode decoded) -> json = decoded;
        }
        if (json.isNull()) json = type instanceof GoType.Struct ? NODES.objectNode() : NODES.arrayNode();
        // volumes, networks and services are named in their body
        if (object.isEmpty()) object = ContainerCreate.text(json, "Name");
        Optional<Enforcement.Action> action = endpoint.action();
        GateInput input = switch (endpoint.reading()) {
            case CONTAINER_CREATE -> modelled(Inventory.builder()
                    .add(ContainerCreate.read(json, uri.parameter("name").orElse(null))), RuleScope.all());
            case CONTAINER_EXEC -> exec(json, object);
            case SERVICE_CREATE, SERVICE_UPDATE -> service(call, json, route.object());
            case PLUGIN_PULL, PLUGIN_UPGRADE -> plugin(json, object.isEmpty() ? "(unnamed)" : object);
            case VOLUME_CREATE -> volume(json);
            case NETWORK_CREATE -> modelled(Inventory.builder().add(EngineObjects.network(json)), RuleScope.all());
            case SWARM_INIT -> {
                if (onlyLoopback(json)) action = Optional.empty();
                yield new GateInput.NotInspected();
            }
            case BUILD, NONE -> throw new IllegalStateException("no body to read for " + call);
        };
        return new DockerRequest(action, input, Optional.of(endpoint), object);
    }

    private static GateInput.Refused undecidable(String call, String problem) {
        return new GateInput.Refused(UNDECIDABLE, "cannot tell what dockerd reads from the body of %s: %s".formatted(call, problem));
    }

    /**
     * {@code POST /build}: guarded as build-privileged when it asks for the host's network. The
     * daemon reads its options with {@code r.FormValue}, which also takes them from a form-encoded
     * body the gate never sees: such a build is undecidable. What the gate cannot see: dockerd's
     * form parser takes the <em>first</em> Content-Type header while the plugin is shown the
     * <em>last</em> one, so a request carrying a form type first and a tar type last hides a form body.
     * {@code enforce.guard-all-builds} closes that: every build is then build-privileged (see the handler).
     */
    private static DockerRequest build(AuthzRequest request, RequestUri uri, EngineEndpoints.Endpoint endpoint) {
        String contentType = request.header("Content-Type").orElse("").strip().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data")) {
            return new DockerRequest(endpoint.action(), new GateInput.Refused(UNDECIDABLE, ("POST /build with a %s body: dockerd takes "
                    + "build options (networkmode…) from such a body too, and the gate never sees it").formatted(contentType)),
                    Optional.of(endpoint), "");
        }
        boolean hostNetwork = uri.parameters("networkmode").stream().anyMatch(mode -> mode.strip().equalsIgnoreCase("host"));
        return new DockerRequest(hostNetwork ? endpoint.action() : Optional.empty(), new GateInput.NotInspected(), Optional.of(endpoint), "");
    }

    /** Whether a swarm init listens, advertises and carries data on loopback only (an empty address lets the daemon pick one that is not). */
    private static boolean onlyLoopback(JsonNode init) {
        for (String field : List.of("ListenAddr", "AdvertiseAddr", "DataPathAddr")) {
            String address = ContainerCreate.text(init, field).strip();
            if (field.equals("DataPathAddr") && address.isEmpty()) continue;
            if (!isLoopback(address)) return false;
        }
        return true;
    }

    private static boolean isLoopback(String address) {
        String host = address;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? host : host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equals("localhost") || host.equals("lo") || host.equals("::1") || host.startsWith("127.");
    }

    /** True when {@code version} is older than {@code minimum}, or is not a version at all ({@code .}, {@code 1..2}). */
    static boolean isOlderThan(String version, String minimum) {
        Optional<long[]> have = numbers(version);
        if (have.isEmpty()) return true;
        long[] wanted = numbers(minimum).orElseThrow();
        for (int index = 0; index < Math.max(have.get().length, wanted.length); index++) {
            long mine = index < have.get().length ? have.get()[index] : 0;
            long theirs = index < wanted.length ? wanted[index] : 0;
            if (mine != theirs) return mine < theirs;
        }
        return false;
    }

    private static Optional<long[]> numbers(String version) {
        String[] parts = version.split("\\.", -1);
        long[] numbers = new long[parts.length];
        for (int index = 0; index < parts.length; index++) {
            if (parts[index].isEmpty() || parts[index].length() > 9) return Optional.empty();
            numbers[index] = Long.parseLong(parts[index]);
        }
        return Optional.of(numbers);
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

    /**
     * A Swarm service spec, judged as a stack's service is. Swarm takes a mount's type in any case
     * ({@code BIND}), and a local volume with bind options is the host path it binds. Networks are
     * named by whatever the client wrote, and swarm resolves it as an ID, a name, then an ID prefix
     * (a local one for the predefined networks): a reference that could be an ID prefix, or a local
     * network's ID, may be the host network, and is undecidable; a full swarm ID is judged as a
     * network the gate cannot name.
     */
    private static GateInput service(String call, JsonNode spec, String serviceId) {
        // the decoded tree is this request's own: shaped in place
        ObjectNode shaped = (ObjectNode) spec;
        ObjectNode task = shaped.path("TaskTemplate").isObject() ? (ObjectNode) shaped.get("TaskTemplate") : shaped.putObject("TaskTemplate");
        ArrayNode networks = NODES.arrayNode();
        for (JsonNode network : ContainerCreate.items(task, "Networks")) networks.add(network);
        // swarm still honours the deprecated top-level Networks
        for (JsonNode network : ContainerCreate.items(shaped, "Networks")) networks.add(network);
        shaped.remove("Networks");
        for (JsonNode network : networks) {
            String target = ContainerCreate.text(network, "Target");
            Optional<String> problem = networkReferenceProblem(target);
            if (problem.isPresent()) return undecidable(call, "TaskTemplate.Networks names '%s', %s".formatted(target, problem.get()));
        }
        task.set("Networks", networks);
        JsonNode containerSpec = task.path("ContainerSpec");
        if (containerSpec.isObject()) {
            for (JsonNode mount : ContainerCreate.items(containerSpec, "Mounts")) {
                if (!(mount instanceof ObjectNode shapedMount)) continue;
                String type = ContainerCreate.text(mount, "Type").toLowerCase(Locale.ROOT);
                shapedMount.put("Type", type);
                String hostPath = type.equals("volume") ? ContainerCreate.bindDevice(mount.path("VolumeOptions").path("DriverConfig")) : null;
                if (hostPath != null) shapedMount.put("Type", "bind").put("Source", hostPath);
            }
        }
        ObjectNode service = NODES.objectNode();
        service.put("ID", serviceId.isEmpty() ? "request" : serviceId);
        service.set("Spec", shaped);
        Workload read = EngineObjects.service(service);
        Container container = read.containers().getFirst();
        ContainerBuilder gate = ContainerCopy.of(container, container.description());
        Capabilities.normalize(gate);
        return modelled(Inventory.builder().add(ContainerCopy.withContainers(read, SourceKind.STACK, List.of(gate.build()))), RuleScope.all());
    }

    /** Why a service's network reference cannot be judged by name, or empty when it can. */
    static Optional<String> networkReferenceProblem(String target) {
        if (PREDEFINED_NETWORKS.contains(target)) return Optional.empty();
        boolean base36 = !target.isEmpty();
        boolean hex = !target.isEmpty();
        for (int index = 0; index < target.length(); index++) {
            char c = target.charAt(index);
            boolean digit = c >= '0' && c <= '9';
            base36 &= digit || c >= 'a' && c <= 'z';
            hex &= digit || c >= 'a' && c <= 'f';
        }
        if (!base36) return Optional.empty();
        if (hex) {
            return Optional.of("which may be the ID or an ID prefix of a local network, through which the daemon reaches the "
                    + "predefined host network: name the network instead");
        }
        if (target.length() == SWARM_ID_LENGTH) return Optional.empty();
        return Optional.of("which may be a prefix of a network's ID (the host network's included), as the daemon resolves it "
                + "when no network has that name: name it with a '-', '_' or '.', or give the full ID");
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
