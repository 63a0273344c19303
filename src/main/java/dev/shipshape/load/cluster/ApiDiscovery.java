package dev.shipshape.load.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which version of a kind the server serves: 1.20 serves CronJobs only as {@code batch/v1beta1} and
 * PodDisruptionBudgets only as {@code policy/v1beta1}, newer servers as {@code v1}. Asks each group
 * version once for its resource list (the discovery documents every authenticated user may read).
 */
final class ApiDiscovery {

    private final ClusterConnection connection;
    /** Resource names per group version; empty when the server does not serve that group version. */
    private final Map<String, Set<String>> resources = new ConcurrentHashMap<>();

    ApiDiscovery(ClusterConnection connection) {
        this.connection = connection;
    }

    /** The first of the kind's versions whose group version lists its resource. */
    Optional<String> servedVersion(ClusterKind kind) throws ClusterUnavailable {
        for (String version : kind.versions()) {
            if (resourcesOf(kind, version).contains(kind.plural())) return Optional.of(version);
        }
        return Optional.empty();
    }

    private Set<String> resourcesOf(ClusterKind kind, String version) throws ClusterUnavailable {
        String groupVersion = kind.groupVersion(version);
        Set<String> known = resources.get(groupVersion);
        if (known != null) return known;
        Set<String> names = new HashSet<>();
        try {
            for (JsonNode resource : connection.get(kind.basePath(version)).path("resources")) {
                names.add(resource.path("name").asText());
            }
        } catch (ClusterConnection.ApiError notServed) {
            // 404: the group version does not exist here; 403: discovery withheld, which reads as the same
        }
        resources.put(groupVersion, Set.copyOf(names));
        return names;
    }
}
