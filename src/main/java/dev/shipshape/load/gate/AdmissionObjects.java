package dev.shipshape.load.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.LoadResult;
import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.load.yaml.JsonDocument;
import dev.shipshape.model.Container;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The object of an AdmissionReview as the model, read by the same loader as a manifest file (an
 * API object in JSON is a manifest): Pods, and the pod templates of Deployments, ReplicaSets,
 * StatefulSets, DaemonSets, Jobs, CronJobs and ReplicationControllers, on CREATE and UPDATE.
 * For {@code pods/ephemeralcontainers} only the debug containers being added are judged: the rest
 * of the pod was judged when it was created. A pod a controller made (a ReplicaSet's, a Job's) is
 * judged by the container rules only: its owner was judged as the workload it is, and a bare-pod
 * rule would misjudge it. RBAC objects (Role, ClusterRole, RoleBinding, ClusterRoleBinding),
 * Ingresses and Services are judged too, when the webhook configuration sends them, by the rules
 * that judge one object alone ({@link dev.shipshape.rules.SingleObjectRule}). Secrets are not: what
 * the rules say about a Secret is that its values are written in a file, which admission cannot
 * see (every Secret the API server receives has its data). Everything else (other kinds and
 * subresources, DELETE, CONNECT) is not inspected.
 *
 * <p>Suppression annotations in the object are not honoured at the gate: whoever submits an
 * object must not be able to exempt it; exceptions are waivers in {@code .shipshape.yaml}.
 */
public final class AdmissionObjects {

    private static final Set<String> KINDS = Set.of(
            "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController");
    /** Kinds that run no pods but that single-object rules judge; mutation never touches them. */
    private static final Set<String> OBJECT_KINDS = Set.of(
            "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "Ingress", "Service");
    private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE");
    private static final String EPHEMERAL = "ephemeralcontainers";
    /** The loader's note about a malformed suppression annotation, which the gate does not honour anyway. */
    private static final String SUPPRESSION_ANNOTATION = "ignore.shipshape.dev/";
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private AdmissionObjects() {
    }

    /** Whether the request is about a kind and operation the webhook judges (and can mutate). */
    public static boolean judges(AdmissionRequest request) {
        if (!OPERATIONS.contains(request.operation()) || !KINDS.contains(request.kind())) return false;
        return request.subResource().isEmpty() || (request.kind().equals("Pod") && request.subResource().equals(EPHEMERAL));
    }

    /** Whether the request creates or updates an object (not a subresource) that single-object rules judge. */
    static boolean judgesObject(AdmissionRequest request) {
        return OPERATIONS.contains(request.operation()) && OBJECT_KINDS.contains(request.kind()) && request.subResource().isEmpty();
    }

    public static GateInput read(AdmissionRequest request) {
        boolean singleObject = judgesObject(request);
        if (!judges(request) && !singleObject) return new GateInput.NotInspected();
        if (!request.object().isObject()) {
            return new GateInput.Unreadable("the %s request for %s has no object".formatted(request.operation(), request.kind()));
        }
        // shallow copies of the parts changed below: the request's own tree is left as it came
        ObjectNode object = copy(request.object());
        if (!object.path("kind").isTextual()) object.put("kind", request.kind());
        if (!object.path("apiVersion").isTextual()) {
            object.put("apiVersion", request.group().isEmpty() ? request.version() : request.group() + "/" + request.version());
        }
        object.remove("status");
        if (object.path("metadata").isObject()) {
            ObjectNode metadata = copy(object.get("metadata"));
            object.set("metadata", metadata);
            if (!metadata.path("namespace").isTextual() && !request.namespace().isEmpty()) metadata.put("namespace", request.namespace());
            // what no rule reads, and (managedFields, kubectl's last-applied annotation) most of the object's size
            metadata.remove("managedFields");
            if (metadata.path("annotations").isObject()) {
                ObjectNode annotations = copy(metadata.get("annotations"));
                annotations.remove(LAST_APPLIED);
                metadata.set("annotations", annotations);
            }
        }
        String shown = request.kind() + " " + (request.namespace().isEmpty() ? "" : request.namespace() + "/")
                + (request.name().isEmpty() ? object.path("metadata").path("generateName").asText("") + "*" : request.name());
        LoadResult loaded = new KubernetesLoader().load(List.of(JsonDocument.of(shown, object)));
        // The API server has decoded and validated the object: a shape the loader cannot read means the gate cannot judge it
        List<Diagnostic> unreadable = loaded.diagnostics().stream()
                .filter(diagnostic -> diagnostic.level() != Diagnostic.Level.INFO && !diagnostic.message().contains(SUPPRESSION_ANNOTATION))
                .toList();
        if (!unreadable.isEmpty()) {
            return new GateInput.Unreadable("the %s cannot be read: %s".formatted(request.kind(), unreadable.getFirst().message()));
        }
        if (singleObject) return new GateInput.Modelled(withoutSuppressions(loaded.inventory()), RuleScope.all());
        if (loaded.inventory().workloads().isEmpty()) {
            return new GateInput.Unreadable("the %s has no pod spec to judge".formatted(request.kind()));
        }
        if (request.subResource().equals(EPHEMERAL)) {
            return new GateInput.Modelled(withoutSuppressions(addedEphemeral(loaded.inventory(), request)), RuleScope.containerRules());
        }
        // A controller's pod: its owner was judged as a workload (replicas, restart policy, rollout); its containers are judged again here
        RuleScope scope = request.kind().equals("Pod") && hasController(object) ? RuleScope.containerRules() : RuleScope.all();
        return new GateInput.Modelled(withoutSuppressions(loaded.inventory()), scope);
    }

    private static boolean hasController(JsonNode object) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) return true;
        }
        return false;
    }

    private static ObjectNode copy(JsonNode object) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll((ObjectNode) object);
        return copy;
    }

    private static LoadResult withoutSuppressions(Inventory inventory) {
        return new LoadResult(inventory, List.of(), List.of(), List.of());
    }

    /** The pod with only the ephemeral containers the old object does not have yet. */
    private static Inventory addedEphemeral(Inventory inventory, AdmissionRequest request) {
        Set<String> existing = new HashSet<>();
        request.oldObject().path("spec").path("ephemeralContainers")
                .forEach(container -> existing.add(container.path("name").asText("")));
        Workload pod = inventory.workloads().getFirst();
        List<Container> added = pod.containers().stream()
                .filter(container -> container.ephemeral() && !existing.contains(container.name()))
                .toList();
        return Inventory.builder().add(ContainerCopy.withContainers(pod, SourceKind.KUBERNETES, added)).build();
    }
}
