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
import java.util.stream.Stream;

/**
 * Flags each rule of a Role or ClusterRole that grants {@code *} as a verb, a resource or an API
 * group: one finding per wildcard list, at its {@code *}. Kubernetes' own roles
 * (Roles and ClusterRoles named {@code system:…}; the ClusterRoles cluster-admin, admin, edit, view) are not judged.
 */
public final class RbacWildcard implements SingleObjectRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-140", "rbac-wildcard")
            .pillar(Pillar.SECURITY)
            .severity(Severity.HIGH)
            .title("Role grants wildcard verbs, resources or API groups")
            .rationale("""
                    A `*` grants everything that exists now and everything added later: every verb \
                    (including escalate, bind and impersonate), every subresource (pods/exec, \
                    serviceaccounts/token) and the resources of every CRD installed after the role was \
                    reviewed. Whoever holds the role gets far more than anyone meant to give.""")
            .remediation("List the `verbs`, `resources` and `apiGroups` the subject needs in the Role or ClusterRole "
                    + "`rules` instead of `*`.")
            .appliesTo(SourceKind.KUBERNETES)
            .references(
                    Reference.url("CIS Kubernetes Benchmark 5.1.3: minimize wildcard use in Roles and ClusterRoles",
                            "https://www.cisecurity.org/benchmark/kubernetes"),
                    Reference.url("Kubernetes: RBAC good practices",
                            "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"))
            .build();

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
                .flatMap(role -> role.rules().stream().flatMap(rule -> findings(role, rule)));
    }

    private static Stream<Finding> findings(RbacRole role, RbacRule rule) {
        return Stream.of(
                        finding(role, rule.verbs(), "every verb"),
                        finding(role, rule.resources(), "every resource"),
                        finding(role, rule.apiGroups(), "every API group"))
                .flatMap(Optional::stream);
    }

    private static Optional<Finding> finding(RbacRole role, List<Setting<String>> values, String what) {
        return RbacRule.wildcard(values).map(wildcard -> Finding.of(INFO, wildcard.origin(),
                "%s grants %s ('*'), including those added later".formatted(role.description(), what)));
    }
}
