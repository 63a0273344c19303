package dev.shipshape.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Kubernetes object of the set, of any kind, as its metadata names it: what estate rules need
 * to tell which application an object belongs to, and which objects are custom resources.
 *
 * @param apiVersion as written; null when it is not
 * @param namespace  as written; null when it is not
 * @param labels     one value per key, the last written wins
 * @param origin     where its {@code kind} is written (the origin of the Route, NetworkPolicy,
 *                   Autoscaler, Service or built-in workload read from the same object)
 */
public record ObjectIdentity(String kind, String apiVersion, String name, String namespace, Map<String, String> labels,
        Origin origin) {

    /** The API groups served by Kubernetes itself; any other group is defined by a CustomResourceDefinition. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy", "extensions",
            "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io",
            "admissionregistration.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
            "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io",
            "node.k8s.io", "scheduling.k8s.io", "resource.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io",
            "settings.k8s.io");

    /** Built-in kinds that run pods or front them. */
    private static final Set<String> APPLICATION_KINDS = Set.of("Pod", "Deployment", "ReplicaSet", "ReplicationController",
            "StatefulSet", "DaemonSet", "Job", "CronJob", "Service");

    public ObjectIdentity {
        labels = Map.copyOf(labels);
    }

    /** An object of a kind that Kubernetes does not build in (a Prometheus, a Kafka); unknown without an apiVersion. */
    public boolean isCustomResource() {
        if (apiVersion == null) return false;
        int slash = apiVersion.indexOf('/');
        return !BUILT_IN_GROUPS.contains(slash < 0 ? "" : apiVersion.substring(0, slash));
    }

    /** A built-in object that runs pods or fronts them (a workload or a Service), or a custom resource, which may make both. */
    public boolean runsOrServes() {
        return isCustomResource() || APPLICATION_KINDS.contains(kind);
    }

    /** "prometheus" for a Prometheus: the word operators name the pods and Services of their resources by. */
    public String kindWord() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** "Prometheus 'k8s'". */
    public String description() {
        return kind + " '" + name + "'";
    }
}
