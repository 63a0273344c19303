package dev.shipshape.load.cluster;

import dev.shipshape.load.yaml.JsonDocument;
import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.RuntimeState;
import dev.shipshape.model.Suppression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the objects read are judged, and as what: an object a controller made (a ReplicaSet, its
 * Pods, a CronJob's Jobs) is judged once through the top of its chain of controllers that were read;
 * a Pod's status becomes the live state of that top object's containers (the worst of its pods); the
 * RBAC objects the API server makes itself are counted, not judged.
 */
final class JudgedObjects {

    /** The rule that calls a Pod without a controller "bare"; a Pod whose controller is of a kind not read is not bare. */
    private static final String BARE_POD_RULE = "missing-restart-policy";

    final List<YamlNode> workloads = new ArrayList<>();
    final List<YamlNode> others = new ArrayList<>();
    /** Per judged object ({@code Deployment/shop/web}), per container name. */
    final Map<String, Map<String, RuntimeState>> runtimes = new HashMap<>();
    final List<Suppression> suppressions = new ArrayList<>();
    final List<Diagnostic> notes = new ArrayList<>();
    int judged;

    static JudgedObjects of(List<LiveObject> objects) {
        Map<String, LiveObject> byUid = new HashMap<>();
        objects.forEach(object -> byUid.put(object.uid(), object));
        JudgedObjects judged = new JudgedObjects();
        int serverDefaults = 0;
        for (LiveObject object : objects) {
            LiveObject top = judgedThrough(object, byUid);
            if (object.kind().equals("Pod")) {
                PodState.of(object.json(), Origin.live(object.description()))
                        .forEach((container, state) -> judged.runtimes.computeIfAbsent(top.description(), key -> new HashMap<>())
                                .merge(container, state, PodState::worse));
            }
            if (top != object) continue;
            if (object.isServerDefault()) {
                serverDefaults++;
                continue;
            }
            judged.add(object);
        }
        if (serverDefaults > 0) {
            judged.notes.add(new Diagnostic(Diagnostic.Level.INFO, Origin.live("RBAC defaults"), ("not judged: %d RBAC objects that the API "
                    + "server itself creates and restores at every start (label %s)").formatted(serverDefaults, LiveObject.SERVER_DEFAULT)));
        }
        return judged;
    }

    private void add(LiveObject object) {
        judged++;
        object.unreadController().ifPresent(controller -> suppressions.add(new Suppression(BARE_POD_RULE,
                "made by %s, which recreates it (the audit does not read that kind)".formatted(controller),
                object.description(), 0, 0, Origin.live(object.description()))));
        YamlNode document = JsonDocument.live(object.description(), object.forLoader());
        (ClusterKinds.POD_OWNERS.contains(object.kind()) ? workloads : others).add(document);
    }

    /** The object through which {@code object} is judged: the top of its chain of controllers that were read. */
    private static LiveObject judgedThrough(LiveObject object, Map<String, LiveObject> byUid) {
        LiveObject current = object;
        Set<String> seen = new HashSet<>();
        while (seen.add(current.uid())) {
            Optional<LiveObject> controller = current.controllerUid().map(byUid::get);
            if (controller.isEmpty()) return current;
            current = controller.get();
        }
        return current;
    }
}
