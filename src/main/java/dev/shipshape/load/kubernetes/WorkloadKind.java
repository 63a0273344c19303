package dev.shipshape.load.kubernetes;

import java.util.List;

/**
 * A kind that runs pods, and where its pod template is.
 *
 * @param templatePath the keys from the object's {@code spec} to its pod template (the mapping holding
 *                     the pod's {@code metadata} and {@code spec}); empty for a Pod, which is its own template
 * @param hasReplicas  true when {@code spec.replicas} means something for this kind
 */
record WorkloadKind(String name, List<String> templatePath, boolean hasReplicas) {

    /** True for a StatefulSet, whose {@code spec.volumeClaimTemplates} its containers mount by name. */
    boolean hasClaimTemplates() {
        return name.equals("StatefulSet");
    }

    boolean isPod() {
        return templatePath.isEmpty();
    }

    /** "spec.template.spec": where the pod spec is, for messages. */
    String podSpecPath() {
        return isPod() ? "spec" : "spec." + String.join(".", templatePath) + ".spec";
    }
}
