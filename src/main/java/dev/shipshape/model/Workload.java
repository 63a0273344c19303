package dev.shipshape.model;

import java.util.List;
import java.util.Map;

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
        Map<String, String> podLabels) {

    public Workload {
        containers = List.copyOf(containers);
        labels = List.copyOf(labels);
        podLabels = Map.copyOf(podLabels);
    }

    /** "service 'web'", "Deployment 'api'". */
    public String description() {
        return kind + " '" + name + "'";
    }
}
