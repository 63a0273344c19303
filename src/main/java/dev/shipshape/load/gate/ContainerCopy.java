package dev.shipshape.load.gate;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Workload;
import java.util.List;

/**
 * A container or workload read by another loader, to be changed before the gate judges it: a
 * {@link Container} is immutable, so it is copied into a {@link ContainerBuilder}.
 */
final class ContainerCopy {

    private ContainerCopy() {
    }

    /** Every setting of {@code container} in a builder; {@code description} replaces its own. */
    static ContainerBuilder of(Container container, String description) {
        return container.toBuilder(description);
    }

    /** {@code workload} as another source kind would have stated it, with these containers. */
    static Workload withContainers(Workload workload, dev.shipshape.model.SourceKind source, List<Container> containers) {
        return new Workload(workload.kind(), workload.name(), workload.namespace(), source, workload.origin(),
                workload.lastLine(), workload.replicas(), workload.restartPolicy(), containers, workload.labels(),
                workload.podLabels(), workload.rollout(), workload.scheduling(), workload.dependencies(), workload.links(),
                workload.extraHosts(), workload.serviceName(), workload.claimTemplates());
    }
}
