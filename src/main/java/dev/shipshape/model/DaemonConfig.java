package dev.shipshape.model;

import java.util.List;
import java.util.Optional;

/**
 * The Docker daemon's configuration (daemon.json, or a live daemon's {@code /info}).
 *
 * @param origin the configuration's top (the file's opening brace, or the live daemon)
 * @param socket      the daemon's unix socket, when shipshape runs on its host and can see it
 * @param socketGroup the users of the group that owns that socket (usually {@code docker}), when readable
 */
public record DaemonConfig(
        Origin origin,
        List<Setting<String>> hosts,
        Setting<Boolean> tls,
        Setting<Boolean> tlsVerify,
        Setting<String> usernsRemap,
        Setting<Boolean> icc,
        Setting<Boolean> noNewPrivileges,
        Setting<Boolean> liveRestore,
        List<Setting<String>> authorizationPlugins,
        Optional<DaemonSocket> socket,
        Optional<GroupMembers> socketGroup) {

    public DaemonConfig {
        hosts = List.copyOf(hosts);
        authorizationPlugins = List.copyOf(authorizationPlugins);
    }

    /** A configuration as daemon.json states it: nothing about the host's socket or groups. */
    public DaemonConfig(Origin origin, List<Setting<String>> hosts, Setting<Boolean> tls, Setting<Boolean> tlsVerify,
            Setting<String> usernsRemap, Setting<Boolean> icc, Setting<Boolean> noNewPrivileges, Setting<Boolean> liveRestore,
            List<Setting<String>> authorizationPlugins) {
        this(origin, hosts, tls, tlsVerify, usernsRemap, icc, noNewPrivileges, liveRestore, authorizationPlugins,
                Optional.empty(), Optional.empty());
    }
}
