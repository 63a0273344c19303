package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import dev.shipshape.systems.Cluster;
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystem;
import dev.shipshape.systems.KnownSystems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flags a consensus ensemble (etcd, ZooKeeper, Consul servers; the catalogue's {@code cluster}
 * settings) whose size cannot keep a quorum through a failure: an even member count (four tolerate
 * one failure, as three do, and split evenly) or two members (losing either stops the store), or a
 * replica count that disagrees with the members its own settings list or expect. The size is what
 * the settings state ({@code --initial-cluster}, {@code ZOO_SERVERS}, {@code -bootstrap-expect}) or
 * the workload's replicas; a single member is no ensemble and is {@code single-replica}'s business.
 *
 * <p>An ensemble written as several services of one Compose or stack file (etcd0, etcd1, etcd2 sharing
 * {@code --initial-cluster}; zoo1..3 with {@code ZOO_SERVERS}; Consul servers with {@code -bootstrap-expect})
 * is one ensemble: its members are the single-instance services of one system that list two members or
 * more, expect a count, or are Consul servers; services that name each other in their settings are one
 * ensemble (two clusters in one file stay two). It is reported once, on its first member, naming the
 * others. A service of several replicas is an ensemble of its own. A
 * Kubernetes workload is an ensemble on its own, so the gate, which sees one object per request, still
 * judges a StatefulSet it admits; that is why this inventory rule is a {@link SingleObjectRule}.
 */
public final class ConsensusQuorumUnsafe implements SingleObjectRule {

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
    public Stream<Finding> check(Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Member>> byFileAndSystem = new LinkedHashMap<>();
        for (Workload workload : inventory.workloads()) {
            Optional<Member> member = member(workload);
            if (member.isEmpty()) continue;
            if (isComposeFile(workload) && member.get().isEnsembleMember()) {
                byFileAndSystem.computeIfAbsent(workload.origin().source() + "\n" + member.get().system().name(), key -> new ArrayList<>())
                        .add(member.get());
            } else {
                alone(member.get()).ifPresent(findings::add);
            }
        }
        for (List<Member> members : byFileAndSystem.values()) {
            for (List<Member> ensemble : ensembles(members)) {
                if (ensemble.size() == 1) alone(ensemble.getFirst()).ifPresent(findings::add);
                else together(ensemble).ifPresent(findings::add);
            }
        }
        return findings.stream();
    }

    /**
     * A workload that runs a member of a consensus system.
     *
     * @param stated what its settings say about the ensemble's size, if anything
     */
    private record Member(Workload workload, Container container, KnownSystem system, Optional<Stated> stated) {

        /**
         * True when it takes part in an ensemble with other services: one instance that lists two members
         * or more, expects a count, or is a server by flag. A service of several replicas is an ensemble of its own.
         */
        boolean isEnsembleMember() {
            Integer replicas = workload.replicas().value();
            return (replicas == null || replicas == 1)
                    && stated.map(size -> size.members() >= 2).orElse(!system.cluster().serverWhen().isEmpty());
        }
    }

    /** A size setting: what is written, the member count it gives, and whether it lists ("names") or counts ("expects"). */
    private record Stated(ContainerSettings.Found found, int members, String verb) {
    }

    private static boolean isComposeFile(Workload workload) {
        return (workload.source() == SourceKind.COMPOSE || workload.source() == SourceKind.STACK) && workload.origin().isInFile();
    }

    private static Optional<Member> member(Workload workload) {
        for (Container container : workload.containers()) {
            if (container.init()) continue;
            Optional<KnownSystems.Match> match = KnownSystems.catalogue().running(container);
            if (match.isEmpty() || !match.get().system().cluster().isKnown()) continue;
            Cluster cluster = match.get().system().cluster();
            ContainerSettings settings = new ContainerSettings(container);
            if (!cluster.serverWhen().isEmpty() && settings.findAny(cluster.serverWhen()).isEmpty()) continue;
            return Optional.of(new Member(workload, container, match.get().system(), stated(cluster, settings)));
        }
        return Optional.empty();
    }

    private static Optional<Stated> stated(Cluster cluster, ContainerSettings settings) {
        Optional<Stated> listed = settings.findAny(cluster.members())
                .filter(found -> found.value() != null && cluster.countMembers(found.value()) > 0)
                .map(found -> new Stated(found, cluster.countMembers(found.value()), "names"));
        if (listed.isPresent()) return listed;
        return settings.findAny(cluster.expect())
                .flatMap(found -> number(found.value()).map(count -> new Stated(found, count, "expects")));
    }

    /**
     * The ensembles among one file's members of one system: members are linked when the command or environment of
     * either names the other's service ({@code --initial-cluster=etcd1=http://etcd1:2380,…}, {@code -retry-join=consul2}).
     * When every member is linked to another, each connected group is an ensemble (two clusters in one file stay two);
     * when one names no other and no other names it, the links say too little, and all are one ensemble.
     */
    private static List<List<Member>> ensembles(List<Member> members) {
        int size = members.size();
        int[] group = new int[size];
        for (int at = 0; at < size; at++) group[at] = at;
        boolean[] linked = new boolean[size];
        for (int from = 0; from < size; from++) {
            for (int to = 0; to < size; to++) {
                if (from != to && mentions(members.get(from).container(), members.get(to).workload().name())) {
                    linked[from] = true;
                    linked[to] = true;
                    int root = root(group, from);
                    int other = root(group, to);
                    group[Math.max(root, other)] = Math.min(root, other);
                }
            }
        }
        for (boolean link : linked) {
            if (!link) return List.of(members);
        }
        Map<Integer, List<Member>> byRoot = new LinkedHashMap<>();
        for (int at = 0; at < size; at++) byRoot.computeIfAbsent(root(group, at), key -> new ArrayList<>()).add(members.get(at));
        return List.copyOf(byRoot.values());
    }

    private static int root(int[] group, int at) {
        int root = at;
        while (group[root] != root) root = group[root];
        return root;
    }

    /** True when a command item or an environment value names the service as a whole word ({@code etcd1}, not {@code etcd10}). */
    private static boolean mentions(Container container, String service) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(service) + "(?![A-Za-z0-9_-])");
        return container.command().stream().anyMatch(item -> word.matcher(item.value()).find())
                || container.environment().stream().anyMatch(variable -> variable.value() != null && word.matcher(variable.value()).find());
    }

    /** One workload as the whole ensemble: its replicas, and what its settings list or expect. */
    private static Optional<Finding> alone(Member member) {
        Workload workload = member.workload();
        Integer replicas = workload.replicas().value();
        String ensemble = "%s runs %s".formatted(workload.description(), member.system().product());
        Optional<Stated> stated = member.stated();
        if (stated.isPresent() && replicas != null && replicas != stated.get().members()) {
            return Optional.of(Finding.of(INFO, workload.replicas().origin(), "%s with %d replicas, but %s %s %d members".formatted(
                    ensemble, replicas, stated.get().found().written(), stated.get().verb(), stated.get().members())));
        }
        if (stated.isPresent()) {
            return unsafeSize(ensemble, stated.get().members(), stated.get().found().origin(), stated.get().found().written());
        }
        return replicas == null ? Optional.empty() : unsafeSize(ensemble, replicas, workload.replicas().origin(), "replicas");
    }

    /** Several services of one file as one ensemble, reported on the first. */
    private static Optional<Finding> together(List<Member> members) {
        Member first = members.getFirst();
        int size = members.size();
        List<String> others = members.subList(1, members.size()).stream().map(member -> "'" + member.workload().name() + "'").toList();
        String ensemble = "%s runs %s as an ensemble of %d members with %s %s".formatted(first.workload().description(),
                first.system().product(), size, others.size() == 1 ? first.workload().kind() : first.workload().kind() + "s", and(others));
        for (Member member : members) {
            if (member.stated().isEmpty() || member.stated().get().members() == size) continue;
            Stated stated = member.stated().get();
            String whose = member == first ? "" : " (%s)".formatted(member.workload().description());
            return Optional.of(Finding.of(INFO, stated.found().origin(), "%s, but %s%s %s %d members".formatted(
                    ensemble, stated.found().written(), whose, stated.verb(), stated.members())));
        }
        if (size % 2 == 1) return Optional.empty();
        Origin where = first.stated().map(stated -> stated.found().origin()).orElse(first.workload().origin());
        String because = first.stated().map(stated -> " (" + stated.found().written() + ")").orElse("");
        return Optional.of(Finding.of(INFO, where, "%s%s: %s; run an odd number, 3 or 5".formatted(ensemble, because, risk(size))));
    }

    private static Optional<Finding> unsafeSize(String ensemble, int members, Origin where, String because) {
        if (members < 2 || members % 2 == 1) return Optional.empty();
        return Optional.of(Finding.of(INFO, where,
                "%s as an ensemble of %d members (%s): %s; run an odd number, 3 or 5".formatted(ensemble, members, because, risk(members))));
    }

    private static String risk(int members) {
        return members == 2 ? "losing either member stops it" : "it survives no more failures than %d would".formatted(members - 1);
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
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
