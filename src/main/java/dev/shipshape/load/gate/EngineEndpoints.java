package dev.shipshape.load.gate;

import dev.shipshape.policy.Enforcement.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Docker Engine API endpoint from API 1.24 to the newest (moby v20.10's routers and master's,
 * which add none between them but {@code PUT /volumes/{name}} and the attestations read), as
 * dockerd's gorilla/mux router matches it, and what the gate does with it:
 *
 * <ul>
 *   <li><b>judged</b>: what it asks for is read (its body, or its query) and judged;
 *   <li><b>harmless</b>: it reads, stops, removes or otherwise cannot widen what was admitted;
 *   <li><b>guarded</b>: denied unless {@code enforce.allowed-users.<action>} lists the user.
 * </ul>
 * A mutating request (not GET or HEAD) that matches no endpoint is denied: what the gate does not
 * know it does not let through.
 *
 * <p>Matching is mux's: each route is registered as {@code /v{version:[0-9.]+}} + template and as
 * the bare template, in this order; {@code {name:.*}} matches across slashes ({@code
 * /containers/a/b/exec} is container {@code a/b}), {@code {id}} one segment, {@code {id:.+}} one
 * character or more; the first route that matches wins. Templates are compiled once, no regex runs
 * per request.
 */
public final class EngineEndpoints {

    public enum Handling {
        JUDGED, HARMLESS, GUARDED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which reader the gate runs on a judged endpoint. */
    public enum Reading {
        NONE, CONTAINER_CREATE, CONTAINER_EXEC, SERVICE_CREATE, SERVICE_UPDATE, PLUGIN_PULL, PLUGIN_UPGRADE,
        VOLUME_CREATE, NETWORK_CREATE, BUILD, SWARM_INIT
    }

    /**
     * One endpoint.
     *
     * @param method   GET, POST… ("*" for the debug routes, which take any method)
     * @param template mux's path template, without the version prefix
     * @param action   the action {@code allowed-users} names it by (for BUILD and SWARM_INIT, the one that applies when the reader says so)
     * @param note     why it is handled so
     */
    public record Endpoint(String method, String template, Handling handling, Optional<Action> action, Reading reading, String note) {

        /** {@code POST /containers/{name:.*}/exec}: how the decision log names it. */
        public String display() {
            return method + " " + template;
        }
    }

    /**
     * A request routed to an endpoint.
     *
     * @param object     the path variable's value ("" when the template has none): the container, service, plugin…
     * @param apiVersion the version prefix's number, when the versioned route matched
     * @param path       the path without its version prefix: {@code /containers/web/exec}
     */
    public record Route(Endpoint endpoint, String object, Optional<String> apiVersion, String path) {
    }

    private static final List<Compiled> TABLE = new ArrayList<>();

    private static final String READS = "reads the daemon's state";

    static {
        // judged
        judged("POST", "/containers/create", Reading.CONTAINER_CREATE, Action.CONTAINER_CREATE, "the container is judged as it will be made");
        judged("POST", "/containers/{name:.*}/exec", Reading.CONTAINER_EXEC, Action.CONTAINER_EXEC, "privileged and user of the exec are judged");
        judged("POST", "/services/create", Reading.SERVICE_CREATE, Action.SERVICE_CREATE, "the service's task template is judged");
        judged("POST", "/services/{id}/update", Reading.SERVICE_UPDATE, Action.SERVICE_UPDATE, "the new spec is judged whole");
        judged("POST", "/plugins/pull", Reading.PLUGIN_PULL, Action.PLUGIN_INSTALL, "the privileges granted are judged");
        judged("POST", "/plugins/{name:.*}/upgrade", Reading.PLUGIN_UPGRADE, Action.PLUGIN_MANAGE,
                "guarded like plugin-manage, and the privileges granted are judged");
        judged("POST", "/volumes/create", Reading.VOLUME_CREATE, Action.VOLUME_CREATE, "driver options that bind a host path are judged");
        judged("POST", "/networks/create", Reading.NETWORK_CREATE, Action.NETWORK_CREATE, "the network is judged");
        judged("POST", "/build", Reading.BUILD, Action.BUILD_PRIVILEGED, "guarded as build-privileged with networkmode=host");
        judged("POST", "/swarm/init", Reading.SWARM_INIT, Action.SWARM_INIT, "guarded as swarm-init unless every address is loopback");
        // guarded
        guarded("POST", "/swarm/join", Action.SWARM_JOIN);
        guarded("POST", "/swarm/update", Action.SWARM_MANAGE);
        guarded("POST", "/grpc", Action.BUILD_PRIVILEGED);
        guarded("POST", "/plugins/{name:.*}/disable", Action.PLUGIN_MANAGE);
        guarded("POST", "/plugins/{name:.*}/set", Action.PLUGIN_MANAGE);
        guarded("POST", "/plugins/create", Action.PLUGIN_MANAGE);
        guarded("DELETE", "/plugins/{name:.*}", Action.PLUGIN_MANAGE);
        // harmless, named for allowed-users
        harmless("POST", "/containers/{name:.*}/start", Action.CONTAINER_START,
                "from API 1.24 a start carries no configuration (older versions are refused)");
        harmless("POST", "/plugins/{name:.*}/enable", Action.PLUGIN_ENABLE, "enables a plugin whose privileges were judged at install");
        // harmless: containers
        for (String verb : List.of("kill", "pause", "unpause", "restart", "stop", "wait", "resize", "attach", "rename")) {
            harmless("POST", "/containers/{name:.*}/" + verb, null, "acts on a container that was judged when it was made");
        }
        harmless("POST", "/containers/{name:.*}/update", null,
                "changes resources and the restart policy only: the daemon copies no privilege, device or mount from it");
        harmless("POST", "/containers/{name:.*}/copy", null, "removed API (errors since 1.12)");
        harmless("POST", "/containers/{name:.*}/checkpoints", null, "checkpoints a container (experimental)");
        harmless("POST", "/containers/prune", null, "removes stopped containers");
        harmless("POST", "/commit", null, "makes an image; a container made from it is judged then");
        harmless("PUT", "/containers/{name:.*}/archive", null, "writes into the container's own filesystem");
        harmless("DELETE", "/containers/{name}/checkpoints/{checkpoint}", null, "removes a checkpoint");
        harmless("DELETE", "/containers/{name:.*}", null, "removes a container");
        harmless("POST", "/exec/{name:.*}/start", null, "runs an exec that was judged when it was created");
        harmless("POST", "/exec/{name:.*}/resize", null, "resizes an exec's terminal");
        // harmless: images and builds
        harmless("POST", "/images/create", null, "pulls or imports an image");
        harmless("POST", "/images/load", null, "loads images");
        harmless("POST", "/images/{name:.*}/push", null, "pushes an image");
        harmless("POST", "/images/{name:.*}/tag", null, "tags an image");
        harmless("POST", "/images/prune", null, "removes unused images");
        harmless("DELETE", "/images/{name:.*}", null, "removes an image");
        harmless("POST", "/build/prune", null, "removes build cache");
        harmless("POST", "/build/cancel", null, "cancels a build");
        harmless("POST", "/session", null, "carries a build's file and credential services; it builds nothing itself");
        harmless("POST", "/auth", null, "checks registry credentials");
        // harmless: networks and volumes
        harmless("POST", "/networks/{id:.*}/connect", null,
                "attaches a container to a network judged when it was made (the daemon refuses the host network here)");
        harmless("POST", "/networks/{id:.*}/disconnect", null, "detaches a container from a network");
        harmless("POST", "/networks/prune", null, "removes unused networks");
        harmless("DELETE", "/networks/{id:.*}", null, "removes a network");
        harmless("POST", "/volumes/prune", null, "removes unused volumes");
        harmless("PUT", "/volumes/{name:.*}", null, "changes a cluster volume's availability");
        harmless("DELETE", "/volumes/{name:.*}", null, "removes a volume");
        // harmless: swarm
        harmless("POST", "/swarm/leave", null, "leaves the swarm");
        harmless("POST", "/swarm/unlock", null, "unlocks a locked manager with its key");
        harmless("DELETE", "/services/{id}", null, "removes a service");
        harmless("POST", "/nodes/{id}/update", null, "changes a member node's role, availability or labels");
        harmless("DELETE", "/nodes/{id}", null, "removes a node");
        for (String kind : List.of("secrets", "configs")) {
            harmless("POST", "/" + kind + "/create", null, "stores data");
            harmless("POST", "/" + kind + "/{id}/update", null, "changes labels");
            harmless("DELETE", "/" + kind + "/{id}", null, "removes data");
        }
        harmless("POST", "/plugins/{name:.*}/push", null, "pushes a plugin");
        // harmless: reads
        for (String template : List.of("/containers/json", "/containers/{name:.*}/export", "/containers/{name:.*}/changes",
                "/containers/{name:.*}/json", "/containers/{name:.*}/top", "/containers/{name:.*}/logs", "/containers/{name:.*}/stats",
                "/containers/{name:.*}/attach/ws", "/exec/{id:.*}/json", "/containers/{name:.*}/archive",
                "/containers/{name:.*}/checkpoints", "/distribution/{name:.*}/json", "/images/json", "/images/search", "/images/get",
                "/images/{name:.*}/get", "/images/{name:.*}/history", "/images/{name:.*}/json", "/images/{name:.*}/attestations",
                "/networks", "/networks/", "/networks/{id:.+}", "/plugins", "/plugins/{name:.*}/json", "/plugins/privileges",
                "/swarm", "/swarm/unlockkey", "/services", "/services/{id}", "/services/{id}/logs", "/nodes", "/nodes/{id}",
                "/tasks", "/tasks/{id}", "/tasks/{id}/logs", "/secrets", "/secrets/{id}", "/configs", "/configs/{id}", "/_ping",
                "/events", "/info", "/version", "/system/df", "/volumes", "/volumes/{name:.*}")) {
            harmless("GET", template, null, READS);
        }
        harmless("HEAD", "/containers/{name:.*}/archive", null, READS);
        harmless("HEAD", "/_ping", null, READS);
        harmless("OPTIONS", "/{anyroute:.*}", null, "answers CORS preflight");
        harmless("*", "/debug/{path:.*}", null, "expvar and pprof: " + READS);
    }

    private EngineEndpoints() {
    }

    private static void judged(String method, String template, Reading reading, Action action, String note) {
        add(new Endpoint(method, template, Handling.JUDGED, Optional.of(action), reading, note));
    }

    private static void guarded(String method, String template, Action action) {
        add(new Endpoint(method, template, Handling.GUARDED, Optional.of(action), Reading.NONE, action.guardWhy()));
    }

    private static void harmless(String method, String template, Action action, String note) {
        add(new Endpoint(method, template, Handling.HARMLESS, Optional.ofNullable(action), Reading.NONE, note));
    }

    private static void add(Endpoint endpoint) {
        TABLE.add(new Compiled(endpoint, Template.compile(endpoint.template())));
    }

    /** Every endpoint, in the order they are matched. */
    public static List<Endpoint> all() {
        return TABLE.stream().map(Compiled::endpoint).toList();
    }

    /**
     * The endpoint dockerd routes {@code method} and {@code path} (decoded and cleaned, see
     * {@link RequestUri}) to, or empty when it routes them nowhere the gate knows.
     */
    public static Optional<Route> route(String method, String path) {
        int versionEnd = versionPrefixEnd(path);
        String bare = versionEnd < 0 ? null : path.substring(versionEnd);
        for (Compiled compiled : TABLE) {
            String expected = compiled.endpoint().method();
            if (!expected.equals("*") && !expected.equals(method)) continue;
            if (bare != null) {
                Optional<String> object = compiled.template().match(bare);
                if (object.isPresent()) {
                    return Optional.of(new Route(compiled.endpoint(), object.get(), Optional.of(path.substring(2, versionEnd)), bare));
                }
            }
            Optional<String> object = compiled.template().match(path);
            if (object.isPresent()) return Optional.of(new Route(compiled.endpoint(), object.get(), Optional.empty(), path));
        }
        return Optional.empty();
    }

    /** Where {@code /v[0-9.]+} ends when the path starts with it and a slash follows, else -1. */
    private static int versionPrefixEnd(String path) {
        if (!path.startsWith("/v")) return -1;
        int index = 2;
        while (index < path.length() && (path.charAt(index) >= '0' && path.charAt(index) <= '9' || path.charAt(index) == '.')) {
            index++;
        }
        return index > 2 && index < path.length() && path.charAt(index) == '/' ? index : -1;
    }

    private record Compiled(Endpoint endpoint, Template template) {
    }

    /** A mux path template as literal parts and variables; a variable is "any" ({@code .*}), "some" ({@code .+}) or one segment. */
    private record Template(List<String> literals, List<Character> variables) {

        static Template compile(String template) {
            List<String> literals = new ArrayList<>();
            List<Character> variables = new ArrayList<>();
            int at = 0;
            while (true) {
                int open = template.indexOf('{', at);
                if (open < 0) {
                    literals.add(template.substring(at));
                    return new Template(List.copyOf(literals), List.copyOf(variables));
                }
                int close = template.indexOf('}', open);
                literals.add(template.substring(at, open));
                String variable = template.substring(open + 1, close);
                variables.add(variable.endsWith(":.*") ? '*' : variable.endsWith(":.+") ? '+' : '1');
                at = close + 1;
            }
        }

        /** The first variable's value ("" without variables) when the whole path matches. */
        Optional<String> match(String path) {
            int[] bounds = new int[variables.size() * 2];
            if (!match(path, 0, 0, bounds)) return Optional.empty();
            return Optional.of(bounds.length == 0 ? "" : path.substring(bounds[0], bounds[1]));
        }

        private boolean match(String path, int at, int part, int[] bounds) {
            String literal = literals.get(part);
            if (!path.startsWith(literal, at)) return false;
            at += literal.length();
            if (part == variables.size()) return at == path.length();
            char kind = variables.get(part);
            int minimum = kind == '*' ? 0 : 1;
            int slash = path.indexOf('/', at);
            String next = literals.get(part + 1);
            // greedy, as Go's regexp prefers the longest match for .* and .+
            for (int end = path.length(); end - at >= minimum; end--) {
                if (kind == '1' && slash >= 0 && slash < end) continue;
                if (!path.startsWith(next, end)) continue;
                bounds[2 * part] = at;
                bounds[2 * part + 1] = end;
                if (match(path, end, part + 1, bounds)) return true;
            }
            return false;
        }
    }
}
