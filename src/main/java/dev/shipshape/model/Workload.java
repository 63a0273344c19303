package dev.shipshape.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deployable unit: a Compose or Swarm service, a Kubernetes Pod or the pod template of a
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob, or a
 * live container.
 *
 * @param kind          what the source calls it: "service", "Deployment", "Pod", "container"
 * @param namespace     Kubernetes namespace when stated, else null
 * @param origin        the object's definition (the service key, the manifest's {@code kind:})
 * @param lastLine      the object's last line in its file (0 when not in a file)
 * @param replicas      unset when the source does not say
 * @param restartPolicy as written (Compose {@code restart}, {@code deploy.restart_policy.condition}, a pod's {@code restartPolicy})
 * @param labels        the object's labels as written, repeated keys kept
 * @param podLabels     the labels its pods carry (what a Service selector matches)
 * @param rollout       how a new version replaces the old one
 * @param scheduling    where its replicas may run
 * @param dependencies  Compose {@code depends_on}
 * @param links         Compose {@code links} and {@code external_links} entries
 * @param extraHosts    Compose {@code extra_hosts} / Kubernetes {@code hostAliases} entries, "name=address" or "name:address" as written
 * @param serviceName   a StatefulSet's {@code serviceName}
 * @param claimTemplates a StatefulSet's {@code volumeClaimTemplates} names (at each template's name)
 * @param templatePath  where the pod template sits inside an object of a custom kind
 *                      ({@code spec.mpiReplicaSpecs.Worker.template}); null for the kinds whose pods are known
 */
public record Workload(
        String kind,
        String name,
        String namespace,
        SourceKind source,
        Origin origin,
        int lastLine,
        Setting<Integer> replicas,
        Setting<String> restartPolicy,
        List<Container> containers,
        List<KeyValue> labels,
        Map<String, String> podLabels,
        Rollout rollout,
        Scheduling scheduling,
        List<Dependency> dependencies,
        List<Setting<String>> links,
        List<Setting<String>> extraHosts,
        Setting<String> serviceName,
        List<Setting<String>> claimTemplates,
        String templatePath) {

    public Workload {
        containers = List.copyOf(containers);
        labels = List.copyOf(labels);
        podLabels = Map.copyOf(podLabels);
        dependencies = List.copyOf(dependencies);
        links = List.copyOf(links);
        extraHosts = List.copyOf(extraHosts);
        claimTemplates = List.copyOf(claimTemplates);
    }

    /** A workload of a kind whose pods are known (not found inside a custom resource). */
    public Workload(String kind, String name, String namespace, SourceKind source, Origin origin, int lastLine,
            Setting<Integer> replicas, Setting<String> restartPolicy, List<Container> containers,
            List<KeyValue> labels, Map<String, String> podLabels, Rollout rollout, Scheduling scheduling,
            List<Dependency> dependencies, List<Setting<String>> links, List<Setting<String>> extraHosts,
            Setting<String> serviceName, List<Setting<String>> claimTemplates) {
        this(kind, name, namespace, source, origin, lastLine, replicas, restartPolicy, containers, labels, podLabels,
                rollout, scheduling, dependencies, links, extraHosts, serviceName, claimTemplates, null);
    }

    /** A workload that states nothing about rollout, scheduling, dependencies, links or claims. */
    public Workload(String kind, String name, String namespace, SourceKind source, Origin origin, int lastLine,
            Setting<Integer> replicas, Setting<String> restartPolicy, List<Container> containers,
            List<KeyValue> labels, Map<String, String> podLabels) {
        this(kind, name, namespace, source, origin, lastLine, replicas, restartPolicy, containers, labels, podLabels,
                Rollout.unset(origin), Scheduling.unset(origin), List.of(), List.of(), List.of(),
                Setting.unset(origin), List.of());
    }

    /** "service 'web'", "Deployment 'api'", "MPIJob 'train' (spec.mpiReplicaSpecs.Worker.template)". */
    public String description() {
        return templatePath == null ? kind + " '" + name + "'" : kind + " '" + name + "' (" + templatePath + ")";
    }

    /** True for a pod template found inside an object of a custom kind (an MPIJob, a Workflow…). */
    public boolean isInCustomResource() {
        return templatePath != null;
    }

    /**
     * True when an orchestrator rolls this workload out and can roll it back: a Swarm stack service,
     * or a Kubernetes Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or
     * CronJob. Not a plain Compose service, a bare Pod or a live container.
     */
    public boolean isRolledOutByOrchestrator() {
        return switch (source) {
            case STACK -> true;
            case KUBERNETES -> kind != null && ORCHESTRATED_KINDS.contains(kind);
            default -> false;
        };
    }

    private static final Set<String> ORCHESTRATED_KINDS = Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob");
}
