package dev.shipshape.model;

/**
 * A container port, published on the host or not.
 *
 * @param hostIp        the host interface; unset means every interface (0.0.0.0 and ::)
 * @param hostPort      the published host port or range; "" when published on an ephemeral port
 *                      (Compose {@code ports: ["80"]}); null when the port is not published at all
 * @param containerPort the port (or range) inside the container
 * @param protocol      tcp, udp or sctp
 * @param name          the port's name (Kubernetes {@code ports[].name}, what a Service's targetPort may refer to), or null
 */
public record Port(Setting<String> hostIp, String hostPort, String containerPort, String protocol, Origin origin, String name) {

    /** A port without a name (every source but Kubernetes). */
    public Port(Setting<String> hostIp, String hostPort, String containerPort, String protocol, Origin origin) {
        this(hostIp, hostPort, containerPort, protocol, origin, null);
    }

    public boolean isPublished() {
        return hostPort != null;
    }
}
