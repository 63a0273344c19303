package dev.shipshape.load.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One object read from the API server, named as findings name it ({@code Deployment/shop/web},
 * {@code ClusterRole/admin}), and trimmed to what the loader reads.
 */
record LiveObject(String kind, String namespace, String name, String uid, ObjectNode json) {

    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** The label of the roles and bindings the API server creates and reconciles at every start. */
    static final String SERVER_DEFAULT = "kubernetes.io/bootstrapping=rbac-defaults";

    static LiveObject of(ObjectNode json) {
        JsonNode metadata = json.path("metadata");
        return new LiveObject(json.path("kind").asText(), metadata.path("namespace").asText(""),
                metadata.path("name").asText(""), metadata.path("uid").asText(""), json);
    }

    String description() {
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    boolean isServerDefault() {
        return json.path("metadata").path("labels").path("kubernetes.io/bootstrapping").asText("").equals("rbac-defaults");
    }

    /**
     * "StatefulSet web" when a controller made this Pod (its ownerReference says so) but that controller was not
     * read: an operator's custom kind, or a kind the credentials may not list.
     */
    Optional<String> unreadController() {
        if (!kind.equals("Pod")) return Optional.empty();
        for (JsonNode owner : json.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return Optional.of(owner.path("kind").asText("?") + " " + owner.path("name").asText("?"));
            }
        }
        return Optional.empty();
    }

    /** The uid of the controller that made this object (a Pod's ReplicaSet, a ReplicaSet's Deployment, a Job's CronJob). */
    Optional<String> controllerUid() {
        for (JsonNode owner : json.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) return Optional.of(owner.path("uid").asText(""));
        }
        return Optional.empty();
    }

    /**
     * The object without what no rule reads and what makes most of its size: {@code managedFields},
     * kubectl's last-applied copy of the whole object, and the status (a pod's is read apart, by
     * {@link PodState}). The object read is left as it came.
     */
    ObjectNode forLoader() {
        ObjectNode trimmed = json.deepCopy();
        trimmed.remove("status");
        if (trimmed.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
            if (metadata.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(LAST_APPLIED);
                if (annotations.isEmpty()) metadata.remove("annotations");
            }
        }
        return trimmed;
    }
}
