package dev.shipshape.report.html;

import java.util.List;
import java.util.Locale;

/**
 * One application's network map, before it is laid out: its services and containers, the
 * networks they join, and who depends on whom.
 *
 * @param nodes   what is drawn, in a stable order
 * @param edges   between drawn nodes only
 * @param bands   the networks, each with the names of the drawn nodes that join it
 * @param omitted nodes left out to keep the map readable (they are still in the findings table)
 */
record NetworkMap(List<Node> nodes, List<Edge> edges, List<Band> bands, int omitted) {

    NetworkMap {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        bands = List.copyOf(bands);
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    /**
     * A workload (a Compose service, a Kubernetes workload, a live container) or a Kubernetes Service.
     *
     * @param name  unique within the map; what edges and bands refer to
     * @param kind  "service", "Deployment", "Service", "container"…
     * @param ports published ports, "0.0.0.0:8080→8080/tcp" (all interfaces when the host IP is unset)
     * @param tags  network facts worth a glance: "host network", "no network", "shares web's network"
     */
    record Node(String name, String kind, boolean isService, List<Port> ports, List<String> tags) {

        Node {
            ports = List.copyOf(ports);
            tags = List.copyOf(tags);
        }
    }

    /** A published port as shown, and whether it listens on every host interface. */
    record Port(String text, boolean allInterfaces) {
    }

    record Edge(String from, String to, EdgeKind kind, String label) {
    }

    enum EdgeKind {
        DEPENDS_ON("depends on"),
        LINK("links to"),
        SELECTS("sends traffic to"),
        SHARES_NETWORK("shares the network of");

        private final String label;

        EdgeKind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        String cssClass() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A network the nodes join.
     *
     * @param description "overlay, not encrypted", "bridge (implicit)", "the host's own interfaces"
     * @param risk        how the band is coloured
     */
    record Band(String name, String description, Risk risk, List<String> members) {

        Band {
            members = List.copyOf(members);
        }
    }

    enum Risk { NONE, WARN, DANGER }
}
