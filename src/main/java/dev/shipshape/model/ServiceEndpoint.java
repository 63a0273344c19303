package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes Service: how pods are found by name.
 *
 * @param selector  the pods it sends traffic to; empty when the Service has no selector (its
 *                  endpoints are managed by hand, which is not an error)
 * @param hasSelector false for a Service without {@code selector} (ExternalName, manual endpoints)
 * @param headless  {@code clusterIP: None}
 * @param type      ClusterIP, NodePort, LoadBalancer, ExternalName (ClusterIP when unset)
 */
public record ServiceEndpoint(
        String name,
        String namespace,
        Origin origin,
        LabelSelector selector,
        boolean hasSelector,
        Origin selectorOrigin,
        boolean headless,
        String type,
        List<ServicePort> ports) {

    public ServiceEndpoint {
        ports = List.copyOf(ports);
    }

    /** "Service 'web'". */
    public String description() {
        return "Service '" + name + "'";
    }

    /**
     * One port of a Service.
     *
     * @param port       the Service's own port
     * @param targetPort a number or a container port's name; unset means the same as {@code port}
     */
    public record ServicePort(String port, Setting<String> targetPort, Origin origin) {
    }
}
