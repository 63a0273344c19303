package dev.shipshape.gate.observe;

import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gate modelled for one request, summarised: each workload's containers, and each
 * volume. A volume that the gate judged as a host mount also appears as the pseudo-workload
 * {@code volume 'name'} that mounts it; it is folded into the volume's {@link VolumeSummary#hostMount()}.
 */
public record ModelSummary(List<Named> containers, List<VolumeSummary> volumes) {

    public ModelSummary {
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
    }

    /** @param workload how the model names the workload and its container: {@code container 'web'}, {@code exec in container 'web'} */
    public record Named(String workload, ContainerSummary container) {
    }

    public static ModelSummary of(Inventory inventory) {
        List<Named> containers = new ArrayList<>();
        for (Workload workload : inventory.workloads()) {
            if (workload.kind().equals("volume")) continue;
            for (Container container : workload.containers()) {
                containers.add(new Named(workload.description(), ContainerSummary.of(container)));
            }
        }
        List<VolumeSummary> volumes = new ArrayList<>();
        for (Volume volume : inventory.volumes()) volumes.add(VolumeSummary.of(volume, hostMount(inventory, volume.name())));
        return new ModelSummary(containers, volumes);
    }

    private static String hostMount(Inventory inventory, String volume) {
        return inventory.workloads().stream()
                .filter(workload -> workload.kind().equals("volume") && workload.name().equals(volume))
                .flatMap(workload -> workload.containers().stream())
                .flatMap(container -> container.mounts().stream())
                .filter(Mount::isHostPath)
                .map(mount -> "bind " + mount.source())
                .findFirst().orElse("");
    }
}
