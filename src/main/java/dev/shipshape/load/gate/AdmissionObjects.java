package dev.shipshape.load.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.LoadResult;
import dev.shipshape.load.kubernetes.KubernetesLoader;
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
 * of the pod was judged when it was created. Everything else (other kinds and subresources,
 * DELETE, CONNECT) is not inspected.
 *
 * <p>Suppression annotations in the object are not honoured at the gate: whoever submits an
 * object must not be able to exempt it; exceptions are waivers in {@code .shipshape.yaml}.
 */
public final class AdmissionObjects {

    private static final Set<String> KINDS = Set.of(
            "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController");
    private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE");
    private static final String EPHEMERAL = "ephemeralcontainers";

    private AdmissionObjects() {
    }

    /** Whether the request is about a kind and operation the webhook judges (and can mutate). */
    public static boolean judges(AdmissionRequest request) {
        if (!OPERATIONS.contains(request.operation()) || !KINDS.contains(request.kind())) return false;
        return request.subResource().isEmpty() || (request.kind().equals("Pod") && request.subResource().equals(EPHEMERAL));
    }

    public static GateInput read(AdmissionRequest request) {
        if (!judges(request)) return new GateInput.NotInspected();
        if (!request.object().isObject()) {
            return new GateInput.Unreadable("the %s request for %s has no object".formatted(request.operation(), request.kind()));
        }
        ObjectNode object = request.object().deepCopy();
        if (!object.path("kind").isTextual()) object.put("kind", request.kind());
        if (!object.path("apiVersion").isTextual()) {
            object.put("apiVersion", request.group().isEmpty() ? request.version() : request.group() + "/" + request.version());
        }
        JsonNode metadata = object.path("metadata");
        if (metadata.isObject() && !metadata.path("namespace").isTextual() && !request.namespace().isEmpty()) {
            ((ObjectNode) metadata).put("namespace", request.namespace());
        }
        String shown = request.kind() + " " + (request.namespace().isEmpty() ? "" : request.namespace() + "/")
                + (request.name().isEmpty() ? object.path("metadata").path("generateName").asText("") + "*" : request.name());
        LoadResult loaded = new KubernetesLoader().load(shown, object.toString());
        List<Diagnostic> errors = loaded.diagnostics().stream().filter(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR).toList();
        if (!errors.isEmpty()) {
            return new GateInput.Unreadable("the %s cannot be read: %s".formatted(request.kind(), errors.getFirst().message()));
        }
        if (loaded.inventory().workloads().isEmpty()) {
            return new GateInput.Unreadable("the %s has no pod spec to judge".formatted(request.kind()));
        }
        if (request.subResource().equals(EPHEMERAL)) {
            return new GateInput.Modelled(withoutSuppressions(addedEphemeral(loaded.inventory(), request)), RuleScope.containerRules());
        }
        return new GateInput.Modelled(withoutSuppressions(loaded.inventory()), RuleScope.all());
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
