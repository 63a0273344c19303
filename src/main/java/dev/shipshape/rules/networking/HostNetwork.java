package dev.shipshape.rules.networking;

import dev.shipshape.model.Container;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags workloads that run in the host's network namespace.
 *
 * <p>A workload rule, not a container rule: Kubernetes sets {@code hostNetwork} per pod and the
 * loader copies it onto every container with the same origin, so one pod gets one finding.
 * {@code docker stack deploy} ignores {@code network_mode}; a Swarm service reaches the host's
 * network by attaching to the predefined {@code host} network instead, which is what counts there.
 * Known gap: the model keeps a network's key, not its {@code name:}, so the alias form
 * {@code hostnet: {external: true, name: host}} is not seen; {@code networks: [host]} is.
 */
public final class HostNetwork implements WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-402", "host-network")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.HIGH)
            .title("Workload uses the host's network namespace")
            .rationale("""
                    A container on the host network sees every interface of the host, can bind any \
                    host port and reach everything that listens on the host's localhost (the kubelet, \
                    a Docker API on TCP, metadata proxies); no port mapping, network policy or \
                    container firewall stands in between.""")
            .remediation("Remove `network_mode: host` (Compose) or `hostNetwork: true` (Kubernetes) and publish "
                    + "only the ports the service needs (`ports:`, or a Kubernetes Service); in a Swarm stack, "
                    + "detach the service from the external `host` network.")
            .remediation(SourceKind.COMPOSE, "Remove `network_mode: host` from the service and publish only the ports it "
                    + "needs with `ports:`.")
            .remediation(SourceKind.KUBERNETES, "Remove `hostNetwork: true` from the pod spec and expose the ports it needs "
                    + "through a Service.")
            .remediation(SourceKind.LIVE_DOCKER, "Run the container without `--network host` (Engine API "
                    + "`HostConfig.NetworkMode`) and publish only the ports it needs with `-p`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(Reference.cisDocker("5.10"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        Set<Origin> hostNetworkSettings = new LinkedHashSet<>();
        for (Container container : workload.containers()) {
            if (workload.source() == SourceKind.STACK) {
                container.networks().stream()
                        .filter(network -> "host".equals(network.value()))
                        .forEach(network -> hostNetworkSettings.add(network.origin()));
            } else if ("host".equals(container.networkMode().value())) {
                hostNetworkSettings.add(container.networkMode().origin());
            }
        }
        return hostNetworkSettings.stream()
                .map(origin -> Finding.of(INFO, origin, workload.description() + " uses the host's network namespace"));
    }
}
