package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.Port;
import dev.shipshape.model.Workload;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host port (or range) a container holds: what two workloads cannot both have on one host.
 *
 * @param hostIp the host address, or null for every interface (unset, 0.0.0.0, ::)
 */
record HostBinding(Workload workload, Container container, Port port, int first, int last, String protocol, String hostIp) {

    private static final Pattern PORTS = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");
    private static final Set<String> EVERY_INTERFACE = Set.of("", "0.0.0.0", "::");

    /** The binding of a port published on a fixed host port; empty for unpublished, ephemeral or unreadable ones. */
    static Optional<HostBinding> of(Workload workload, Container container, Port port) {
        if (!port.isPublished()) return Optional.empty();
        Matcher range = PORTS.matcher(port.hostPort().strip());
        if (!range.matches()) return Optional.empty();
        int first = Integer.parseInt(range.group(1));
        int last = range.group(2) == null ? first : Integer.parseInt(range.group(2));
        if (first == 0 || last < first) return Optional.empty();
        String protocol = port.protocol() == null || port.protocol().isBlank() ? "tcp" : port.protocol().strip().toLowerCase(Locale.ROOT);
        return Optional.of(new HostBinding(workload, container, port, first, last, protocol, hostIp(port)));
    }

    private static String hostIp(Port port) {
        if (!port.hostIp().isSet()) return null;
        String address = port.hostIp().value().strip();
        if (address.startsWith("[") && address.endsWith("]")) address = address.substring(1, address.length() - 1);
        return EVERY_INTERFACE.contains(address) ? null : address.toLowerCase(Locale.ROOT);
    }

    /** Same protocol, overlapping ports, and addresses that overlap (equal, or either one every interface). */
    boolean conflictsWith(HostBinding other) {
        return protocol.equals(other.protocol)
                && first <= other.last && other.first <= last
                && (hostIp == null || other.hostIp == null || hostIp.equals(other.hostIp));
    }

    /** "8080/tcp", "127.0.0.1:8000-8010/udp". */
    String display() {
        return (hostIp == null ? "" : hostIp + ":") + (first == last ? Integer.toString(first) : first + "-" + last) + "/" + protocol;
    }
}
