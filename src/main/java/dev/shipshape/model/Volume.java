package dev.shipshape.model;

import java.util.List;

/** A named volume declared by a Compose/stack file (top-level {@code volumes}) or found live. */
public record Volume(
        String name,
        SourceKind source,
        Origin origin,
        Setting<String> driver,
        List<KeyValue> driverOptions,
        boolean external) {

    public Volume {
        driverOptions = List.copyOf(driverOptions);
    }
}
