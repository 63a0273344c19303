package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes RoleBinding or ClusterRoleBinding.
 *
 * @param kind     "RoleBinding" or "ClusterRoleBinding"
 * @param roleKind the {@code roleRef.kind}: "Role" or "ClusterRole"
 * @param roleName the {@code roleRef.name}, at its key
 */
public record RoleBinding(String kind, String name, String namespace, Origin origin, String roleKind,
        Setting<String> roleName, List<Subject> subjects) {

    public RoleBinding {
        subjects = List.copyOf(subjects);
    }

    public boolean isClusterWide() {
        return "ClusterRoleBinding".equals(kind);
    }

    /** "ClusterRoleBinding 'ops'". */
    public String description() {
        return kind + " '" + name + "'";
    }

    /**
     * Who a binding grants its role to.
     *
     * @param kind      "ServiceAccount", "User" or "Group"
     * @param namespace a ServiceAccount's namespace when stated
     * @param origin    the subject's list item
     */
    public record Subject(String kind, String name, String namespace, Origin origin) {

        /** "ServiceAccount 'ci' (namespace build)", "Group 'system:authenticated'". */
        public String description() {
            return kind + " '" + name + "'" + (namespace == null ? "" : " (namespace " + namespace + ")");
        }
    }
}
