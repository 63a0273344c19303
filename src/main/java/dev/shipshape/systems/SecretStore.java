package dev.shipshape.systems;

import java.util.List;

/** A store that delivers secrets to a container as files: the paths it mounts them under, its drivers and annotations. */
public record SecretStore(String name, List<String> mounts, List<String> drivers, List<String> annotations) {

    public SecretStore {
        mounts = List.copyOf(mounts);
        drivers = List.copyOf(drivers);
        annotations = List.copyOf(annotations);
    }
}
