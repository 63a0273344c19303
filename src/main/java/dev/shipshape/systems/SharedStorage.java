package dev.shipshape.systems;

import java.util.List;

/** Storage whose data follows a container between hosts: its Docker volume drivers and Kubernetes provisioners. */
public record SharedStorage(String name, List<String> drivers, List<String> provisioners) {

    public SharedStorage {
        drivers = List.copyOf(drivers);
        provisioners = List.copyOf(provisioners);
    }
}
