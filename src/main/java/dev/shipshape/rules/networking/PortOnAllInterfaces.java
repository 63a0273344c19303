package dev.shipshape.rules.networking;

import dev.shipshape.model.Container;
import dev.shipshape.model.Port;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags published ports that listen on every host interface. Ports that are only exposed
 * (Compose {@code expose}, a Kubernetes {@code containerPort} without {@code hostPort}) are not
 * published and never count. In a Swarm stack every published port counts: Swarm's port
 * configuration has no host address, so {@code docker stack deploy} drops {@code host_ip}.
 */
public final class PortOnAllInterfaces implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-404", "port-on-all-interfaces")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Port published on every host interface")
            .rationale("""
                    A port published without a host address listens on 0.0.0.0 and ::, every \
                    interface of the host, public ones included, and Docker's own iptables rules \
                    let the traffic past host firewalls such as ufw. An admin page or a database \
                    meant for the local machine becomes reachable from the network.""")
            .remediation("Bind the port to one interface: Compose `ports: [\"127.0.0.1:8080:80\"]` (long form "
                    + "`host_ip: 127.0.0.1`), Kubernetes `hostIP:` beside `hostPort:`, or drop the `hostPort` and "
                    + "reach the pod through a Service; in a Swarm stack, publish only what must be public and "
                    + "reach the rest over an overlay network.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.14"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    private static final Set<String> EVERY_INTERFACE = Set.of("", "0.0.0.0", "::", "[::]");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        boolean stack = workload.source() == SourceKind.STACK;
        return container.ports().stream()
                .filter(Port::isPublished)
                .filter(port -> stack || listensEverywhere(port))
                .map(port -> Finding.of(INFO, port.origin(), message(container, port, stack)));
    }

    private static boolean listensEverywhere(Port port) {
        return !port.hostIp().isSet() || EVERY_INTERFACE.contains(port.hostIp().value().strip());
    }

    private static String message(Container container, Port port, boolean stack) {
        String published = port.hostPort().isBlank()
                ? "container port " + port.containerPort() + " on a random host port"
                : port.hostPort();
        if (port.protocol() != null && !port.protocol().isBlank() && !port.protocol().equalsIgnoreCase("tcp")) {
            published += "/" + port.protocol();
        }
        String message = container.description() + " publishes " + published + " on every interface";
        return stack && !listensEverywhere(port)
                ? message + " (docker stack deploy ignores host_ip " + port.hostIp().value() + ")"
                : message;
    }
}
