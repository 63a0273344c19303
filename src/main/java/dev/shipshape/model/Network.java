package dev.shipshape.model;

import java.util.List;

/**
 * A network declared by a Compose/stack file (top-level {@code networks}) or found live.
 *
 * @param driver        unset means the platform default (bridge; overlay in a Swarm stack)
 * @param driverOptions {@code driver_opts} entries as written
 * @param external      declared elsewhere; its settings are not ours to check
 */
public record Network(
        String name,
        SourceKind source,
        Origin origin,
        Setting<String> driver,
        List<KeyValue> driverOptions,
        boolean external,
        Setting<Boolean> internal) {

    public Network {
        driverOptions = List.copyOf(driverOptions);
    }
}
