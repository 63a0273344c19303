package dev.shipshape.model;

import java.util.List;

/**
 * A named volume declared by a Compose/stack file (top-level {@code volumes}) or found live.
 *
 * @param inUse whether some container (running or stopped) uses it; only a live engine knows, so it is
 *              unset for files
 */
public record Volume(
        String name,
        SourceKind source,
        Origin origin,
        Setting<String> driver,
        List<KeyValue> driverOptions,
        boolean external,
        Setting<Boolean> inUse) {

    public Volume {
        driverOptions = List.copyOf(driverOptions);
    }

    /** A volume as a file declares it: whether it is in use is not known. */
    public Volume(String name, SourceKind source, Origin origin, Setting<String> driver, List<KeyValue> driverOptions,
            boolean external) {
        this(name, source, origin, driver, driverOptions, external, Setting.unset(origin));
    }
}
