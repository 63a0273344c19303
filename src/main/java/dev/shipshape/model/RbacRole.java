package dev.shipshape.model;

import java.util.List;

/**
 * A Kubernetes Role or ClusterRole.
 *
 * @param kind      "Role" or "ClusterRole"
 * @param namespace a Role's namespace when stated; null for a ClusterRole
 * @param rules     its policy rules; a ClusterRole built by {@code aggregationRule} has none of its own
 */
public record RbacRole(String kind, String name, String namespace, Origin origin, List<RbacRule> rules) {

    public RbacRole {
        rules = List.copyOf(rules);
    }

    public boolean isClusterWide() {
        return "ClusterRole".equals(kind);
    }

    /**
     * True for a role Kubernetes itself defines and keeps reconciled: a Role or ClusterRole named
     * {@code system:…} (kube-system's {@code system:controller:bootstrap-signer} reads Secrets), or
     * one of the default user-facing ClusterRoles (cluster-admin, admin, edit, view). A live cluster
     * always has them; judging them would only repeat the same findings.
     */
    public boolean isKubernetesOwn() {
        return name.startsWith("system:") || (isClusterWide() && DEFAULT_CLUSTER_ROLES.contains(name));
    }

    private static final java.util.Set<String> DEFAULT_CLUSTER_ROLES = java.util.Set.of("cluster-admin", "admin", "edit", "view");

    /** "ClusterRole 'admin'". */
    public String description() {
        return kind + " '" + name + "'";
    }

    /**
     * One entry of a role's {@code rules}: each list item keeps the origin of its own value.
     *
     * @param origin the rule's list item
     */
    public record RbacRule(List<Setting<String>> apiGroups, List<Setting<String>> resources, List<Setting<String>> verbs,
            List<String> resourceNames, List<Setting<String>> nonResourceUrls, Origin origin) {

        public RbacRule {
            apiGroups = List.copyOf(apiGroups);
            resources = List.copyOf(resources);
            verbs = List.copyOf(verbs);
            resourceNames = List.copyOf(resourceNames);
            nonResourceUrls = List.copyOf(nonResourceUrls);
        }

        /** True when the rule grants this verb ({@code *} grants every verb). */
        public boolean grantsVerb(String verb) {
            return verbs.stream().anyMatch(written -> written.value().equals("*") || written.value().equals(verb));
        }

        /** True when the rule covers this resource ("pods/exec", "secrets") of this API group ("" is the core group). */
        public boolean covers(String apiGroup, String resource) {
            boolean group = apiGroups.stream().anyMatch(written -> written.value().equals("*") || written.value().equals(apiGroup));
            String base = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
            boolean covered = resources.stream().anyMatch(written -> {
                String value = written.value();
                return value.equals("*") || value.equals(resource) || (resource.contains("/") && value.equals(base + "/*"));
            });
            return group && covered;
        }

        /** The first written value of this list that is {@code *}. */
        public static java.util.Optional<Setting<String>> wildcard(List<Setting<String>> values) {
            return values.stream().filter(value -> value.value().equals("*")).findFirst();
        }
    }
}
