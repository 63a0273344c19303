package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes Ingress or Gateway API HTTPRoute: the hosts it serves and the Services it sends them to.
 *
 * @param kind     "Ingress" or "HTTPRoute"
 * @param hosts    an Ingress rule's {@code host} (unset, at the rule, for a rule that serves every host);
 *                 an HTTPRoute's {@code hostnames}
 * @param tls      an Ingress's {@code tls} entries
 * @param backends every Service it routes to
 */
public record Route(String kind, String name, String namespace, Origin origin, List<Setting<String>> hosts, List<Tls> tls,
        List<Backend> backends) {

    public Route {
        hosts = List.copyOf(hosts);
        tls = List.copyOf(tls);
        backends = List.copyOf(backends);
    }

    /** "Ingress 'web'". */
    public String description() {
        return kind + " '" + name + "'";
    }

    /**
     * One {@code tls} entry of an Ingress.
     *
     * @param hosts its {@code hosts}; empty when it names none
     */
    public record Tls(List<String> hosts, Origin origin) {

        public Tls {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * A Service a route sends traffic to.
     *
     * @param service   the Service's name, at its key
     * @param port      the Service port: a number or a port's name as written; null when not stated
     * @param namespace an HTTPRoute backendRef's namespace; null means the route's own
     */
    public record Backend(Setting<String> service, String port, String namespace) {
    }
}
