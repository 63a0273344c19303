package dev.shipshape.systems;

import java.util.List;

/**
 * Storage whose data follows a container between hosts: its Docker volume drivers and Kubernetes
 * provisioners, and the folder names that mark a host path as that storage mounted on every node.
 */
public record SharedStorage(String name, List<String> drivers, List<String> provisioners, List<String> hostPathWords) {

    public SharedStorage {
        drivers = List.copyOf(drivers);
        provisioners = List.copyOf(provisioners);
        hostPathWords = List.copyOf(hostPathWords);
    }
}
