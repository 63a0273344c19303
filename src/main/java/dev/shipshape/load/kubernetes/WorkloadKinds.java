package dev.shipshape.load.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kinds the loader knows: those that run pods, and those it recognises without reading them. */
final class WorkloadKinds {

    private static final List<String> TEMPLATE = List.of("template");
    private static final List<String> JOB_TEMPLATE = List.of("jobTemplate", "spec", "template");

    private static final Map<String, WorkloadKind> BY_NAME = Map.of(
            "Pod", new WorkloadKind("Pod", List.of(), false, null),
            "Deployment", new WorkloadKind("Deployment", TEMPLATE, true, "strategy"),
            "ReplicaSet", new WorkloadKind("ReplicaSet", TEMPLATE, true, null),
            "ReplicationController", new WorkloadKind("ReplicationController", TEMPLATE, true, null),
            "StatefulSet", new WorkloadKind("StatefulSet", TEMPLATE, true, "updateStrategy"),
            "DaemonSet", new WorkloadKind("DaemonSet", TEMPLATE, false, "updateStrategy"),
            "Job", new WorkloadKind("Job", TEMPLATE, false, null),
            "CronJob", new WorkloadKind("CronJob", JOB_TEMPLATE, false, null));

    /**
     * Kinds the model has no place for yet (claims): known, so not reported as skipped. Services,
     * PodDisruptionBudgets and the kinds of {@link ClusterObjectReader} are read (see {@link KubernetesLoader}).
     */
    private static final Set<String> RECOGNISED_OTHERS = Set.of("PersistentVolumeClaim");

    private WorkloadKinds() {
    }

    /** API groups of the built-in kinds above; a "Job" of batch.volcano.sh is a custom kind of the same name. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "extensions", "batch");

    static Optional<WorkloadKind> of(String kind) {
        return Optional.ofNullable(BY_NAME.get(kind));
    }

    /** A kind that runs pods, in a built-in API group (or in no apiVersion written, which is already reported). */
    static Optional<WorkloadKind> of(String kind, String apiVersion) {
        if (apiVersion != null) {
            int slash = apiVersion.indexOf('/');
            if (!BUILT_IN_GROUPS.contains(slash < 0 ? "" : apiVersion.substring(0, slash))) return Optional.empty();
        }
        return of(kind);
    }

    static boolean isRecognisedOther(String kind) {
        return RECOGNISED_OTHERS.contains(kind);
    }
}
