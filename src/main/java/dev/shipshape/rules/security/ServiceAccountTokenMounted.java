package dev.shipshape.rules.security;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.PodServiceAccount;
import dev.shipshape.model.RoleBinding;
import dev.shipshape.model.ServiceAccount;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.InventoryRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Flags each Kubernetes workload whose pods mount their ServiceAccount's API token although no
 * RoleBinding or ClusterRoleBinding of the scanned set names that account as a subject. The token
 * is mounted unless the pod's {@code automountServiceAccountToken} is false, or, when the pod does
 * not say, the ServiceAccount's (when the set has it). A binding's ServiceAccount subject without a
 * namespace is read in the binding's namespace.
 *
 * <p>Only the scanned set is known, so a pod is judged when the set is where its account's
 * permissions would be: it runs as its namespace's {@code default} account (which should hold no
 * permissions at all), or the set defines the ServiceAccount it names. A pod naming an account the
 * set does not define is left alone: that account and its bindings live elsewhere.
 */
public final class ServiceAccountTokenMounted implements InventoryRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-144", "service-account-token-mounted")
            .pillar(Pillar.SECURITY)
            .severity(Severity.LOW)
            .title("Pod mounts an API token it has no use for")
            .rationale("""
                    Every pod gets its ServiceAccount's token at /var/run/secrets/kubernetes.io/serviceaccount \
                    unless told otherwise. An application that never calls the Kubernetes API does not need \
                    it, but anyone who gets code running in the pod can use it to explore the API, and any \
                    permission later granted to the account (or to all ServiceAccounts) is theirs.""")
            .remediation("Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount) of workloads "
                    + "that do not call the Kubernetes API; mount a projected token only where one is needed.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.1.6: ensure that ServiceAccount tokens are only mounted where necessary",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: opt out of API credential automounting",
                            "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"
                                    + "#opt-out-of-api-credential-automounting"))
            .build();

    private static final String SERVICE_ACCOUNT = "ServiceAccount";
    private static final String DEFAULT_NAMESPACE = "default";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        List<RoleBinding> bindings = inventory.kubernetes().roleBindings();
        List<ServiceAccount> accounts = inventory.kubernetes().serviceAccounts();
        return inventory.kubernetes().podServiceAccounts().stream()
                .filter(pod -> !pod.automountToken().isFalse())
                .filter(pod -> pod.accountName().equals(PodServiceAccount.DEFAULT_ACCOUNT) || account(pod, accounts).isPresent())
                .filter(pod -> pod.automountToken().isTrue() || !account(pod, accounts).map(found -> found.automountToken().isFalse()).orElse(false))
                .filter(pod -> !isBound(pod, bindings))
                .map(pod -> {
                    Setting<Boolean> automount = pod.automountToken();
                    return Finding.of(INFO, automount.isSet() ? automount.origin() : pod.workloadOrigin(),
                            "%s mounts the API token of ServiceAccount '%s', which no binding in the scanned set grants any role"
                                    .formatted(pod.workload(), pod.accountName()));
                });
    }

    private static Optional<ServiceAccount> account(PodServiceAccount pod, List<ServiceAccount> accounts) {
        return accounts.stream()
                .filter(candidate -> candidate.name().equals(pod.accountName())
                        && namespaceOf(candidate.namespace()).equals(namespaceOf(pod.namespace())))
                .findFirst();
    }

    private static boolean isBound(PodServiceAccount pod, List<RoleBinding> bindings) {
        return bindings.stream().anyMatch(binding -> binding.subjects().stream().anyMatch(subject ->
                subject.kind().equals(SERVICE_ACCOUNT) && subject.name().equals(pod.accountName())
                        && namespaceOf(Objects.requireNonNullElse(subject.namespace(), Objects.requireNonNullElse(binding.namespace(), "")))
                                .equals(namespaceOf(pod.namespace()))));
    }

    private static String namespaceOf(String namespace) {
        return namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
    }
}
