package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags literal environment values that point at a peer by IP address, and {@code extra_hosts} /
 * {@code hostAliases} entries that pin a name to one. Values taken from a variable
 * ({@code ${DB_HOST}}, {@code $(HOST)}) are not written in the file and are not judged.
 *
 * <p>Variables whose names say they hold something other than a peer's address are skipped: a
 * version; the workload's own bind, listen or advertised address (Kafka's
 * {@code KAFKA_ADVERTISED_HOST_NAME} is the address the broker tells outside clients to use,
 * typically the Docker host's, which no service name can replace); a DNS resolver (a resolver
 * cannot be found by name: Pi-hole rejects {@code PIHOLE_DNS_=cloudflared#5054}); a subnet, CIDR
 * or netmask (WireGuard's {@code INTERNAL_SUBNET=10.13.13.0}).
 */
public final class HardcodedPeerAddress implements ContainerRule, WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-506", "hardcoded-peer-address")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.LOW)
            .title("Peer addressed by a literal IP address")
            .rationale("""
                    Container and pod IP addresses change on every restart, reschedule and scale-up, \
                    and a Service's cluster IP changes when it is recreated. A peer written as an IP \
                    address works until the first of those, then the connection goes to nothing or \
                    to whichever workload now holds the address; failover and load balancing by name \
                    are bypassed too.""")
            .remediation("Refer to the peer by name: the Compose service name or a network alias, the Kubernetes "
                    + "Service's DNS name (`db.prod.svc.cluster.local`), or an `ExternalName` Service for a host "
                    + "outside the cluster; remove `extra_hosts` / `hostAliases` entries that pin a name to an address.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Docker Compose: networking", "https://docs.docker.com/compose/how-tos/networking/"),
                    Reference.url("Kubernetes: DNS for Services and Pods",
                            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/"),
                    Reference.url("Docker Compose: extra_hosts", "https://docs.docker.com/reference/compose-file/services/#extra_hosts"),
                    Reference.url("Kubernetes: adding entries to Pod /etc/hosts with HostAliases",
                            "https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/"))
            .build();

    /** Name parts of variables that hold a version, the workload's own address, a resolver or a network, not a peer. */
    private static final List<String> NOT_A_PEER = List.of(
            "VERSION", "BIND", "LISTEN", "ADVERTISE", "DNS", "NAMESERVER", "RESOLVER", "SUBNET", "CIDR", "MASK");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.environment().stream()
                .filter(variable -> variable.valueSource() == EnvVar.ValueSource.LITERAL && !variable.interpolated())
                .filter(variable -> variable.value() != null && !namesNoPeer(variable.name()))
                .flatMap(variable -> {
                    List<String> addresses = PeerAddresses.in(variable.value());
                    return addresses.isEmpty() ? Stream.empty() : Stream.of(Finding.of(INFO, variable.origin(),
                            container.description() + " sets " + variable.name() + " to the literal address "
                                    + String.join(", ", addresses) + "; use the peer's service name"));
                });
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        String key = workload.source() == SourceKind.KUBERNETES ? "hostAliases" : "extra_hosts";
        return workload.extraHosts().stream()
                .filter(Setting::isSet)
                .flatMap(entry -> hostAndAddress(entry.value())
                        .filter(pair -> PeerAddresses.isPeerAddress(pair[1]))
                        .map(pair -> Finding.of(INFO, entry.origin(), workload.description() + " pins " + pair[0]
                                + " to " + pair[1] + " with " + key + "; use a service name"))
                        .stream());
    }

    static boolean namesNoPeer(String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        for (String part : NOT_A_PEER) {
            if (upper.contains(part)) return true;
        }
        return false;
    }

    /** "name:address" or "name=address" as written (the address may itself hold colons: IPv6). */
    private static Optional<String[]> hostAndAddress(String entry) {
        int equals = entry.indexOf('=');
        int separator = equals >= 0 ? equals : entry.indexOf(':');
        if (separator <= 0) return Optional.empty();
        return Optional.of(new String[] {entry.substring(0, separator).strip(), entry.substring(separator + 1).strip()});
    }
}
