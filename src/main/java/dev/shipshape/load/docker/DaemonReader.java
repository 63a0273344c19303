package dev.shipshape.load.docker;

import static dev.shipshape.load.docker.EngineJson.at;
import static dev.shipshape.load.docker.EngineJson.stringMap;
import static dev.shipshape.load.docker.EngineJson.strings;
import static dev.shipshape.load.docker.EngineJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.DaemonSocket;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.GroupMembers;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon as {@code GET /info} shows it, completed from its host when shipshape runs there.
 *
 * <p>What the engine reports live wins: live restore, user-namespace remapping and
 * no-new-privileges (both in {@code SecurityOptions}; engines before 23 do not report the latter),
 * authorization plugins, and inter-container traffic (the default bridge network's
 * {@code enable_icc} option). What only {@code daemon.json} says (hosts, TLS, and the rest when
 * the engine is silent) comes from that file, with its file positions as origins. A daemon reached
 * over plain TCP listens on TCP without TLS, whatever any file says.
 */
final class DaemonReader {

    private static final String ICC_OPTION = "com.docker.network.bridge.enable_icc";

    private DaemonReader() {
    }

    static DaemonConfig read(JsonNode info, List<JsonNode> networks, EngineAddress address, HostFiles host,
            List<Diagnostic> notes) {
        Origin origin = Origin.live("daemon " + address);
        Optional<DaemonConfig> file = Optional.empty();
        Optional<DaemonSocket> socket = Optional.empty();
        Optional<GroupMembers> group = Optional.empty();
        if (address.isUnixSocket()) {
            file = host.daemonConfig(notes);
            socket = host.socket(address.socketPath().orElseThrow(), notes);
            String groupName = socket.map(DaemonSocket::group).filter(name -> !name.equals("root")).orElse("docker");
            group = host.members(groupName, notes);
        } else {
            notes.add(Diagnostic.warning(origin, "not readable here: the engine is remote, so its daemon.json, its socket's "
                    + "permissions and its docker group are not checked (run `shipshape audit docker` on that host)"));
        }

        List<String> securityOptions = strings(info, "SecurityOptions");
        List<Setting<String>> hosts = new ArrayList<>(file.map(DaemonConfig::hosts).orElse(List.of()));
        if (address.isPlainTcp()) hosts.add(Setting.of(address.toString(), origin));

        Setting<String> usernsRemap = Setting.unset(origin);
        if (securityOptions.stream().anyMatch(option -> option.startsWith("name=userns"))) {
            usernsRemap = file.map(DaemonConfig::usernsRemap).filter(Setting::isSet).orElse(Setting.of("on", origin));
        }
        Setting<Boolean> noNewPrivileges = securityOptions.contains("name=no-new-privileges")
                ? Setting.of(true, origin)
                : file.map(DaemonConfig::noNewPrivileges).orElse(Setting.unset(origin));
        JsonNode liveRestore = at(info, "LiveRestoreEnabled");
        List<Setting<String>> plugins = strings(info, "Plugins", "Authorization").stream()
                .map(plugin -> Setting.of(plugin, origin)).toList();

        return new DaemonConfig(origin, hosts,
                file.map(DaemonConfig::tls).orElse(Setting.unset(origin)),
                file.map(DaemonConfig::tlsVerify).orElse(Setting.unset(origin)),
                usernsRemap,
                icc(networks, file, origin),
                noNewPrivileges,
                liveRestore != null && liveRestore.isBoolean() ? Setting.of(liveRestore.booleanValue(), origin) : Setting.unset(origin),
                plugins, socket, group);
    }

    /** The default bridge's own setting; a daemon without a default bridge ({@code --bridge=none}) has no traffic to allow. */
    private static Setting<Boolean> icc(List<JsonNode> networks, Optional<DaemonConfig> file, Origin daemon) {
        Optional<JsonNode> bridge = networks.stream()
                .filter(network -> "bridge".equals(text(network, "Name")) && "bridge".equals(text(network, "Driver")))
                .findFirst();
        if (bridge.isEmpty()) {
            return Setting.of(false, Origin.live(daemon.source() + " (no default bridge network)"));
        }
        String enabled = stringMap(bridge.get(), "Options").get(ICC_OPTION);
        if (enabled != null) {
            return Setting.of(Boolean.parseBoolean(enabled.strip()), NetworkReader.read(bridge.get()).origin());
        }
        return file.map(DaemonConfig::icc).orElse(Setting.unset(daemon));
    }
}
