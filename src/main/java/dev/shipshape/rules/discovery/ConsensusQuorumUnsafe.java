package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.WorkloadRule;
import dev.shipshape.systems.Cluster;
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystem;
import dev.shipshape.systems.KnownSystems;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Flags a consensus ensemble (etcd, ZooKeeper, Consul servers; the catalogue's {@code cluster}
 * settings) whose size cannot keep a quorum through a failure: an even member count (four tolerate
 * one failure, as three do, and split evenly) or two members (losing either stops the store), or a
 * replica count that disagrees with the members its own settings list or expect. The size is what
 * the settings state ({@code --initial-cluster}, {@code ZOO_SERVERS}, {@code -bootstrap-expect}) or
 * the workload's replicas; a single member is no ensemble and is {@code single-replica}'s business.
 * A Compose file whose members are separate services is judged per service, on what each one lists.
 */
public final class ConsensusQuorumUnsafe implements WorkloadRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-509", "consensus-quorum-unsafe")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.HIGH)
            .title("Consensus ensemble cannot keep a quorum through a failure")
            .rationale("""
                    etcd, ZooKeeper and Consul servers accept a write only when a majority of members agree. \
                    Two members need both; four need three, so they survive no more failures than three do and \
                    can split two against two. A replica count that differs from the members the configuration \
                    lists leaves members waiting for peers that never start, or starts peers no one expects.""")
            .remediation("Run an odd number of members, three or five: set `replicas: 3` (StatefulSet, "
                    + "`deploy.replicas` in a stack) and list the same members in `--initial-cluster` / "
                    + "`ETCD_INITIAL_CLUSTER`, `ZOO_SERVERS`, or Consul's `-bootstrap-expect=3`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("etcd FAQ: why an odd number of cluster members",
                            "https://etcd.io/docs/v3.5/faq/#why-an-odd-number-of-cluster-members"),
                    Reference.url("ZooKeeper administrator's guide: clustered setup",
                            "https://zookeeper.apache.org/doc/current/zookeeperAdmin.html#sc_zkMulitServerSetup"),
                    Reference.url("Consul: deployment table", "https://developer.hashicorp.com/consul/docs/architecture/consensus#deployment-table"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload) {
        return workload.containers().stream()
                .filter(container -> !container.init())
                .flatMap(container -> finding(workload, container).stream())
                .limit(1);
    }

    private static Optional<Finding> finding(Workload workload, Container container) {
        Optional<KnownSystems.Match> match = KnownSystems.catalogue().running(container);
        if (match.isEmpty() || !match.get().system().cluster().isKnown()) return Optional.empty();
        KnownSystem system = match.get().system();
        Cluster cluster = system.cluster();
        ContainerSettings settings = new ContainerSettings(container);
        if (!cluster.serverWhen().isEmpty() && settings.findAny(cluster.serverWhen()).isEmpty()) return Optional.empty();

        Optional<ContainerSettings.Found> stated = settings.findAny(cluster.members());
        OptionalInt listed = stated.map(found -> found.value() == null ? 0 : cluster.countMembers(found.value()))
                .filter(count -> count > 0).map(OptionalInt::of).orElse(OptionalInt.empty());
        String verb = "names";
        if (listed.isEmpty()) {
            verb = "expects";
            stated = settings.findAny(cluster.expect());
            listed = stated.flatMap(found -> number(found.value())).map(OptionalInt::of).orElse(OptionalInt.empty());
        }
        Integer replicas = workload.replicas().value();
        String ensemble = "%s runs %s".formatted(workload.description(), system.product());

        if (listed.isPresent() && replicas != null && replicas != listed.getAsInt()) {
            return Optional.of(Finding.of(INFO, workload.replicas().origin(),
                    "%s with %d replicas, but %s %s %d members".formatted(ensemble, replicas, stated.get().written(), verb, listed.getAsInt())));
        }
        int members;
        Origin where;
        String because;
        if (listed.isPresent()) {
            members = listed.getAsInt();
            where = stated.get().origin();
            because = stated.get().written();
        } else if (replicas != null) {
            members = replicas;
            where = workload.replicas().origin();
            because = "replicas";
        } else {
            return Optional.empty();
        }
        if (members < 2 || members % 2 == 1) return Optional.empty();
        String risk = members == 2 ? "losing either member stops it" : "it survives no more failures than %d would".formatted(members - 1);
        return Optional.of(Finding.of(INFO, where,
                "%s as an ensemble of %d members (%s): %s; run an odd number, 3 or 5".formatted(ensemble, members, because, risk)));
    }

    private static Optional<Integer> number(String value) {
        if (value == null) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
