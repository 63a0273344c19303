package dev.shipshape.load.cluster;

import java.util.List;
import java.util.Set;

/** Every kind {@code audit kubernetes} reads: what runs pods, and every kind the Kubernetes rules judge. */
final class ClusterKinds {

    private static final String APPS = "apps";
    private static final String BATCH = "batch";
    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String NETWORKING = "networking.k8s.io";

    static final List<ClusterKind> ALL = List.of(
            ClusterKind.namespaced("Deployment", APPS, "deployments", "v1"),
            ClusterKind.namespaced("StatefulSet", APPS, "statefulsets", "v1"),
            ClusterKind.namespaced("DaemonSet", APPS, "daemonsets", "v1"),
            ClusterKind.namespaced("ReplicaSet", APPS, "replicasets", "v1"),
            ClusterKind.namespaced("ReplicationController", "", "replicationcontrollers", "v1"),
            ClusterKind.namespaced("Job", BATCH, "jobs", "v1"),
            ClusterKind.namespaced("CronJob", BATCH, "cronjobs", "v1", "v1beta1"),
            ClusterKind.namespaced("Pod", "", "pods", "v1"),
            ClusterKind.namespaced("Service", "", "services", "v1"),
            ClusterKind.namespaced("PodDisruptionBudget", "policy", "poddisruptionbudgets", "v1", "v1beta1"),
            ClusterKind.namespaced("HorizontalPodAutoscaler", "autoscaling", "horizontalpodautoscalers", "v2", "v2beta2", "v1"),
            ClusterKind.namespaced("NetworkPolicy", NETWORKING, "networkpolicies", "v1"),
            ClusterKind.namespaced("Ingress", NETWORKING, "ingresses", "v1", "v1beta1"),
            ClusterKind.namespaced("ServiceAccount", "", "serviceaccounts", "v1"),
            ClusterKind.namespaced("Role", RBAC, "roles", "v1"),
            ClusterKind.namespaced("RoleBinding", RBAC, "rolebindings", "v1"),
            ClusterKind.clusterWide("ClusterRole", RBAC, "clusterroles", "v1"),
            ClusterKind.clusterWide("ClusterRoleBinding", RBAC, "clusterrolebindings", "v1"),
            ClusterKind.namespaced("ConfigMap", "", "configmaps", "v1"),
            ClusterKind.namespaced("Secret", "", "secrets", "v1").listedAsMetadata(),
            ClusterKind.clusterWide("Namespace", "", "namespaces", "v1"));

    /** The kinds whose objects run pods: read by the loader as workloads, and given the state of their pods. */
    static final Set<String> POD_OWNERS = Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod");

    private ClusterKinds() {
    }
}
