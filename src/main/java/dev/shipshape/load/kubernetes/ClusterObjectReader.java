package dev.shipshape.load.kubernetes;

import dev.shipshape.model.KubernetesNamespace;
import dev.shipshape.model.KubernetesObjects;
import dev.shipshape.model.ServiceAccount;
import dev.shipshape.model.Setting;
import java.util.Map;
import java.util.Set;

/**
 * Reads the objects that run no pods but that rules judge ({@link KubernetesObjects}): RBAC,
 * ServiceAccounts, Namespaces, NetworkPolicies, Ingresses and HTTPRoutes, autoscalers, Secrets
 * and ConfigMaps, in every API version they have had.
 */
final class ClusterObjectReader {

    private static final Set<String> CORE = Set.of("v1");
    private static final Set<String> RBAC = Set.of("rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1",
            "rbac.authorization.k8s.io/v1alpha1");
    private static final Set<String> HTTP_ROUTE = Set.of("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1",
            "gateway.networking.k8s.io/v1alpha2");

    /** Kind → the API versions it is read in. */
    private static final Map<String, Set<String>> API_VERSIONS = Map.ofEntries(
            Map.entry("Role", RBAC),
            Map.entry("ClusterRole", RBAC),
            Map.entry("RoleBinding", RBAC),
            Map.entry("ClusterRoleBinding", RBAC),
            Map.entry("ServiceAccount", CORE),
            Map.entry("Namespace", CORE),
            Map.entry("Secret", CORE),
            Map.entry("ConfigMap", CORE),
            Map.entry("NetworkPolicy", Set.of("networking.k8s.io/v1", "extensions/v1beta1")),
            Map.entry("Ingress", Set.of("networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1")),
            Map.entry("HTTPRoute", HTTP_ROUTE),
            Map.entry("HorizontalPodAutoscaler", Set.of("autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2")),
            Map.entry("ScaledObject", Set.of("keda.sh/v1alpha1")));

    private final Problems problems;
    private final RbacReader rbac;
    private final NetworkPolicyReader networkPolicies;
    private final RouteReader routes;
    private final AutoscalerReader autoscalers;
    private final ConfigurationReader configuration;

    ClusterObjectReader(Problems problems) {
        this.problems = problems;
        this.rbac = new RbacReader(problems);
        this.networkPolicies = new NetworkPolicyReader(problems);
        this.routes = new RouteReader(problems);
        this.autoscalers = new AutoscalerReader(problems);
        this.configuration = new ConfigurationReader(problems);
    }

    /** True when this reader reads objects of this kind and API version (or of this kind and no API version written). */
    static boolean reads(ManifestObject object) {
        Set<String> versions = API_VERSIONS.get(object.kind());
        return versions != null && (object.apiVersion() == null || versions.contains(object.apiVersion()));
    }

    void read(ManifestObject object, ObjectMetadata metadata, KubernetesObjects.Builder into) {
        switch (object.kind()) {
            case "Role", "ClusterRole" -> into.roles.add(rbac.role(object, metadata));
            case "RoleBinding", "ClusterRoleBinding" -> into.roleBindings.add(rbac.binding(object, metadata));
            case "ServiceAccount" -> into.serviceAccounts.add(new ServiceAccount(metadata.name(), metadata.namespace(),
                    object.kindOrigin(), object.fields().bool("automountServiceAccountToken").orElse(Setting.unset(object.kindOrigin()))));
            case "Namespace" -> into.namespaces.add(new KubernetesNamespace(metadata.name(), object.kindOrigin()));
            case "Secret" -> into.secrets.add(configuration.secret(object, metadata));
            case "ConfigMap" -> into.configMaps.add(configuration.configMap(object, metadata));
            case "NetworkPolicy" -> into.networkPolicies.add(networkPolicies.read(object, metadata));
            case "Ingress" -> into.routes.add(routes.ingress(object, metadata));
            case "HTTPRoute" -> into.routes.add(routes.httpRoute(object, metadata));
            case "HorizontalPodAutoscaler", "ScaledObject" -> into.autoscalers.add(autoscalers.read(object, metadata));
            default -> problems.info(object.kindOrigin(), "no reader for kind " + object.kind());
        }
    }
}
