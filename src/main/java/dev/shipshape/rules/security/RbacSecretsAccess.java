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
import java.util.stream.Stream;

/**
 * Flags each rule of a Role or ClusterRole that names {@code secrets} (in the core API group) with
 * get, list or watch (or {@code *}): HIGH for a ClusterRole, which reads the Secrets of every
 * namespace once bound cluster-wide, MEDIUM for a Role. A rule limited by {@code resourceNames} is
 * least privilege and is left alone; a {@code *} resource is {@link RbacWildcard}'s finding.
 * Kubernetes' own roles (Roles and ClusterRoles named {@code system:…}; the ClusterRoles cluster-admin, admin, edit, view) are not judged.
 */
public final class RbacSecretsAccess implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-142", "rbac-secrets-access")
            .pillar(Pillar.SECURITY)
            .severity(Severity.MEDIUM)
            .title("Role lets its subjects read Secrets")
            .rationale("""
                    Reading Secrets gives away every password, API key and ServiceAccount token stored \
                    in them, and with a token, the permissions of that account. list and watch return \
                    the values of every Secret at once. A ClusterRole bound cluster-wide reads the \
                    Secrets of every namespace, kube-system's included.""")
            .remediation("Remove `get`, `list` and `watch` on `secrets` from the role's `rules`, or limit the rule "
                    + "to the Secrets the subject needs with `resourceNames`; prefer mounting a Secret into the pod "
                    + "over reading it through the API.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.1.2: minimize access to secrets",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: RBAC good practices",
                            "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets"))
            .build();

    private static final List<String> READ_VERBS = List.of("get", "list", "watch");

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
                .flatMap(role -> role.rules().stream().flatMap(rule -> finding(role, rule)));
    }

    private static Stream<Finding> finding(RbacRole role, RbacRule rule) {
        if (!rule.resourceNames().isEmpty() || !rule.covers("", "secrets")) return Stream.empty();
        List<String> verbs = READ_VERBS.stream().filter(rule::grantsVerb).toList();
        if (verbs.isEmpty()) return Stream.empty();
        return rule.resources().stream()
                .filter(resource -> resource.value().equals("secrets"))
                .findFirst()
                .map(Setting::origin)
                .map(origin -> {
                    Finding finding = Finding.of(INFO, origin, "%s lets its subjects %s Secrets%s".formatted(role.description(),
                            String.join(", ", verbs), role.isClusterWide() ? " in every namespace when bound cluster-wide" : " of its namespace"));
                    return role.isClusterWide() ? finding.withSeverity(Severity.HIGH) : finding;
                })
                .stream();
    }
}
