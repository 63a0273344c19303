package dev.shipshape.model;

import java.util.List;

/**
 * The Docker daemon's configuration (daemon.json, or a live daemon's {@code /info}).
 *
 * @param origin the configuration's top (the file's opening brace, or the live daemon)
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
        List<Setting<String>> authorizationPlugins) {

    public DaemonConfig {
        hosts = List.copyOf(hosts);
        authorizationPlugins = List.copyOf(authorizationPlugins);
    }
}
