package dev.shipshape.systems;

import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a broker states the listeners it serves clients on (Kafka): lists of {@code NAME://host:port}
 * separated by commas, and a map of {@code NAME:PROTOCOL} pairs; a listener the map does not name
 * speaks the protocol its name says ({@code PLAINTEXT://:9092}).
 *
 * @param bound           settings that list the listeners the broker binds
 * @param advertised      settings that list the listeners it tells clients about; their ports are the
 *                        bound ones when nothing lists those (Confluent's image derives them so)
 * @param protocolMap     settings that map listener names to protocols
 * @param unauthenticated protocols that let a client in without authentication
 */
public record Listeners(List<SettingPattern> bound, List<SettingPattern> advertised, List<SettingPattern> protocolMap,
        List<String> unauthenticated) {

    public static final Listeners NONE = new Listeners(List.of(), List.of(), List.of(), List.of());

    public Listeners {
        bound = List.copyOf(bound);
        advertised = List.copyOf(advertised);
        protocolMap = List.copyOf(protocolMap);
        unauthenticated = List.copyOf(unauthenticated);
    }

    public boolean isKnown() {
        return !bound.isEmpty() || !advertised.isEmpty();
    }

    /**
     * One listener.
     *
     * @param listedBy the setting that lists it (what a finding points at)
     * @param mappedBy the protocol map that gives its protocol, or null when its name is its protocol
     */
    public record Listener(String name, String protocol, int port, String listedBy, String mappedBy, Origin origin) {
    }

    /** The listeners whose protocol lets clients in without authentication, in the order they are listed. */
    public List<Listener> unauthenticated(ContainerSettings settings) {
        Optional<Stated> listed = first(settings, bound).or(() -> first(settings, advertised));
        if (listed.isEmpty() || listed.get().found().value() == null) return List.of();
        Optional<Stated> map = first(settings, protocolMap);
        Map<String, String> protocols = map.map(stated -> protocols(stated.found().value())).orElse(Map.of());
        List<Listener> open = new ArrayList<>();
        for (String entry : listed.get().found().value().split(",")) {
            int scheme = entry.indexOf("://");
            int colon = entry.lastIndexOf(':');
            if (scheme <= 0 || colon <= scheme) continue;
            String name = entry.substring(0, scheme).strip().toUpperCase(Locale.ROOT);
            Optional<Integer> port = number(entry.substring(colon + 1).strip());
            String mapped = protocols.get(name);
            String protocol = mapped != null ? mapped : name;
            if (port.isEmpty() || unauthenticated.stream().noneMatch(protocol::equalsIgnoreCase)) continue;
            open.add(new Listener(name, protocol, port.get(), listed.get().pattern().shortForm(),
                    mapped == null ? null : map.get().pattern().shortForm(), listed.get().found().origin()));
        }
        return open;
    }

    private record Stated(SettingPattern pattern, ContainerSettings.Found found) {
    }

    private static Optional<Stated> first(ContainerSettings settings, List<SettingPattern> patterns) {
        for (SettingPattern pattern : patterns) {
            Optional<ContainerSettings.Found> found = settings.find(pattern);
            if (found.isPresent()) return Optional.of(new Stated(pattern, found.get()));
        }
        return Optional.empty();
    }

    private static Map<String, String> protocols(String map) {
        Map<String, String> protocols = new HashMap<>();
        if (map == null) return protocols;
        for (String pair : map.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                protocols.put(pair.substring(0, colon).strip().toUpperCase(Locale.ROOT), pair.substring(colon + 1).strip().toUpperCase(Locale.ROOT));
            }
        }
        return protocols;
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
