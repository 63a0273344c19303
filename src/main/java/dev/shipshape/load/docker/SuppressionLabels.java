package dev.shipshape.load.docker;

import dev.shipshape.model.Origin;
import dev.shipshape.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Suppressions written as labels on a live object, like the Kubernetes annotation:
 * {@code ignore.shipshape.dev/<rule>=<reason>} on a container or a Swarm service hides that
 * rule's findings about the object.
 */
final class SuppressionLabels {

    static final String PREFIX = "ignore.shipshape.dev/";

    private SuppressionLabels() {
    }

    static List<Suppression> of(Map<String, String> labels, Origin object) {
        List<Suppression> suppressions = new ArrayList<>();
        labels.forEach((key, reason) -> {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                suppressions.add(new Suppression(key.substring(PREFIX.length()).strip(), reason, object.source(),
                        0, Suppression.WHOLE_FILE, object));
            }
        });
        return suppressions;
    }
}
