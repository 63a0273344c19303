package dev.shipshape.load.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists every object of one kind, a page at a time ({@code limit} and {@code continue}), so neither
 * the server nor the audit holds a whole large list in one answer. Items of a list carry no
 * {@code kind} or {@code apiVersion}; each gets them here, as a manifest states them.
 */
final class PagedList {

    /** Secrets are listed as metadata only: the server sends names, labels and annotations, never the values. */
    private static final String METADATA_ONLY = "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json";

    private final ClusterConnection connection;
    private final int pageSize;

    PagedList(ClusterConnection connection, int pageSize) {
        this.connection = connection;
        this.pageSize = pageSize;
    }

    List<ObjectNode> all(ClusterKind kind, String version, Optional<String> namespace)
            throws ClusterConnection.ApiError, ClusterUnavailable {
        String path = kind.basePath(version)
                + (kind.namespaced() && namespace.isPresent() ? "/namespaces/" + encoded(namespace.get()) : "")
                + "/" + kind.plural() + "?limit=" + pageSize;
        String apiVersion = kind.groupVersion(version);
        List<ObjectNode> objects = new ArrayList<>();
        String next = "";
        do {
            JsonNode page = kind.metadataOnly()
                    ? connection.get(path + continuation(next), METADATA_ONLY)
                    : connection.get(path + continuation(next));
            for (JsonNode item : page.path("items")) {
                if (!(item instanceof ObjectNode object)) continue;
                ObjectNode stated = object.objectNode();
                stated.put("apiVersion", apiVersion);
                stated.put("kind", kind.kind());
                // a PartialObjectMetadata item is nothing but metadata: nothing else is copied from it
                if (kind.metadataOnly()) {
                    stated.set("metadata", object.path("metadata"));
                } else {
                    object.properties().forEach(field -> {
                        if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) stated.set(field.getKey(), field.getValue());
                    });
                }
                objects.add(stated);
            }
            next = page.path("metadata").path("continue").asText("");
        } while (!next.isEmpty());
        return objects;
    }

    private static String continuation(String token) {
        return token.isEmpty() ? "" : "&continue=" + encoded(token);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
