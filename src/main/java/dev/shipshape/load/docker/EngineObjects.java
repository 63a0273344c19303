package dev.shipshape.load.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.Network;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import java.util.Map;
import java.util.Set;

/**
 * Single Engine API objects read the way the live audit reads them, for readers outside this
 * package: the gate ({@code dev.shipshape.load.gate}) gets request bodies of the same shapes
 * (a {@code containers/create} body is a container's {@code Config} with its {@code HostConfig},
 * a {@code services/create} body a service's {@code Spec}) and must not read them differently.
 */
public final class EngineObjects {

    private EngineObjects() {
    }

    /** A container inspect ({@code GET /containers/{id}/json} shape) as a workload of kind "container". */
    public static Workload container(JsonNode inspect) {
        return new ContainerReader(Map.of()).read(inspect).workload();
    }

    /** A service ({@code GET /services} item shape: {@code ID} and {@code Spec}) as a workload of kind "service". */
    public static Workload service(JsonNode service) {
        return new ServiceReader(Map.of()).read(service).workload();
    }

    /** A network ({@code Name}, {@code Driver}, {@code Options}, {@code Internal}). */
    public static Network network(JsonNode network) {
        return NetworkReader.read(network);
    }

    /** A volume ({@code Name}, {@code Driver}, {@code Options}), taken to be in use. */
    public static Volume volume(JsonNode volume) {
        return VolumeReader.read(volume, Set.of());
    }
}
