package dev.shipshape.load.kubernetes;

import java.util.List;

/**
 * A kind that runs pods, and where its pod template is.
 *
 * @param templatePath the keys from the object's {@code spec} to its pod template (the mapping holding
 *                     the pod's {@code metadata} and {@code spec}); empty for a Pod, which is its own template
 * @param hasReplicas  true when {@code spec.replicas} means something for this kind
 * @param rolloutKey   the key of {@code spec} that says how a new version rolls out ({@code strategy},
 *                     {@code updateStrategy}); null for kinds that have none
 */
record WorkloadKind(String name, List<String> templatePath, boolean hasReplicas, String rolloutKey) {

    /** True for a StatefulSet, whose {@code spec.volumeClaimTemplates} its containers mount by name. */
    boolean hasClaimTemplates() {
        return isStatefulSet();
    }

    /** True for a StatefulSet, whose {@code spec.serviceName} names the headless Service that gives its pods their names. */
    boolean hasServiceName() {
        return isStatefulSet();
    }

    private boolean isStatefulSet() {
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
