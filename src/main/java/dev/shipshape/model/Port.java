package dev.shipshape.model;

/**
 * A container port, published on the host or not.
 *
 * @param hostIp        the host interface; unset means every interface (0.0.0.0 and ::)
 * @param hostPort      the published host port or range; "" when published on an ephemeral port
 *                      (Compose {@code ports: ["80"]}); null when the port is not published at all
 * @param containerPort the port (or range) inside the container
 * @param protocol      tcp, udp or sctp
 */
public record Port(Setting<String> hostIp, String hostPort, String containerPort, String protocol, Origin origin) {

    public boolean isPublished() {
        return hostPort != null;
    }
}
