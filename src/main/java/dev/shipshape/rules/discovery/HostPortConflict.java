package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags a host port that two workloads both claim. Compose and Swarm: two services of one file
 * (one project) whose published ports overlap. Kubernetes: two workloads with the same hostPort
 * (and protocol, on overlapping host addresses) can never run on one node; that breaks a
 * deployment when one of them is a DaemonSet (it holds the port on every node, so the other has
 * nowhere to go) or when both are written in one file (deployed together, they compete for
 * nodes). Two workloads from different files, neither a DaemonSet, are usually alternatives
 * (a standalone and a distributed variant) and the scheduler keeps them apart; they are not
 * reported. Two manifests of one Kubernetes object (same kind, namespace and name) never clash.
 * Each clash is reported once, at the later binding, naming the first.
 */
public final class HostPortConflict implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-508", "host-port-conflict")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.HIGH)
            .title("Two workloads publish the same host port")
            .rationale("""
                    Only one listener can hold a host port. In a Compose project the second service \
                    fails to start (`port is already allocated`); in a swarm the second service is \
                    rejected; in Kubernetes two pods with the same hostPort never share a node: beside \
                    a DaemonSet that holds the port the other workload cannot be scheduled anywhere it \
                    runs, and workloads deployed together compete for nodes until one stays Pending \
                    and a rolling update deadlocks.""")
            .remediation("Give each service its own host port in `ports:` (or bind them to different `host_ip` "
                    + "addresses), or publish only the entry point and reach the rest by service name; in Kubernetes "
                    + "drop `hostPort` and expose the pods through a Service, or give each workload its own `hostPort`.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES)
            .references(
                    Reference.url("Docker Compose: ports", "https://docs.docker.com/reference/compose-file/services/#ports"),
                    Reference.url("Kubernetes: configuration best practices (hostPort)",
                            "https://kubernetes.io/docs/concepts/configuration/overview/#services"))
            .build();

    private static final String DAEMON_SET = "DaemonSet";
    private static final Comparator<HostBinding> IN_WRITING_ORDER = Comparator.comparing(binding -> binding.port().origin());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        Map<String, List<Workload>> groups = new LinkedHashMap<>();
        for (Workload workload : inventory.workloads()) {
            switch (workload.source()) {
                case COMPOSE, STACK -> groups.computeIfAbsent("file " + workload.origin().source(), key -> new ArrayList<>()).add(workload);
                case KUBERNETES -> groups.computeIfAbsent("kubernetes", key -> new ArrayList<>()).add(workload);
                default -> { }
            }
        }
        return groups.values().stream().flatMap(HostPortConflict::conflicts);
    }

    private static Stream<Finding> conflicts(List<Workload> workloads) {
        List<HostBinding> bindings = workloads.stream()
                .flatMap(workload -> workload.containers().stream().flatMap(container -> container.ports().stream()
                        .flatMap(port -> HostBinding.of(workload, container, port).stream())))
                .sorted(IN_WRITING_ORDER)
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i < bindings.size(); i++) {
            HostBinding later = bindings.get(i);
            Optional<HostBinding> first = bindings.subList(0, i).stream()
                    .filter(earlier -> !sameObject(earlier.workload(), later.workload()) && earlier.conflictsWith(later)
                            && deployedTogether(earlier.workload(), later.workload()))
                    .findFirst();
            first.ifPresent(earlier -> findings.add(Finding.of(INFO, later.port().origin(), message(later, earlier))));
        }
        return findings.stream();
    }

    /**
     * One workload, or two manifests of the same Kubernetes object (a kind, namespace and name:
     * variants of one deployment, of which a cluster runs only one at a time).
     */
    private static boolean sameObject(Workload one, Workload other) {
        if (one == other) return true;
        return one.source() == SourceKind.KUBERNETES && other.source() == SourceKind.KUBERNETES
                && one.kind().equals(other.kind()) && one.name() != null && one.name().equals(other.name())
                && ServiceSelection.namespace(one.namespace()).equals(ServiceSelection.namespace(other.namespace()));
    }

    /** Compose groups are one file already; Kubernetes workloads meet on a node when written together or beside a DaemonSet. */
    private static boolean deployedTogether(Workload one, Workload other) {
        if (one.source() != SourceKind.KUBERNETES) return true;
        return one.origin().source().equals(other.origin().source())
                || DAEMON_SET.equals(one.kind()) || DAEMON_SET.equals(other.kind());
    }

    private static String message(HostBinding later, HostBinding first) {
        Origin where = first.port().origin();
        String at = where.isInFile() ? where.source() + ":" + where.line() : where.toString();
        boolean kubernetes = later.workload().source() == SourceKind.KUBERNETES;
        return later.container().description() + " publishes host port " + later.display() + ", which "
                + first.container().description() + " already publishes (" + at + ")"
                + (kubernetes ? ": a node can run only one of them" : "");
    }
}
