package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pod templates inside an object of a kind the loader does not know (an MPIJob, a
 * JobSet, a RayCluster, an Argo Workflow, a Knative Service, an operator's resource) by their
 * shape, at any depth, rather than from a list of kinds:
 * <ul>
 *   <li>a <b>pod template</b>: a mapping whose {@code spec} holds a {@code containers} list
 *       ({@code spec.template}, {@code spec.pytorchReplicaSpecs.Master.template},
 *       {@code spec.replicatedJobs[0].template.spec.template});</li>
 *   <li>a <b>pod spec</b> under another key: a mapping that itself holds a {@code containers} list
 *       ({@code spec.podSpec}, {@code spec.predictor}, an Argo {@code containerSet});</li>
 *   <li>a <b>single-container template</b>: a mapping with a {@code container} or {@code script}
 *       that names an {@code image} (an Argo Workflow's {@code spec.templates[0]}).</li>
 * </ul>
 * A {@code containers} list counts when one of its items is a mapping with an {@code image} or a
 * {@code name}, so a schema that merely describes containers is no workload. The search does not
 * look inside what it has found, nor into the object's {@code metadata} and {@code status}, and it
 * stops after {@value #NODE_BUDGET} nodes or {@value #DEPTH_LIMIT} levels, which it says.
 */
final class PodTemplateSearch {

    static final int NODE_BUDGET = 20_000;
    static final int DEPTH_LIMIT = 40;

    /** How a found template holds its containers. */
    enum Shape {
        /** {@code holder} has {@code metadata} and a {@code spec} with {@code containers}. */
        POD_TEMPLATE,
        /** {@code holder} is the pod spec itself. */
        POD_SPEC,
        /** {@code holder} has one {@code container} or {@code script}, beside pod-level settings. */
        SINGLE_CONTAINER
    }

    /**
     * @param path   "spec.mpiReplicaSpecs.Worker.template": the keys and list indexes from the object to the holder
     * @param at     the key that holds it ({@code template:}), or the list item's first key
     * @param parent the mapping or list that holds {@code holder} (a replica spec's {@code restartPolicy} sits there)
     */
    record Found(String path, Shape shape, YamlNode holder, Origin at, YamlNode parent) {
    }

    /** What the search found, and whether it gave up before looking everywhere. */
    record Result(List<Found> templates, boolean exhausted) {
    }

    private final List<Found> found = new ArrayList<>();
    private int nodesLeft = NODE_BUDGET;
    private boolean exhausted;

    private PodTemplateSearch() {
    }

    static Result in(YamlNode object) {
        PodTemplateSearch search = new PodTemplateSearch();
        for (YamlNode.Entry entry : object.entries()) {
            if (entry.key().equals("metadata") || entry.key().equals("status")
                    || entry.key().equals("apiVersion") || entry.key().equals("kind")) {
                continue;
            }
            search.visit(entry.value(), entry.key(), entry.origin(), object, 1);
        }
        return new Result(List.copyOf(search.found), search.exhausted);
    }

    private void visit(YamlNode node, String path, Origin at, YamlNode parent, int depth) {
        if (exhausted) return;
        if (--nodesLeft < 0 || depth > DEPTH_LIMIT) {
            exhausted = true;
            return;
        }
        if (node.isList()) {
            List<YamlNode> items = node.items();
            for (int index = 0; index < items.size(); index++) {
                YamlNode item = items.get(index);
                visit(item, path + "[" + index + "]", item.origin(), node, depth + 1);
            }
            return;
        }
        if (!node.isMap()) return;
        List<YamlNode.Entry> entries = node.entries();
        Optional<Shape> shape = shapeOf(entries);
        if (shape.isPresent()) {
            found.add(new Found(path, shape.get(), node, at, parent));
            return;
        }
        for (YamlNode.Entry entry : entries) visit(entry.value(), path + "." + entry.key(), entry.origin(), node, depth + 1);
    }

    private static Optional<Shape> shapeOf(List<YamlNode.Entry> entries) {
        YamlNode spec = valueOf(entries, "spec");
        if (spec != null && spec.isMap() && holdsContainers(valueOf(spec.entries(), "containers"))) return Optional.of(Shape.POD_TEMPLATE);
        if (holdsContainers(valueOf(entries, "containers"))) return Optional.of(Shape.POD_SPEC);
        if (namesAnImage(valueOf(entries, "container")) || namesAnImage(valueOf(entries, "script"))) {
            return Optional.of(Shape.SINGLE_CONTAINER);
        }
        return Optional.empty();
    }

    /** The value of the last entry with this key (as YAML reads a repeated key), or null. */
    private static YamlNode valueOf(List<YamlNode.Entry> entries, String key) {
        YamlNode value = null;
        for (YamlNode.Entry entry : entries) {
            if (entry.key().equals(key)) value = entry.value();
        }
        return value;
    }

    private static boolean holdsContainers(YamlNode containers) {
        if (containers == null || !containers.isList()) return false;
        for (YamlNode item : containers.items()) {
            if (item.isMap() && (item.get("image").isPresent() || item.get("name").isPresent())) return true;
        }
        return false;
    }

    private static boolean namesAnImage(YamlNode container) {
        return container != null && container.isMap() && container.get("image").flatMap(YamlNode::text).isPresent();
    }
}
