package dev.shipshape.systems;

import java.util.List;

/**
 * A system the catalogue knows by name: its images and where they keep data, its ports, and the
 * settings that switch its authentication, TLS and encryption on and off or size its cluster.
 *
 * @param dataPathVariable an environment variable that moves the data directory ({@code PGDATA}), or null
 * @param statelessWhen    settings that, all found, make an instance keep no data (Redis as a pure cache)
 * @param listeners        how a broker lists the listeners clients reach it on, and their protocols
 */
public record KnownSystem(
        String name,
        String product,
        Role role,
        List<KnownImage> images,
        String dataPathVariable,
        Ports ports,
        Protection auth,
        Protection tls,
        Protection encryption,
        Cluster cluster,
        List<SettingPattern> statelessWhen,
        Listeners listeners) {

    public enum Role { DATASTORE, DISCOVERY, OVERLAY, ADMIN, OTHER }

    /** Container ports by purpose. */
    public record Ports(List<Integer> client, List<Integer> peer, List<Integer> admin) {
        public Ports {
            client = List.copyOf(client);
            peer = List.copyOf(peer);
            admin = List.copyOf(admin);
        }
    }

    public KnownSystem {
        images = List.copyOf(images);
        statelessWhen = List.copyOf(statelessWhen);
    }
}
