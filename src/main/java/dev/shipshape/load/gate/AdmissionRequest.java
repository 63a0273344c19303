package dev.shipshape.load.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The {@code request} of a Kubernetes AdmissionReview ({@code admission.k8s.io/v1}), as the API
 * server sends it to a validating or mutating webhook.
 *
 * @param uid          echoed in the response
 * @param group        {@code request.kind.group} ("" for the core group)
 * @param kind         {@code request.kind.kind}: Pod, Deployment…
 * @param resource     {@code request.resource.resource}: pods, deployments…
 * @param subResource  "" or e.g. {@code ephemeralcontainers}
 * @param name         "" on a CREATE with generateName
 * @param operation    CREATE, UPDATE, DELETE or CONNECT
 * @param username     {@code userInfo.username}
 * @param object       the object after defaulting, a missing node for DELETE
 * @param oldObject    the stored object on UPDATE and DELETE, else a missing node
 */
public record AdmissionRequest(
        String uid,
        String group,
        String version,
        String kind,
        String resource,
        String subResource,
        String name,
        String namespace,
        String operation,
        String username,
        boolean dryRun,
        JsonNode object,
        JsonNode oldObject) {

    public static final String API_VERSION = "admission.k8s.io/v1";
    public static final String KIND = "AdmissionReview";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request, or why there is none to answer (the caller answers with an HTTP error, since it has no uid to echo). */
    public sealed interface Parsed {
    }

    public record Readable(AdmissionRequest request) implements Parsed {
    }

    public record Unreadable(String problem) implements Parsed {
    }

    public static Parsed parse(byte[] body) {
        if (body.length == 0) return new Unreadable("the request has no body: expected an AdmissionReview");
        JsonNode review;
        try {
            review = JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return new Unreadable("the body is not JSON: expected an AdmissionReview");
        }
        if (review == null || !review.isObject()) return new Unreadable("the body is not a JSON object: expected an AdmissionReview");
        String apiVersion = review.path("apiVersion").asText("");
        String kind = review.path("kind").asText("");
        if (!kind.equals(KIND)) {
            return new Unreadable("expected kind %s, not '%s'".formatted(KIND, kind));
        }
        if (!apiVersion.equals(API_VERSION)) {
            return new Unreadable("expected apiVersion %s, not '%s': list only v1 in the webhook's admissionReviewVersions"
                    .formatted(API_VERSION, apiVersion));
        }
        JsonNode request = review.path("request");
        if (!request.isObject()) return new Unreadable("the AdmissionReview has no request");
        String uid = request.path("uid").asText("");
        if (uid.isEmpty()) return new Unreadable("the AdmissionReview's request has no uid");
        JsonNode userInfo = request.path("userInfo");
        return new Readable(new AdmissionRequest(uid,
                text(request.path("kind"), "group"), text(request.path("kind"), "version"), text(request.path("kind"), "kind"),
                text(request.path("resource"), "resource"), text(request, "subResource"),
                text(request, "name"), text(request, "namespace"), text(request, "operation"),
                text(userInfo, "username"), request.path("dryRun").asBoolean(false),
                request.path("object"), request.path("oldObject")));
    }

    /** The resource's API path, as an audit log names it: {@code /apis/apps/v1/namespaces/prod/deployments/web}. */
    public String path() {
        StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
        if (!namespace.isEmpty()) path.append("/namespaces/").append(namespace);
        path.append('/').append(resource);
        if (!name.isEmpty()) path.append('/').append(name);
        if (!subResource.isEmpty()) path.append('/').append(subResource);
        return path.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText("") : "";
    }
}
