package dev.shipshape.rules.security;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.RbacRole;
import dev.shipshape.model.RbacRole.RbacRule;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.SingleObjectRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flags each rule of a Role or ClusterRole that grants a way to more privilege than the role
 * states ({@link #GRANTS}): running commands in pods, escalating or binding roles, impersonating,
 * minting ServiceAccount tokens, reaching kubelets through nodes/proxy, and, in a Role of
 * kube-system, creating or changing workloads there. A grant counts when its resource is named
 * ({@code pods/exec}, or {@code pods/*}), or, for escalate, bind and impersonate, when the verb is;
 * a rule that gets there only through {@code *} resources is {@link RbacWildcard}'s finding.
 * Kubernetes' own roles (Roles and ClusterRoles named {@code system:…}; the ClusterRoles cluster-admin, admin, edit, view) are not judged. The finding points at the named resource (or verb).
 */
public final class RbacPrivilegeEscalation implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-143", "rbac-privilege-escalation")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Role grants a path to more privilege")
            .rationale("""
                    Some permissions are worth more than they say: pods/exec and pods/attach run commands \
                    as any pod's ServiceAccount; escalate and bind grant roles the holder does not have; \
                    impersonate acts as any user; serviceaccounts/token mints tokens for any account; \
                    nodes/proxy talks to the kubelet's API; and whoever may change kube-system's workloads \
                    runs code with the control plane's accounts.""")
            .remediation("Remove these grants from the role's `rules`: `pods/exec`, `pods/attach`, the verbs `escalate`, "
                    + "`bind` and `impersonate`, `create` on `serviceaccounts/token`, `nodes/proxy`, and write access to "
                    + "workloads in kube-system; give them only to the few admins who need them, in a separate role.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.1.8: limit use of the bind, impersonate and escalate permissions",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: RBAC good practices, privilege escalation risks",
                            "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"))
            .build();

    private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
    private static final Set<String> WRITE = Set.of("create", "update", "patch");

    /**
     * A permission that leads further: a resource of an API group, the verbs that do, and what it
     * gives. For escalate, bind and impersonate the verb is the risk and counts when named on any
     * resource that covers this one; for the rest the resource must be named.
     */
    private record Grant(String apiGroup, String resource, Set<String> verbs, String gives, boolean kubeSystemOnly) {

        boolean verbIsTheRisk() {
            return verbs.contains("escalate") || verbs.contains("bind") || verbs.contains("impersonate");
        }
    }

    private static final List<Grant> GRANTS = List.of(
            new Grant("", "pods/exec", Set.of("create", "get"), "runs commands in pods with their ServiceAccounts", false),
            new Grant("", "pods/attach", Set.of("create", "get"), "attaches to pods' processes", false),
            new Grant(RBAC_GROUP, "roles", Set.of("escalate", "bind"), "grants roles beyond its own", false),
            new Grant(RBAC_GROUP, "clusterroles", Set.of("escalate", "bind"), "grants roles beyond its own", false),
            new Grant("", "users", Set.of("impersonate"), "acts as any user", false),
            new Grant("", "groups", Set.of("impersonate"), "acts as any group", false),
            new Grant("", "serviceaccounts", Set.of("impersonate"), "acts as any ServiceAccount", false),
            new Grant("", "serviceaccounts/token", Set.of("create"), "mints tokens for ServiceAccounts", false),
            new Grant("", "nodes/proxy", Set.of("get", "create"), "reaches the kubelet API of nodes", false),
            new Grant("", "pods", WRITE, "runs code with kube-system's accounts", true),
            new Grant("apps", "deployments", WRITE, "runs code with kube-system's accounts", true),
            new Grant("apps", "daemonsets", WRITE, "runs code on every node with kube-system's accounts", true),
            new Grant("apps", "statefulsets", WRITE, "runs code with kube-system's accounts", true),
            new Grant("apps", "replicasets", WRITE, "runs code with kube-system's accounts", true),
            new Grant("batch", "jobs", WRITE, "runs code with kube-system's accounts", true),
            new Grant("batch", "cronjobs", WRITE, "runs code with kube-system's accounts", true));

    private static final String KUBE_SYSTEM = "kube-system";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Inventory inventory) {
        // at the gate mostly none: no stream pipeline is built for nothing
        if (inventory.kubernetes().roles().isEmpty()) return Stream.empty();
        return inventory.kubernetes().roles().stream()
                .filter(role -> !role.isKubernetesOwn())
                .flatMap(role -> role.rules().stream().flatMap(rule -> GRANTS.stream()
                        .filter(grant -> !grant.kubeSystemOnly() || (!role.isClusterWide() && KUBE_SYSTEM.equals(role.namespace())))
                        .flatMap(grant -> finding(role, rule, grant).stream())));
    }

    private static Optional<Finding> finding(RbacRole role, RbacRule rule, Grant grant) {
        if (!rule.covers(grant.apiGroup(), grant.resource())) return Optional.empty();
        List<String> verbs = grant.verbs().stream().filter(rule::grantsVerb).sorted().toList();
        if (verbs.isEmpty()) return Optional.empty();
        Optional<Setting<String>> namedResource = named(rule.resources(), grant.resource());
        Optional<Setting<String>> namedVerb = rule.verbs().stream().filter(verb -> grant.verbs().contains(verb.value())).findFirst();
        Optional<Setting<String>> at = grant.verbIsTheRisk() ? namedResource.or(() -> namedVerb) : namedResource;
        return at.map(where -> Finding.of(INFO, where.origin(), "%s grants %s on %s: its holder %s"
                .formatted(role.description(), String.join(", ", verbs), grant.resource(), grant.gives())));
    }

    /** The resource written by name ({@code pods/exec}, or {@code pods/*} for a subresource), not as {@code *}. */
    private static Optional<Setting<String>> named(List<Setting<String>> resources, String resource) {
        String base = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) + "/*" : null;
        return resources.stream().filter(value -> value.value().equals(resource) || value.value().equals(base)).findFirst();
    }
}
