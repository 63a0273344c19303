package dev.shipshape.load.cluster;

import java.util.List;

/**
 * A kind the audit reads, with the API versions it can be read in, newest first (the server is asked which it serves).
 *
 * @param group        the API group, "" for the core group
 * @param versions     versions in order of preference: {@code batch/v1} CronJobs, else 1.20's {@code batch/v1beta1}
 * @param plural       the resource name in the URL
 * @param namespaced   whether its objects live in namespaces
 * @param metadataOnly read as {@code PartialObjectMetadata}: the server sends names, labels and annotations, never the values
 */
record ClusterKind(String kind, String group, List<String> versions, String plural, boolean namespaced, boolean metadataOnly) {

    ClusterKind {
        versions = List.copyOf(versions);
    }

    static ClusterKind namespaced(String kind, String group, String plural, String... versions) {
        return new ClusterKind(kind, group, List.of(versions), plural, true, false);
    }

    static ClusterKind clusterWide(String kind, String group, String plural, String... versions) {
        return new ClusterKind(kind, group, List.of(versions), plural, false, false);
    }

    ClusterKind listedAsMetadata() {
        return new ClusterKind(kind, group, versions, plural, namespaced, true);
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    String groupVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Where the API server serves this group version: {@code /api/v1} or {@code /apis/apps/v1}. */
    String basePath(String version) {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }
}
