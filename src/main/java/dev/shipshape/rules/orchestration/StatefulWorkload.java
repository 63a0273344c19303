package dev.shipshape.rules.orchestration;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.storage.StatefulImage;

/**
 * Tells whether a workload keeps state that only one instance may own at a time: a well-known
 * stateful image ({@link StatefulImage}) in one of its (non-init) containers. More replicas, or a new
 * instance started beside the old one, is then not a setting but a cluster design.
 */
final class StatefulWorkload {

    private StatefulWorkload() {
    }

    static boolean runsStatefulImage(Workload workload) {
        return workload.containers().stream()
                .filter(container -> !container.init())
                .map(Container::image)
                .filter(Setting::isSet)
                .flatMap(image -> ImageReference.parse(image.value()).stream())
                .anyMatch(reference -> StatefulImage.of(reference).isPresent());
    }
}
