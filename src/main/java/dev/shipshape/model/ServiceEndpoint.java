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
 * @param typeOrigin where {@code type} is written (the object's origin when it is not)
 * @param loadBalancerSourceRanges the addresses a LoadBalancer admits, each at its item
 * @param externalIPs {@code externalIPs}, each at its item
 * @param annotations the object's annotations as written, each at its key
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
        List<ServicePort> ports,
        Origin typeOrigin,
        List<Setting<String>> loadBalancerSourceRanges,
        List<Setting<String>> externalIPs,
        List<KeyValue> annotations) {

    public ServiceEndpoint {
        ports = List.copyOf(ports);
        loadBalancerSourceRanges = List.copyOf(loadBalancerSourceRanges);
        externalIPs = List.copyOf(externalIPs);
        annotations = List.copyOf(annotations);
    }

    /** A Service without annotations. */
    public ServiceEndpoint(String name, String namespace, Origin origin, LabelSelector selector, boolean hasSelector,
            Origin selectorOrigin, boolean headless, String type, List<ServicePort> ports, Origin typeOrigin,
            List<Setting<String>> loadBalancerSourceRanges, List<Setting<String>> externalIPs) {
        this(name, namespace, origin, selector, hasSelector, selectorOrigin, headless, type, ports, typeOrigin,
                loadBalancerSourceRanges, externalIPs, List.of());
    }

    /** A Service whose exposure (source ranges, external IPs) is not known. */
    public ServiceEndpoint(String name, String namespace, Origin origin, LabelSelector selector, boolean hasSelector,
            Origin selectorOrigin, boolean headless, String type, List<ServicePort> ports) {
        this(name, namespace, origin, selector, hasSelector, selectorOrigin, headless, type, ports, origin, List.of(), List.of(), List.of());
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
     * @param name       the port's {@code name}, which an Ingress may route to; null when it has none
     */
    public record ServicePort(String port, Setting<String> targetPort, Origin origin, String name) {

        /** A port without a name. */
        public ServicePort(String port, Setting<String> targetPort, Origin origin) {
            this(port, targetPort, origin, null);
        }
    }
}
