package dev.shipshape.rules;

import dev.shipshape.model.Inventory;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.ObjectIdentity;
import dev.shipshape.model.Origin;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "does the scanned set plausibly hold the application this Kubernetes object belongs
 * to?", so that an estate rule calls a reference (Ingress → Service, autoscaler → workload,
 * Service or NetworkPolicy → pods) missing only when what it refers to should have been scanned too.
 *
 * <p>An object that names its application with one of {@link #APPLICATION_LABELS} belongs to it:
 * the application is in the set when another object that runs or fronts pods (a workload, a
 * Service, a custom resource) carries the same value of the same label. An object that names none
 * belongs to its file, folder and namespace: the application is in the set when such another object
 * is in the same file (whatever its namespace: a file is written as one piece), or in the same
 * namespace and in the same folder or a folder that holds the other. Objects read from a live
 * cluster all share one folder: the cluster.
 */
public final class ApplicationInSet {

    /** Labels that name an application: its instance, what it is part of, its Helm release and chart. */
    public static final List<String> APPLICATION_LABELS =
            List.of("app.kubernetes.io/instance", "app.kubernetes.io/part-of", "release", "helm.sh/chart");

    private final Map<Origin, Member> byOrigin;

    private ApplicationInSet(Map<Origin, Member> byOrigin) {
        this.byOrigin = byOrigin;
    }

    public static ApplicationInSet of(Inventory inventory) {
        Map<Origin, Member> members = new LinkedHashMap<>();
        for (ObjectIdentity object : inventory.kubernetes().objects()) {
            members.put(object.origin(), new Member(object.namespace(), object.labels(), object.origin(), object.runsOrServes()));
        }
        // workloads and Services that came without their identities (an inventory built by hand)
        for (Workload workload : inventory.workloads()) {
            if (workload.source() == SourceKind.KUBERNETES) {
                members.putIfAbsent(workload.origin(), new Member(workload.namespace(), labelMap(workload.labels()), workload.origin(), true));
            }
        }
        for (ServiceEndpoint service : inventory.services()) {
            members.putIfAbsent(service.origin(), new Member(service.namespace(), Map.of(), service.origin(), true));
        }
        return new ApplicationInSet(members);
    }

    /**
     * True when the set holds the application of the object whose {@code kind} is written at this
     * origin (its namespace as written: null means "default").
     */
    public boolean holds(Origin object, String namespace) {
        Member referring = byOrigin.getOrDefault(object, new Member(namespace, Map.of(), object, false));
        Map<String, String> application = referring.application();
        return byOrigin.values().stream()
                .filter(member -> member.runsOrServes() && !member.origin().equals(object))
                .anyMatch(member -> application.isEmpty()
                        ? sameFile(member.origin(), object)
                                || namespaceOf(member.namespace()).equals(namespaceOf(namespace)) && relatedFolders(member.origin(), object)
                        : application.entrySet().stream().anyMatch(label -> label.getValue().equals(member.labels().get(label.getKey()))));
    }

    private static boolean sameFile(Origin one, Origin other) {
        return one.isInFile() && other.isInFile() && one.source().equals(other.source());
    }

    private static boolean relatedFolders(Origin one, Origin other) {
        Optional<Path> first = folderOf(one);
        Optional<Path> second = folderOf(other);
        if (first.isEmpty() || second.isEmpty()) return first.isEmpty() && second.isEmpty();
        return holdsFolder(first.get(), second.get()) || holdsFolder(second.get(), first.get());
    }

    /** A file's folder as given (relative stays relative, "" for the current one); empty for a live object. */
    private static Optional<Path> folderOf(Origin origin) {
        if (!origin.isInFile()) return Optional.empty();
        Path parent = Path.of(origin.source()).normalize().getParent();
        return Optional.of(parent == null ? Path.of("") : parent);
    }

    private static boolean holdsFolder(Path outer, Path inner) {
        if (outer.toString().isEmpty()) return !inner.isAbsolute();
        return inner.startsWith(outer);
    }

    private static String namespaceOf(String namespace) {
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    private static Map<String, String> labelMap(List<KeyValue> labels) {
        Map<String, String> map = new HashMap<>();
        for (KeyValue label : labels) map.put(label.key(), label.value());
        return map;
    }

    /** An object of the set, as far as the question needs it. */
    private record Member(String namespace, Map<String, String> labels, Origin origin, boolean runsOrServes) {

        /** The application labels it carries, with their values; empty when it names no application. */
        Map<String, String> application() {
            Map<String, String> named = new LinkedHashMap<>();
            for (String key : APPLICATION_LABELS) {
                String value = labels.get(key);
                if (value != null && !value.isBlank()) named.put(key, value);
            }
            return named;
        }
    }
}
