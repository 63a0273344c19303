package dev.shipshape.rules.discovery;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags StatefulSets whose {@code serviceName} is unset, or names no headless Service of their
 * namespace among the scanned ones. "No Service named X" is judged only when the scan holds at
 * least one Service: a StatefulSet scanned without the manifests around it is not accused of
 * lacking one.
 */
public final class StatefulsetWithoutHeadlessService implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-507", "statefulset-without-headless-service")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.MEDIUM)
            .title("StatefulSet has no headless Service")
            .rationale("""
                    A StatefulSet's pods get their stable DNS names (`db-0.db.ns.svc.cluster.local`) \
                    only from the headless Service its `serviceName` names. Without one, or with a \
                    Service that has a cluster IP, the members cannot be addressed one by one: \
                    replicas of a database or a consensus cluster fail to find their peers, and \
                    clients cannot reach the primary.""")
            .remediation("Set `spec.serviceName` of the StatefulSet and create a Service of that name in the same "
                    + "namespace with `clusterIP: None` and a selector that matches the pod template.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: StatefulSet stable network ID",
                            "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id"),
                    Reference.url("Kubernetes: headless Services",
                            "https://kubernetes.io/docs/concepts/services-networking/service/#headless-services"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        return inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.KUBERNETES && workload.kind().equals("StatefulSet"))
                .flatMap(statefulSet -> finding(statefulSet, inventory).stream());
    }

    private static Optional<Finding> finding(Workload statefulSet, Inventory inventory) {
        var serviceName = statefulSet.serviceName();
        if (!serviceName.isSet() || serviceName.value().isBlank()) {
            return Optional.of(Finding.of(INFO, serviceName.isSet() ? serviceName.origin() : statefulSet.origin(),
                    statefulSet.description() + " has no serviceName, so its pods get no stable DNS names"));
        }
        String name = serviceName.value().strip();
        String namespace = ServiceSelection.namespace(statefulSet.namespace());
        List<ServiceEndpoint> named = inventory.services().stream()
                .filter(candidate -> name.equals(candidate.name()) && ServiceSelection.namespace(candidate.namespace()).equals(namespace))
                .toList();
        if (named.isEmpty()) {
            if (inventory.services().isEmpty()) return Optional.empty();
            return Optional.of(Finding.of(INFO, serviceName.origin(), statefulSet.description() + " names serviceName "
                    + name + ", but there is no Service named " + name + " in namespace '" + namespace + "'"));
        }
        // Two manifests of one Service (variants of a deployment): one headless version is enough.
        if (named.stream().anyMatch(ServiceEndpoint::headless)) return Optional.empty();
        return Optional.of(Finding.of(INFO, serviceName.origin(), statefulSet.description() + " names serviceName "
                + name + ", but Service " + name + " is not headless (clusterIP: None)"));
    }
}
