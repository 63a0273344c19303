package dev.shipshape.rules.networking;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.KubernetesNamespace;
import dev.shipshape.model.NetworkPolicy;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Flags each Kubernetes workload whose pods no NetworkPolicy of their namespace selects, in the
 * namespaces the scanned set covers whole. A namespace counts as covered whole when the set holds
 * at least one NetworkPolicy in it (whoever wrote the set does network policies there, so a pod
 * left out is a hole) or the Namespace object itself (the set creates the namespace, so nothing
 * else puts policies in it). Anywhere else, policies may come from another repository, and
 * nothing is said. An unstated namespace is read as "default".
 */
public final class MissingNetworkPolicy implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-440", "missing-network-policy")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.MEDIUM)
            .title("Pod is selected by no NetworkPolicy")
            .rationale("""
                    Pods that no NetworkPolicy selects accept connections from every pod in the cluster \
                    and may connect anywhere: one compromised pod anywhere reaches them, and they reach \
                    the cloud metadata endpoint and the internet. Policies only restrict the pods they \
                    select.""")
            .remediation("Add a NetworkPolicy in the workload's namespace whose `spec.podSelector` matches its pod labels "
                    + "(or a default-deny policy with `podSelector: {}`), allowing only the traffic it needs.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.3.2: ensure that all namespaces have NetworkPolicies defined",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: network policies", "https://kubernetes.io/docs/concepts/services-networking/network-policies/"))
            .build();

    private static final String DEFAULT_NAMESPACE = "default";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<NetworkPolicy> policies = inventory.kubernetes().networkPolicies();
        Set<String> covered = Stream.concat(
                        policies.stream().map(policy -> namespaceOf(policy.namespace())),
                        inventory.kubernetes().namespaces().stream().map(KubernetesNamespace::name))
                .collect(Collectors.toSet());
        return inventory.workloads().stream()
                .filter(workload -> workload.source() == SourceKind.KUBERNETES)
                .filter(workload -> covered.contains(namespaceOf(workload.namespace())))
                .filter(workload -> policies.stream().noneMatch(policy -> selects(policy, workload)))
                .map(workload -> Finding.of(INFO, workload.origin(), "%s is selected by no NetworkPolicy of namespace %s: its pods accept and open any connection"
                        .formatted(workload.description(), namespaceOf(workload.namespace()))));
    }

    static boolean selects(NetworkPolicy policy, Workload workload) {
        return namespaceOf(policy.namespace()).equals(namespaceOf(workload.namespace()))
                && policy.podSelector().matches(workload.podLabels());
    }

    static String namespaceOf(String namespace) {
        return Objects.requireNonNullElse(namespace, DEFAULT_NAMESPACE);
    }
}
