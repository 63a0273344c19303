package dev.shipshape.report.html;

import dev.shipshape.model.Container;
import dev.shipshape.model.Dependency;
import dev.shipshape.model.Network;
import dev.shipshape.model.Port;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.report.html.NetworkMap.Band;
import dev.shipshape.report.html.NetworkMap.Edge;
import dev.shipshape.report.html.NetworkMap.EdgeKind;
import dev.shipshape.report.html.NetworkMap.Node;
import dev.shipshape.report.html.NetworkMap.Risk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one application's {@link NetworkMap} from the model: a node per workload and per
 * Kubernetes Service, edges for {@code depends_on}, {@code links}, {@code network_mode: service:X}
 * and a Service's selector, and a band per network joined. Nodes beyond {@code maxNodes} are left
 * out (and counted) so that a namespace of hundreds of workloads still gives a readable map.
 */
final class MapContents {

    static final String HOST_BAND = "host";
    private static final String POD_NETWORK = "pod network";

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> bandMembers = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final Map<Workload, String> nodeOfWorkload = new LinkedHashMap<>();

    private MapContents() {
    }

    static NetworkMap of(Applications applications, Application application, int maxNodes) {
        MapContents contents = new MapContents();
        List<Workload> workloads = applications.workloads(application);
        List<ServiceEndpoint> services = applications.services(application);
        int omitted = 0;
        for (Workload workload : workloads) {
            if (contents.nodes.size() >= maxNodes) omitted++;
            else contents.addWorkload(workload);
        }
        for (ServiceEndpoint service : services) {
            if (contents.nodes.size() >= maxNodes) omitted++;
            else contents.addService(service);
        }
        contents.nodeOfWorkload.forEach(contents::addDependencies);
        return new NetworkMap(List.copyOf(contents.nodes.values()), List.copyOf(contents.edges),
                contents.bands(applications.networks(application)), omitted);
    }

    private void addWorkload(Workload workload) {
        String name = unique(workload.source() == SourceKind.KUBERNETES ? workload.kind() + "/" + workload.name() : workload.name());
        nodeOfWorkload.put(workload, name);
        List<NetworkMap.Port> ports = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Container container : workload.containers()) {
            if (container.ephemeral()) continue;
            for (Port port : container.ports()) {
                if (port.isPublished()) ports.add(published(port));
            }
            String mode = container.networkMode().isSet() ? container.networkMode().value().strip() : null;
            if (mode == null) {
                if (container.networks().isEmpty()) join(defaultNetwork(workload.source()), name);
                else container.networks().stream().map(Setting::value).map(String::strip).forEach(network -> join(network, name));
            } else if (mode.equals("host")) {
                join(HOST_BAND, name);
                tags.add("host network");
            } else if (mode.equals("none")) {
                tags.add("no network");
            } else if (mode.startsWith("service:") || mode.startsWith("container:")) {
                tags.add("shares " + shown(mode.substring(mode.indexOf(':') + 1)) + "'s network");
            } else {
                join(mode, name);
                container.networks().stream().map(Setting::value).map(String::strip).forEach(network -> join(network, name));
            }
        }
        nodes.put(name, new Node(name, workload.kind(), false, ports.stream().distinct().toList(), List.copyOf(tags)));
    }

    private void addService(ServiceEndpoint service) {
        String name = unique("Service/" + service.name());
        List<NetworkMap.Port> ports = new ArrayList<>();
        String type = service.type() == null ? "ClusterIP" : service.type();
        if (type.equals("NodePort") || type.equals("LoadBalancer")) {
            service.ports().forEach(port -> ports.add(new NetworkMap.Port(type + " :" + port.port(), true)));
        }
        List<String> tags = new ArrayList<>();
        if (service.headless()) tags.add("headless");
        if (type.equals("ExternalName")) tags.add("external name");
        nodes.put(name, new Node(name, "Service", true, ports, tags));
        if (!service.hasSelector() || service.selector().isEmpty()) return;
        nodeOfWorkload.forEach((workload, node) -> {
            if (service.selector().matches(workload.podLabels())) edges.add(new Edge(name, node, EdgeKind.SELECTS, ""));
        });
    }

    private void addDependencies(Workload workload, String node) {
        for (Dependency dependency : workload.dependencies()) {
            String target = dependency.service().strip();
            if (nodes.containsKey(target)) {
                edges.add(new Edge(node, target, EdgeKind.DEPENDS_ON, dependency.condition().orElse("")));
            }
        }
        for (Setting<String> link : workload.links()) {
            String target = link.value().strip();
            int colon = target.indexOf(':');
            if (colon > 0) target = target.substring(0, colon);
            if (nodes.containsKey(target) && !target.equals(node)) edges.add(new Edge(node, target, EdgeKind.LINK, ""));
        }
        for (Container container : workload.containers()) {
            String mode = container.networkMode().isSet() ? container.networkMode().value().strip() : "";
            if (!mode.startsWith("service:") && !mode.startsWith("container:")) continue;
            String target = nodeNamed(mode.substring(mode.indexOf(':') + 1));
            if (target != null && !target.equals(node)) edges.add(new Edge(node, target, EdgeKind.SHARES_NETWORK, ""));
        }
    }

    /**
     * The node a {@code container:X} or {@code service:X} names: by name, or, for a live container
     * (the Engine stores {@code container:<full id>}), by the short id its origin carries.
     */
    private String nodeNamed(String reference) {
        if (nodes.containsKey(reference)) return reference;
        if (reference.length() < 12) return null;
        String shortId = "(" + reference.substring(0, 12) + ")";
        return nodeOfWorkload.entrySet().stream()
                .filter(entry -> entry.getKey().source() == SourceKind.LIVE_DOCKER && entry.getKey().origin().source().endsWith(shortId))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private List<Band> bands(List<Network> declared) {
        Map<String, Network> byName = new LinkedHashMap<>();
        for (Network network : declared) {
            if (!isPredefined(network)) byName.putIfAbsent(network.name(), network);
        }
        for (String name : byName.keySet()) bandMembers.computeIfAbsent(name, n -> new LinkedHashSet<>());
        List<Band> bands = new ArrayList<>();
        bandMembers.forEach((name, members) -> bands.add(band(name, byName.get(name), List.copyOf(members))));
        bands.sort((a, b) -> Integer.compare(b.risk().ordinal(), a.risk().ordinal()));
        return bands;
    }

    /** A live Engine's own "none", "host" and "bridge" networks: drawn only when a container joins them. */
    private static boolean isPredefined(Network network) {
        return network.source() == SourceKind.LIVE_DOCKER && List.of("none", "host", "bridge").contains(network.name());
    }

    private Band band(String name, Network network, List<String> members) {
        if (name.equals(HOST_BAND) && (network == null || "host".equals(network.driver().value()))) {
            return new Band(name, "the host's own interfaces: no isolation, every port binds on the host", Risk.DANGER, members);
        }
        if (name.equals(POD_NETWORK)) return new Band(name, "the cluster's pod network", Risk.NONE, members);
        if (network == null) {
            return switch (name) {
                case "default" -> defaultBand(members);
                case "bridge" -> new Band(name, "Docker's default bridge: no name resolution between containers", Risk.NONE, members);
                default -> new Band(name, "not declared in this file", Risk.NONE, members);
            };
        }
        if (network.external()) return new Band(name, "external: declared elsewhere", Risk.NONE, members);
        String driver = network.driver().orElse(network.source() == SourceKind.STACK ? "overlay" : "bridge");
        StringBuilder description = new StringBuilder(driver);
        Risk risk = Risk.NONE;
        if (driver.equals("overlay")) {
            boolean encrypted = network.driverOptions().stream().anyMatch(option -> "encrypted".equals(option.key()));
            description.append(encrypted ? ", encrypted" : ", not encrypted");
            if (!encrypted) risk = Risk.WARN;
        }
        if (network.internal().isTrue()) description.append(", internal (no outside access)");
        return new Band(name, description.toString(), risk, members);
    }

    private Band defaultBand(List<String> members) {
        boolean stack = nodeOfWorkload.keySet().stream().anyMatch(workload -> workload.source() == SourceKind.STACK);
        return stack
                ? new Band("default", "overlay, not encrypted (the stack's default network)", Risk.WARN, members)
                : new Band("default", "bridge (the project's default network)", Risk.NONE, members);
    }

    private void join(String network, String node) {
        bandMembers.computeIfAbsent(network, n -> new LinkedHashSet<>()).add(node);
    }

    /** A reference as shown on a node: a live container's 64-digit id shortened as Docker shortens it. */
    private static String shown(String reference) {
        return reference.matches("[0-9a-f]{64}") ? reference.substring(0, 12) : reference;
    }

    private String unique(String name) {
        if (!nodes.containsKey(name)) return name;
        int copy = 2;
        while (nodes.containsKey(name + " #" + copy)) copy++;
        return name + " #" + copy;
    }

    private static String defaultNetwork(SourceKind source) {
        return switch (source) {
            case KUBERNETES -> POD_NETWORK;
            case LIVE_DOCKER -> "bridge";
            default -> "default";
        };
    }

    private static NetworkMap.Port published(Port port) {
        boolean allInterfaces = !port.hostIp().isSet() || port.hostIp().value().isBlank()
                || port.hostIp().value().equals("0.0.0.0") || port.hostIp().value().equals("::");
        String ip = allInterfaces ? "0.0.0.0" : port.hostIp().value();
        if (ip.contains(":") && !ip.startsWith("[")) ip = "[" + ip + "]";
        String hostPort = port.hostPort().isEmpty() ? "(any)" : port.hostPort();
        String protocol = port.protocol() == null ? "tcp" : port.protocol();
        return new NetworkMap.Port(ip + ":" + hostPort + "\u2192" + port.containerPort() + "/" + protocol, allInterfaces);
    }
}
