package dev.shipshape.rules.security;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.PodServiceAccount;
import dev.shipshape.model.RbacRole;
import dev.shipshape.model.RbacRole.RbacRule;
import dev.shipshape.model.RoleBinding;
import dev.shipshape.model.RoleBinding.Subject;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Flags each subject a RoleBinding or ClusterRoleBinding gives full control to: the
 * {@code cluster-admin} ClusterRole, or a role of the scanned set with a rule granting every verb on
 * every resource of every API group (every verb: {@code *}, or all of get, list, watch, create,
 * update, patch and delete). System components are left alone: bindings named {@code system:…}
 * (Kubernetes' own), subjects named {@code system:…} (system:masters, the control plane's own
 * users) and ServiceAccounts of kube-system. A namespace's {@code default} ServiceAccount is CRITICAL: every pod of the namespace
 * that names no account runs with it.
 *
 * <p>The binding alone decides for {@code cluster-admin}, so the gate judges that on one object; a
 * role defined elsewhere in the set is found only when both are scanned together.
 */
public final class ClusterAdminBinding implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-141", "cluster-admin-binding")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Binding gives a subject full control of the cluster or namespace")
            .rationale("""
                    cluster-admin (or any role with every verb on every resource) can read every Secret, \
                    start privileged pods on any node and grant itself anything else: whoever gets hold \
                    of the subject's credentials owns the cluster. Bound to a ServiceAccount, that is \
                    anyone who can run code in a pod using it; bound to a namespace's default \
                    ServiceAccount, it is every pod of the namespace that names no other account.""")
            .remediation("Bind a role with only the verbs and resources the subject needs in the RoleBinding or "
                    + "ClusterRoleBinding's `roleRef`; never bind `cluster-admin` to a ServiceAccount, least of all `default`.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.1.1: ensure that the cluster-admin role is only used where required",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: RBAC good practices",
                            "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"))
            .build();

    private static final String CLUSTER_ADMIN = "cluster-admin";
    private static final String SYSTEM_PREFIX = "system:";
    private static final String KUBE_SYSTEM = "kube-system";
    private static final String SERVICE_ACCOUNT = "ServiceAccount";
    /** The verbs that, on every resource, amount to every verb that matters for data and workloads. */
    private static final List<String> EVERY_VERB = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        // at the gate mostly none: no stream pipeline is built for nothing
        if (inventory.kubernetes().roleBindings().isEmpty()) return Stream.empty();
        List<RbacRole> roles = inventory.kubernetes().roles();
        return inventory.kubernetes().roleBindings().stream()
                .filter(binding -> !binding.name().startsWith(SYSTEM_PREFIX))
                .filter(binding -> grantsEverything(binding, roles))
                .flatMap(binding -> binding.subjects().stream()
                        .filter(subject -> !isSystemComponent(subject, binding))
                        .map(subject -> finding(binding, subject)));
    }

    private static Finding finding(RoleBinding binding, Subject subject) {
        String scope = binding.isClusterWide() ? "the whole cluster"
                : "namespace " + Objects.requireNonNullElse(binding.namespace(), "default");
        String role = "'" + binding.roleName().value() + "'";
        Finding finding = Finding.of(INFO, subject.origin(), "%s gives %s full control of %s through %s %s"
                .formatted(binding.description(), subject.description(), scope, binding.roleKind(), role));
        if (isDefaultAccount(subject)) {
            return new Finding(INFO, Severity.CRITICAL, subject.origin(), finding.message()
                    + ": every pod of its namespace that names no ServiceAccount runs with it");
        }
        return finding;
    }

    private static boolean grantsEverything(RoleBinding binding, List<RbacRole> roles) {
        if (!binding.roleName().isSet()) return false;
        String name = binding.roleName().value();
        if ("ClusterRole".equals(binding.roleKind()) && name.equals(CLUSTER_ADMIN)) return true;
        return roles.stream()
                .filter(role -> role.kind().equals(binding.roleKind()) && role.name().equals(name))
                .filter(role -> role.isClusterWide() || Objects.equals(role.namespace(), binding.namespace()))
                .anyMatch(role -> role.rules().stream().anyMatch(ClusterAdminBinding::grantsEverything));
    }

    private static boolean grantsEverything(RbacRule rule) {
        boolean everyVerb = RbacRule.wildcard(rule.verbs()).isPresent() || EVERY_VERB.stream().allMatch(rule::grantsVerb);
        return everyVerb && RbacRule.wildcard(rule.resources()).isPresent() && RbacRule.wildcard(rule.apiGroups()).isPresent();
    }

    private static boolean isSystemComponent(Subject subject, RoleBinding binding) {
        if (subject.name().startsWith(SYSTEM_PREFIX)) return true;
        String namespace = subject.namespace() != null ? subject.namespace() : binding.namespace();
        return subject.kind().equals(SERVICE_ACCOUNT) && KUBE_SYSTEM.equals(namespace);
    }

    private static boolean isDefaultAccount(Subject subject) {
        return subject.kind().equals(SERVICE_ACCOUNT) && subject.name().equals(PodServiceAccount.DEFAULT_ACCOUNT);
    }
}
