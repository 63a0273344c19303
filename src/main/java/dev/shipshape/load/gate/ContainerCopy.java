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
        ContainerBuilder copy = Container.builder(container.name(), description, container.init(), container.origin());
        copy.ephemeral = container.ephemeral();
        copy.image = container.image();
        copy.user = container.user();
        copy.runAsNonRoot = container.runAsNonRoot();
        copy.builtFrom = container.builtFrom().orElse(null);
        copy.privileged = container.privileged();
        copy.capabilitiesAdded.addAll(container.capabilitiesAdded());
        copy.capabilitiesDropped.addAll(container.capabilitiesDropped());
        copy.noNewPrivileges = container.noNewPrivileges();
        copy.readOnlyRootFilesystem = container.readOnlyRootFilesystem();
        copy.securityOptions.addAll(container.securityOptions());
        copy.mounts.addAll(container.mounts());
        copy.networkMode = container.networkMode();
        copy.networks.addAll(container.networks());
        copy.pidMode = container.pidMode();
        copy.ipcMode = container.ipcMode();
        copy.utsMode = container.utsMode();
        copy.ports.addAll(container.ports());
        copy.environment.addAll(container.environment());
        copy.devices.addAll(container.devices());
        copy.probes.addAll(container.probes());
        copy.resources = container.resources();
        copy.runtime = container.runtime().orElse(null);
        return copy;
    }

    /** {@code workload} as another source kind would have stated it, with these containers. */
    static Workload withContainers(Workload workload, dev.shipshape.model.SourceKind source, List<Container> containers) {
        return new Workload(workload.kind(), workload.name(), workload.namespace(), source, workload.origin(),
                workload.lastLine(), workload.replicas(), workload.restartPolicy(), containers, workload.labels(),
                workload.podLabels(), workload.rollout(), workload.scheduling(), workload.dependencies(), workload.links(),
                workload.extraHosts(), workload.serviceName(), workload.claimTemplates());
    }
}
