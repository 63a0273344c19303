package dev.shipshape.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipshape.load.gate.AdmissionRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Patch (RFC 6902) {@code /mutate} answers with: safe hardening defaults for a pod spec,
 * never changing a setting the user wrote. Per container and init container, where unset:
 * {@code allowPrivilegeEscalation: false}, {@code capabilities.drop: [ALL]} and, when configured,
 * {@code readOnlyRootFilesystem: true}; for the pod, {@code seccompProfile: RuntimeDefault}.
 *
 * <p>Left alone, because the API server would reject the result or the user asked for the
 * opposite: a privileged container (which was given everything on purpose), allowPrivilegeEscalation
 * for a container that adds SYS_ADMIN, seccomp when the legacy seccomp annotation is set (field and
 * annotation must agree), a Windows pod (these fields are Linux-only), ephemeral containers.
 * Pods are patched on CREATE only (their spec is immutable after), workload templates on CREATE
 * and UPDATE. Applying the patch and asking again gives an empty patch.
 */
final class HardeningPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LEGACY_SECCOMP_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";

    /** Where the pod template's {@code metadata} and {@code spec} are, as JSON Pointer segments. */
    private static final Map<String, List<String>> TEMPLATES = Map.of(
            "Deployment", List.of("spec", "template"),
            "ReplicaSet", List.of("spec", "template"),
            "StatefulSet", List.of("spec", "template"),
            "DaemonSet", List.of("spec", "template"),
            "Job", List.of("spec", "template"),
            "ReplicationController", List.of("spec", "template"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template"));

    private HardeningPatch() {
    }

    /** The operations, in order; empty when nothing needs adding. */
    static ArrayNode of(AdmissionRequest request, boolean readOnlyRootFilesystem) {
        ArrayNode patch = NODES.arrayNode();
        if (!request.subResource().isEmpty()) return patch;
        List<String> template;
        if (request.kind().equals("Pod")) {
            if (!request.operation().equals("CREATE")) return patch;
            template = List.of();
        } else {
            template = TEMPLATES.get(request.kind());
            if (template == null || !Set.of("CREATE", "UPDATE").contains(request.operation())) return patch;
        }
        JsonNode owner = request.object();
        for (String segment : template) owner = owner.path(segment);
        JsonNode spec = owner.path("spec");
        if (!spec.isObject() || "windows".equalsIgnoreCase(spec.path("os").path("name").asText(""))) return patch;
        String specPath = pointer(template) + "/spec";

        boolean legacySeccomp = owner.path("metadata").path("annotations").has(LEGACY_SECCOMP_ANNOTATION);
        JsonNode podContext = spec.path("securityContext");
        if (!legacySeccomp) {
            ObjectNode runtimeDefault = NODES.objectNode().put("type", "RuntimeDefault");
            if (!podContext.isObject()) {
                add(patch, specPath + "/securityContext", NODES.objectNode().set("seccompProfile", runtimeDefault));
            } else if (!podContext.has("seccompProfile") || podContext.get("seccompProfile").isNull()) {
                add(patch, specPath + "/securityContext/seccompProfile", runtimeDefault);
            }
        }
        for (String list : List.of("initContainers", "containers")) {
            JsonNode containers = spec.path(list);
            for (int index = 0; index < containers.size(); index++) {
                harden(patch, specPath + "/" + list + "/" + index, containers.get(index), readOnlyRootFilesystem);
            }
        }
        return patch;
    }

    private static void harden(ArrayNode patch, String path, JsonNode container, boolean readOnlyRootFilesystem) {
        if (!container.isObject()) return;
        JsonNode context = container.path("securityContext");
        if (context.path("privileged").asBoolean(false)) return;
        boolean sysAdmin = false;
        for (JsonNode added : context.path("capabilities").path("add")) {
            String name = added.asText("").strip().toUpperCase(Locale.ROOT);
            sysAdmin |= name.equals("SYS_ADMIN") || name.equals("CAP_SYS_ADMIN");
        }
        if (!context.isObject()) {
            ObjectNode defaults = NODES.objectNode();
            defaults.put("allowPrivilegeEscalation", false);
            defaults.putObject("capabilities").putArray("drop").add("ALL");
            if (readOnlyRootFilesystem) defaults.put("readOnlyRootFilesystem", true);
            add(patch, path + "/securityContext", defaults);
            return;
        }
        String contextPath = path + "/securityContext";
        if (isUnset(context, "allowPrivilegeEscalation") && !sysAdmin) {
            add(patch, contextPath + "/allowPrivilegeEscalation", NODES.booleanNode(false));
        }
        JsonNode capabilities = context.path("capabilities");
        if (!capabilities.isObject()) {
            add(patch, contextPath + "/capabilities", NODES.objectNode().set("drop", NODES.arrayNode().add("ALL")));
        } else if (isUnset(capabilities, "drop")) {
            add(patch, contextPath + "/capabilities/drop", NODES.arrayNode().add("ALL"));
        }
        if (readOnlyRootFilesystem && isUnset(context, "readOnlyRootFilesystem")) {
            add(patch, contextPath + "/readOnlyRootFilesystem", NODES.booleanNode(true));
        }
    }

    private static boolean isUnset(JsonNode object, String field) {
        return !object.has(field) || object.get(field).isNull();
    }

    private static void add(ArrayNode patch, String path, JsonNode value) {
        patch.addObject().put("op", "add").put("path", path).set("value", value);
    }

    /** A JSON Pointer of these segments ({@code ~} and {@code /} escaped). */
    private static String pointer(List<String> segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        return pointer.toString();
    }
}
