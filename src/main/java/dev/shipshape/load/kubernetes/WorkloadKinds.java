package dev.shipshape.load.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kinds the loader knows: those that run pods, and those it recognises without reading them yet. */
final class WorkloadKinds {

    private static final List<String> TEMPLATE = List.of("template");
    private static final List<String> JOB_TEMPLATE = List.of("jobTemplate", "spec", "template");

    private static final Map<String, WorkloadKind> BY_NAME = Map.of(
            "Pod", new WorkloadKind("Pod", List.of(), false),
            "Deployment", new WorkloadKind("Deployment", TEMPLATE, true),
            "ReplicaSet", new WorkloadKind("ReplicaSet", TEMPLATE, true),
            "ReplicationController", new WorkloadKind("ReplicationController", TEMPLATE, true),
            "StatefulSet", new WorkloadKind("StatefulSet", TEMPLATE, true),
            "DaemonSet", new WorkloadKind("DaemonSet", TEMPLATE, false),
            "Job", new WorkloadKind("Job", TEMPLATE, false),
            "CronJob", new WorkloadKind("CronJob", JOB_TEMPLATE, false));

    /** Kinds the model has no place for yet (services, policies, claims…): known, so not reported as skipped. */
    private static final Set<String> RECOGNISED_OTHERS = Set.of(
            "Service", "NetworkPolicy", "PersistentVolumeClaim", "Ingress", "Namespace", "ServiceAccount",
            "PodDisruptionBudget");

    private WorkloadKinds() {
    }

    static Optional<WorkloadKind> of(String kind) {
        return Optional.ofNullable(BY_NAME.get(kind));
    }

    static boolean isRecognisedOther(String kind) {
        return RECOGNISED_OTHERS.contains(kind);
    }
}
