package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.model.Inventory;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleEngine;
import dev.shipshape.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings whose severity depends on what they are about: cluster-wide reach, a namespace's default account. */
class RbacSeverityTest {

    private static List<Finding> run(dev.shipshape.rules.Rule rule, String manifest) {
        Inventory inventory = new KubernetesLoader().load("rbac.k8s.yaml", manifest).inventory();
        return RuleEngine.only(rule).run(inventory);
    }

    @Test
    void readingSecretsIsHighForAClusterRoleAndMediumForARole() {
        List<Finding> findings = run(new RbacSecretsAccess(), """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: everywhere}
                rules:
                  - {apiGroups: [""], resources: [secrets], verbs: [list]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: here, namespace: shop}
                rules:
                  - {apiGroups: [""], resources: [secrets], verbs: [get]}
                """);

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
    }

    @Test
    void fullControlIsCriticalForADefaultServiceAccountAndHighOtherwise() {
        List<Finding> findings = run(new ClusterAdminBinding(), """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: admins}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects:
                  - {kind: ServiceAccount, name: default, namespace: web}
                  - {kind: User, name: alice}
                """);

        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.HIGH);
    }
}
