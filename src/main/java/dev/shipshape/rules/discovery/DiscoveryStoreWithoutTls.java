package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.Port;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystem;
import dev.shipshape.systems.KnownSystems;
import dev.shipshape.systems.Protection;
import dev.shipshape.systems.SettingPattern;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a discovery store of the catalogue (etcd, Consul, ZooKeeper; {@code docs/known-systems.md})
 * that serves clients or peers without TLS, or publishes its client port on the host. A Consul agent
 * is judged only in server mode (a client agent forwards to the servers); a configuration file it
 * reads decides TLS instead, and the rule then judges only the published port.
 */
public final class DiscoveryStoreWithoutTls implements ContainerRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-510", "discovery-store-without-tls")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.HIGH)
            .title("Service discovery store serves clients or peers without TLS")
            .rationale("""
                    etcd, Consul and ZooKeeper hold where every service is and often the cluster's secrets \
                    and locks. Without TLS, anyone on the network path reads them and can register a service \
                    of their own or rewrite a key, redirecting traffic; a client port published on the host \
                    puts the whole store in reach of every machine that can reach the host.""")
            .remediation("etcd: `--cert-file`/`--key-file` with `--client-cert-auth`, and `--peer-cert-file` with "
                    + "`--peer-client-cert-auth` (or `--auto-tls`/`--peer-auto-tls` at least); Consul: a `tls` block with "
                    + "`verify_incoming` and an HTTPS port; ZooKeeper: `secureClientPort` with its keystore "
                    + "(`ZOO_CFG_EXTRA`, `ZOO_TLS_CLIENT_ENABLE`). Do not publish the client port; reach the store over "
                    + "an internal network.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("etcd: transport security model", "https://etcd.io/docs/v3.5/op-guide/security/"),
                    Reference.url("Consul: secure agent communication with TLS",
                            "https://developer.hashicorp.com/consul/docs/secure/encryption/tls"),
                    Reference.url("ZooKeeper: SSL user guide",
                            "https://cwiki.apache.org/confluence/display/ZOOKEEPER/ZooKeeper+SSL+User+Guide"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        if (container.init()) return Stream.empty();
        Optional<KnownSystem> running = KnownSystems.catalogue().running(container, KnownSystem.Role.DISCOVERY);
        if (running.isEmpty()) return Stream.empty();
        KnownSystem system = running.get();
        ContainerSettings settings = new ContainerSettings(container);
        Protection tls = system.tls();
        boolean server = !tls.serverOnly() || system.cluster().serverWhen().isEmpty()
                || settings.findAny(system.cluster().serverWhen()).isPresent();
        String runs = "%s runs %s (%s)".formatted(container.description(), system.product(), container.image().value());

        Stream<Finding> published = container.ports().stream()
                .filter(Port::isPublished)
                .filter(port -> system.ports().client().stream().anyMatch(client -> client.toString().equals(ContainerSettings.containerPortNumber(port))))
                .limit(1)
                .map(port -> Finding.of(INFO, port.origin(),
                        "%s and publishes its client port %s on the host".formatted(runs, port.containerPort())));
        if (!server || settings.findAny(tls.unknown()).isPresent()) return published;

        Stream.Builder<Finding> tlsFindings = Stream.builder();
        if (settings.findAny(tls.on()).isEmpty()) {
            tlsFindings.add(Finding.of(INFO, container.image().origin(),
                    "%s without TLS for its clients: none of %s is set".formatted(runs, names(tls.on()))));
        }
        if (!tls.peerOn().isEmpty() && clustered(system, settings) && settings.findAny(tls.peerOn()).isEmpty()) {
            tlsFindings.add(Finding.of(INFO, container.image().origin(),
                    "%s without TLS between its peers: none of %s is set".formatted(runs, names(tls.peerOn()))));
        }
        return Stream.concat(published, tlsFindings.build());
    }

    /** True when its settings list more than one member. */
    private static boolean clustered(KnownSystem system, ContainerSettings settings) {
        return settings.findAny(system.cluster().members())
                .map(ContainerSettings.Found::value)
                .filter(value -> value != null && system.cluster().countMembers(value) > 1)
                .isPresent();
    }

    private static String names(List<SettingPattern> patterns) {
        return String.join(", ", patterns.stream().map(SettingPattern::shortForm).distinct().limit(4).toList());
    }
}
