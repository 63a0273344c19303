package dev.shipshape.model;

/**
 * A HorizontalPodAutoscaler or a KEDA ScaledObject: which workload it scales, and between what bounds.
 *
 * @param kind         "HorizontalPodAutoscaler" or "ScaledObject"
 * @param targetKind   {@code scaleTargetRef.kind} (a ScaledObject's defaults to Deployment)
 * @param targetName   {@code scaleTargetRef.name}, at its key (at {@code scaleTargetRef} or the object when missing)
 * @param minReplicas  as written; unset means the kind's default ({@link #effectiveMinReplicas()})
 * @param maxReplicas  as written
 */
public record Autoscaler(String kind, String name, String namespace, Origin origin, String targetKind,
        Setting<String> targetName, Setting<Integer> minReplicas, Setting<Integer> maxReplicas) {

    public static final String HPA = "HorizontalPodAutoscaler";
    public static final String SCALED_OBJECT = "ScaledObject";

    /** The fewest replicas it keeps: as written, else 1 for an HPA and 0 for a ScaledObject (KEDA scales to zero). */
    public int effectiveMinReplicas() {
        return minReplicas.orElse(SCALED_OBJECT.equals(kind) ? 0 : 1);
    }

    /** "HorizontalPodAutoscaler 'web'". */
    public String description() {
        return kind + " '" + name + "'";
    }

    /** True when it scales this workload: same namespace, kind and name. */
    public boolean scales(Workload workload) {
        return workload.kind().equals(targetKind) && workload.name().equals(targetName.value())
                && java.util.Objects.equals(namespaceOr(namespace), namespaceOr(workload.namespace()));
    }

    private static String namespaceOr(String namespace) {
        return namespace == null ? "default" : namespace;
    }
}
