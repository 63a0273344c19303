package dev.shipshape.rules.orchestration;

import dev.shipshape.model.KubernetesVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API versions Kubernetes has removed, from the deprecated API migration guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/): which kinds, in which
 * release, and what replaces them.
 */
final class ApiRemovals {

    /** One kind in one apiVersion, removed in a release. */
    record Removal(String kind, String apiVersion, KubernetesVersion removedIn, String replacement) {
    }

    private static final KubernetesVersion V1_16 = new KubernetesVersion(1, 16);
    private static final KubernetesVersion V1_22 = new KubernetesVersion(1, 22);
    private static final KubernetesVersion V1_25 = new KubernetesVersion(1, 25);
    private static final KubernetesVersion V1_26 = new KubernetesVersion(1, 26);
    private static final KubernetesVersion V1_27 = new KubernetesVersion(1, 27);
    private static final KubernetesVersion V1_29 = new KubernetesVersion(1, 29);
    private static final KubernetesVersion V1_32 = new KubernetesVersion(1, 32);

    private static final String APPS = "apps/v1";
    private static final String NETWORKING = "networking.k8s.io/v1";
    private static final String RBAC = "rbac.authorization.k8s.io/v1";
    private static final String FLOW_CONTROL = "flowcontrol.apiserver.k8s.io/v1";

    private static final List<Removal> TABLE = List.of(
            new Removal("Deployment", "extensions/v1beta1", V1_16, APPS),
            new Removal("DaemonSet", "extensions/v1beta1", V1_16, APPS),
            new Removal("ReplicaSet", "extensions/v1beta1", V1_16, APPS),
            new Removal("NetworkPolicy", "extensions/v1beta1", V1_16, NETWORKING),
            new Removal("PodSecurityPolicy", "extensions/v1beta1", V1_16, "policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)"),
            new Removal("Deployment", "apps/v1beta1", V1_16, APPS),
            new Removal("Deployment", "apps/v1beta2", V1_16, APPS),
            new Removal("StatefulSet", "apps/v1beta1", V1_16, APPS),
            new Removal("StatefulSet", "apps/v1beta2", V1_16, APPS),
            new Removal("DaemonSet", "apps/v1beta2", V1_16, APPS),
            new Removal("ReplicaSet", "apps/v1beta2", V1_16, APPS),
            new Removal("MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1beta1", V1_22, "admissionregistration.k8s.io/v1"),
            new Removal("ValidatingWebhookConfiguration", "admissionregistration.k8s.io/v1beta1", V1_22, "admissionregistration.k8s.io/v1"),
            new Removal("CustomResourceDefinition", "apiextensions.k8s.io/v1beta1", V1_22, "apiextensions.k8s.io/v1"),
            new Removal("APIService", "apiregistration.k8s.io/v1beta1", V1_22, "apiregistration.k8s.io/v1"),
            new Removal("TokenReview", "authentication.k8s.io/v1beta1", V1_22, "authentication.k8s.io/v1"),
            new Removal("SubjectAccessReview", "authorization.k8s.io/v1beta1", V1_22, "authorization.k8s.io/v1"),
            new Removal("LocalSubjectAccessReview", "authorization.k8s.io/v1beta1", V1_22, "authorization.k8s.io/v1"),
            new Removal("SelfSubjectAccessReview", "authorization.k8s.io/v1beta1", V1_22, "authorization.k8s.io/v1"),
            new Removal("CertificateSigningRequest", "certificates.k8s.io/v1beta1", V1_22, "certificates.k8s.io/v1"),
            new Removal("Lease", "coordination.k8s.io/v1beta1", V1_22, "coordination.k8s.io/v1"),
            new Removal("Ingress", "extensions/v1beta1", V1_22, NETWORKING),
            new Removal("Ingress", "networking.k8s.io/v1beta1", V1_22, NETWORKING),
            new Removal("IngressClass", "networking.k8s.io/v1beta1", V1_22, NETWORKING),
            new Removal("ClusterRole", "rbac.authorization.k8s.io/v1beta1", V1_22, RBAC),
            new Removal("ClusterRoleBinding", "rbac.authorization.k8s.io/v1beta1", V1_22, RBAC),
            new Removal("Role", "rbac.authorization.k8s.io/v1beta1", V1_22, RBAC),
            new Removal("RoleBinding", "rbac.authorization.k8s.io/v1beta1", V1_22, RBAC),
            new Removal("ClusterRole", "rbac.authorization.k8s.io/v1alpha1", V1_22, RBAC),
            new Removal("ClusterRoleBinding", "rbac.authorization.k8s.io/v1alpha1", V1_22, RBAC),
            new Removal("Role", "rbac.authorization.k8s.io/v1alpha1", V1_22, RBAC),
            new Removal("RoleBinding", "rbac.authorization.k8s.io/v1alpha1", V1_22, RBAC),
            new Removal("PriorityClass", "scheduling.k8s.io/v1beta1", V1_22, "scheduling.k8s.io/v1"),
            new Removal("CSIDriver", "storage.k8s.io/v1beta1", V1_22, "storage.k8s.io/v1"),
            new Removal("CSINode", "storage.k8s.io/v1beta1", V1_22, "storage.k8s.io/v1"),
            new Removal("StorageClass", "storage.k8s.io/v1beta1", V1_22, "storage.k8s.io/v1"),
            new Removal("VolumeAttachment", "storage.k8s.io/v1beta1", V1_22, "storage.k8s.io/v1"),
            new Removal("CronJob", "batch/v1beta1", V1_25, "batch/v1"),
            new Removal("EndpointSlice", "discovery.k8s.io/v1beta1", V1_25, "discovery.k8s.io/v1"),
            new Removal("Event", "events.k8s.io/v1beta1", V1_25, "events.k8s.io/v1"),
            new Removal("HorizontalPodAutoscaler", "autoscaling/v2beta1", V1_25, "autoscaling/v2"),
            new Removal("PodDisruptionBudget", "policy/v1beta1", V1_25, "policy/v1"),
            new Removal("PodSecurityPolicy", "policy/v1beta1", V1_25, "Pod Security Admission (the API is gone)"),
            new Removal("RuntimeClass", "node.k8s.io/v1beta1", V1_25, "node.k8s.io/v1"),
            new Removal("FlowSchema", "flowcontrol.apiserver.k8s.io/v1beta1", V1_26, FLOW_CONTROL),
            new Removal("PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io/v1beta1", V1_26, FLOW_CONTROL),
            new Removal("HorizontalPodAutoscaler", "autoscaling/v2beta2", V1_26, "autoscaling/v2"),
            new Removal("CSIStorageCapacity", "storage.k8s.io/v1beta1", V1_27, "storage.k8s.io/v1"),
            new Removal("FlowSchema", "flowcontrol.apiserver.k8s.io/v1beta2", V1_29, FLOW_CONTROL),
            new Removal("PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io/v1beta2", V1_29, FLOW_CONTROL),
            new Removal("FlowSchema", "flowcontrol.apiserver.k8s.io/v1beta3", V1_32, FLOW_CONTROL),
            new Removal("PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io/v1beta3", V1_32, FLOW_CONTROL));

    /** The table by kind and apiVersion (the first row wins): every Kubernetes object at the gate is looked up. */
    private static final Map<Use, Removal> BY_USE = byUse();

    /** A kind in an apiVersion, as the table's key. */
    private record Use(String kind, String apiVersion) {
    }

    private ApiRemovals() {
    }

    static Optional<Removal> of(String kind, String apiVersion) {
        return Optional.ofNullable(BY_USE.get(new Use(kind, apiVersion)));
    }

    private static Map<Use, Removal> byUse() {
        Map<Use, Removal> byUse = new HashMap<>();
        for (Removal removal : TABLE) byUse.putIfAbsent(new Use(removal.kind(), removal.apiVersion()), removal);
        return Map.copyOf(byUse);
    }
}
