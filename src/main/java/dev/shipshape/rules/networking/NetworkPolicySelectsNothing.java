package dev.shipshape.rules.networking;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.NetworkPolicy;
import dev.shipshape.model.ObjectIdentity;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ApplicationInSet;
import dev.shipshape.rules.CustomResourceMakers;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.stream.Stream;

/**
 * Flags a NetworkPolicy whose {@code podSelector} matches no pod of the scanned workloads of its
 * namespace. Judged only where the scanned set has workloads in that namespace and holds the
 * policy's application ({@link ApplicationInSet}), and not when a custom resource of the namespace
 * could make the pods ({@link CustomResourceMakers}). An empty selector selects every pod and is
 * never flagged.
 */
public final class NetworkPolicySelectsNothing implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-441", "network-policy-selects-nothing")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("NetworkPolicy selects no pod")
            .rationale("""
                    A policy whose selector matches no pod protects nothing, while it reads as if it \
                    did: usually a label was renamed in the workload and not in the policy, and the \
                    pods it was written for now accept any connection. Judged only when the scanned set \
                    holds the policy's application (another workload, Service or custom resource with the \
                    same `app.kubernetes.io/instance`, `app.kubernetes.io/part-of`, `release` or \
                    `helm.sh/chart` label, or, for a policy without them, in its file, or in its namespace and folder) and \
                    workloads of its namespace; pods that a custom resource of the namespace could make \
                    (its name, kind or labels account for every label the selector requires, as a \
                    Prometheus 'k8s' does for `app.kubernetes.io/name: prometheus, prometheus: k8s`) count \
                    as selected.""")
            .remediation("Make `spec.podSelector` match the pod labels of the workload it is meant for (its "
                    + "`spec.template.metadata.labels`), or delete the policy.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("Kubernetes: network policies", "https://kubernetes.io/docs/concepts/services-networking/network-policies/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<Workload> workloads = inventory.workloads().stream().filter(workload -> workload.source() == SourceKind.KUBERNETES).toList();
        ApplicationInSet applications = ApplicationInSet.of(inventory);
        CustomResourceMakers makers = CustomResourceMakers.of(inventory);
        return inventory.kubernetes().networkPolicies().stream()
                .filter(policy -> !policy.podSelector().isEmpty())
                .filter(policy -> workloads.stream().anyMatch(workload -> sameNamespace(policy, workload)))
                .filter(policy -> applications.holds(policy.origin(), policy.namespace()))
                .filter(policy -> workloads.stream().noneMatch(workload -> MissingNetworkPolicy.selects(policy, workload)))
                .filter(policy -> makers.couldMakePods(policy.podSelector(), policy.namespace()).isEmpty())
                .map(policy -> Finding.of(INFO, policy.podSelectorOrigin(), message(policy, makers)));
    }

    private static String message(NetworkPolicy policy, CustomResourceMakers makers) {
        String namespace = MissingNetworkPolicy.namespaceOf(policy.namespace());
        String message = "%s selects no pod of the scanned workloads in namespace %s".formatted(policy.description(), namespace);
        List<ObjectIdentity> unfit = makers.ofKindsNamedBy(policy.podSelector(), policy.namespace());
        return unfit.isEmpty() ? message
                : message + "; custom resources there make pods (" + CustomResourceMakers.describe(unfit) + "), but none fits this selector";
    }

    private static boolean sameNamespace(NetworkPolicy policy, Workload workload) {
        return MissingNetworkPolicy.namespaceOf(policy.namespace()).equals(MissingNetworkPolicy.namespaceOf(workload.namespace()));
    }
}
