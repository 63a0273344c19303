package dev.shipshape.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What Kubernetes manifests state besides workloads, Services and PodDisruptionBudgets: the
 * objects that say who may do what (RBAC, service accounts), who may talk to whom (network
 * policies, ingress routes), how workloads scale (autoscalers), what configuration they get
 * (Secrets, ConfigMaps), which namespaces the set defines, every object's {@code apiVersion}, and
 * every object's identity and labels ({@link ObjectIdentity}), custom resources included.
 */
public record KubernetesObjects(
        List<ApiVersionUse> apiVersions,
        List<KubernetesNamespace> namespaces,
        List<RbacRole> roles,
        List<RoleBinding> roleBindings,
        List<ServiceAccount> serviceAccounts,
        List<PodServiceAccount> podServiceAccounts,
        List<NetworkPolicy> networkPolicies,
        List<Route> routes,
        List<Autoscaler> autoscalers,
        List<SecretManifest> secrets,
        List<ConfigMap> configMaps,
        List<ObjectIdentity> objects) {

    public static final KubernetesObjects NONE = new Builder().build();

    public KubernetesObjects {
        apiVersions = List.copyOf(apiVersions);
        namespaces = List.copyOf(namespaces);
        roles = List.copyOf(roles);
        roleBindings = List.copyOf(roleBindings);
        serviceAccounts = List.copyOf(serviceAccounts);
        podServiceAccounts = List.copyOf(podServiceAccounts);
        networkPolicies = List.copyOf(networkPolicies);
        routes = List.copyOf(routes);
        autoscalers = List.copyOf(autoscalers);
        secrets = List.copyOf(secrets);
        configMaps = List.copyOf(configMaps);
        objects = List.copyOf(objects);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the objects as the loader reads them, and the parts of several files. */
    public static final class Builder {
        public final List<ApiVersionUse> apiVersions = new ArrayList<>();
        public final List<KubernetesNamespace> namespaces = new ArrayList<>();
        public final List<RbacRole> roles = new ArrayList<>();
        public final List<RoleBinding> roleBindings = new ArrayList<>();
        public final List<ServiceAccount> serviceAccounts = new ArrayList<>();
        public final List<PodServiceAccount> podServiceAccounts = new ArrayList<>();
        public final List<NetworkPolicy> networkPolicies = new ArrayList<>();
        public final List<Route> routes = new ArrayList<>();
        public final List<Autoscaler> autoscalers = new ArrayList<>();
        public final List<SecretManifest> secrets = new ArrayList<>();
        public final List<ConfigMap> configMaps = new ArrayList<>();
        public final List<ObjectIdentity> objects = new ArrayList<>();

        public Builder addAll(KubernetesObjects other) {
            apiVersions.addAll(other.apiVersions());
            namespaces.addAll(other.namespaces());
            roles.addAll(other.roles());
            roleBindings.addAll(other.roleBindings());
            serviceAccounts.addAll(other.serviceAccounts());
            podServiceAccounts.addAll(other.podServiceAccounts());
            networkPolicies.addAll(other.networkPolicies());
            routes.addAll(other.routes());
            autoscalers.addAll(other.autoscalers());
            secrets.addAll(other.secrets());
            configMaps.addAll(other.configMaps());
            objects.addAll(other.objects());
            return this;
        }

        public KubernetesObjects build() {
            return new KubernetesObjects(apiVersions, namespaces, roles, roleBindings, serviceAccounts, podServiceAccounts,
                    networkPolicies, routes, autoscalers, secrets, configMaps, objects);
        }
    }
}
