package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.storage.StatefulImage;
import java.util.Optional;

/**
 * Tells whether a workload keeps state that only one instance may own at a time: a well-known
 * stateful image ({@link StatefulImage}) in one of its (non-init) containers. More replicas, or a new
 * instance started beside the old one, is then not a setting but a cluster design.
 */
final class StatefulWorkload {

    private StatefulWorkload() {
    }

    static boolean runsStatefulImage(Workload workload) {
        // a loop, not a stream: several rules ask this of every workload at the gate
        for (Container container : workload.containers()) {
            Setting<String> image = container.image();
            if (container.init() || !image.isSet()) continue;
            Optional<ImageReference> reference = ImageReference.parse(image.value());
            if (reference.isPresent() && StatefulImage.of(reference.get()).isPresent()) return true;
        }
        return false;
    }
}
