package dev.shipshape.load.compose;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compose {@code ports} and {@code expose} entries: the short form
 * {@code [HOST_IP:][HOST_PORT(-range):]CONTAINER_PORT(-range)[/PROTOCOL]} (IPv6 hosts in brackets),
 * and the long form {@code {target, published, host_ip, protocol}}.
 */
final class PortSyntax {

    /**
     * A short-form port split into its parts.
     *
     * @param hostIp   null when no host interface is written
     * @param hostPort "" when the port is published on an ephemeral host port
     */
    record ShortPort(String hostIp, String hostPort, String containerPort, String protocol) {
    }

    private PortSyntax() {
    }

    /** Splits a short-form port; empty when it is not one. Splits as Docker does: the last two colons separate the parts. */
    static Optional<ShortPort> parseShort(String written) {
        String spec = written.trim();
        String protocol = "tcp";
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
            spec = spec.substring(0, slash);
        }
        int last = spec.lastIndexOf(':');
        String containerPort = spec.substring(last + 1);
        String hostIp = null;
        String hostPort = "";
        if (last >= 0) {
            String rest = spec.substring(0, last);
            int previous = rest.lastIndexOf(':');
            hostPort = rest.substring(previous + 1);
            if (previous >= 0) hostIp = unbracketed(rest.substring(0, previous));
        }
        if (!isProtocol(protocol) || !isPortOrRange(containerPort) || !(hostPort.isEmpty() || isPortOrRange(hostPort))) {
            return Optional.empty();
        }
        return Optional.of(new ShortPort(hostIp, hostPort, containerPort, protocol));
    }

    /** One {@code ports} entry; problems go to {@code diagnostics}. */
    static Optional<Port> published(ComposeNode item, List<Diagnostic> diagnostics) {
        Origin origin = item.origin();
        if (item instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
            Optional<ShortPort> parsed = parseShort(scalar.text());
            if (parsed.isEmpty()) {
                diagnostics.add(invalid(scalar, "a port: write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"));
                return Optional.empty();
            }
            ShortPort port = parsed.get();
            Setting<String> hostIp = port.hostIp() == null || port.hostIp().isEmpty()
                    ? Setting.unset(origin) : Setting.of(port.hostIp(), origin);
            return Optional.of(new Port(hostIp, port.hostPort(), port.containerPort(), port.protocol(), origin));
        }
        if (item instanceof ComposeNode.Mapping mapping) return longForm(mapping, diagnostics);
        diagnostics.add(Diagnostic.error(origin, "a port must be a string or a mapping, not " + item.describeType()));
        return Optional.empty();
    }

    private static Optional<Port> longForm(ComposeNode.Mapping mapping, List<Diagnostic> diagnostics) {
        Origin origin = mapping.origin();
        String target = text(mapping, "target");
        if (target == null || !isPortOrRange(target)) {
            diagnostics.add(Diagnostic.error(origin, target == null ? "a port needs a target" : "\"" + target + "\" is not a port"));
            return Optional.empty();
        }
        String published = text(mapping, "published");
        String protocol = text(mapping, "protocol");
        protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol.trim().toLowerCase(Locale.ROOT);
        Setting<String> hostIp = mapping.member("host_ip")
                .filter(member -> member.value() instanceof ComposeNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank())
                .map(member -> Setting.of(unbracketed(((ComposeNode.Scalar) member.value()).text().trim()), member.keyOrigin()))
                .orElse(Setting.unset(origin));
        return Optional.of(new Port(hostIp, published == null ? "" : published.trim(), target.trim(), protocol, origin));
    }

    /**
     * An entry that does not parse. When variables made it what it is (an unset variable leaves
     * {@code "${PORT}:80"} as {@code ":80"}), the environment is to blame and the unset variable
     * is already reported, so this is only a warning.
     */
    static Diagnostic invalid(ComposeNode.Scalar entry, String expected) {
        String message = "\"" + entry.text() + "\" is not " + expected;
        return entry.interpolated()
                ? Diagnostic.warning(entry.origin(), message + " (after interpolation); skipped")
                : Diagnostic.error(entry.origin(), message);
    }

    /** One {@code expose} entry: a container port that is not published. */
    static Optional<Port> exposed(ComposeNode item, List<Diagnostic> diagnostics) {
        Origin origin = item.origin();
        String spec = item instanceof ComposeNode.Scalar scalar ? scalar.text() : null;
        if (spec != null) {
            spec = spec.trim();
            String protocol = "tcp";
            int slash = spec.lastIndexOf('/');
            if (slash >= 0) {
                protocol = spec.substring(slash + 1).toLowerCase(Locale.ROOT);
                spec = spec.substring(0, slash);
            }
            if (isPortOrRange(spec) && isProtocol(protocol)) {
                return Optional.of(new Port(Setting.unset(origin), null, spec, protocol, origin));
            }
        }
        diagnostics.add(item instanceof ComposeNode.Scalar scalar && !scalar.isNull()
                ? invalid(scalar, "an exposed port such as \"3000\" or \"3000/udp\"")
                : Diagnostic.error(origin, "an expose entry must be a port such as \"3000\", not " + item.describeType()));
        return Optional.empty();
    }

    /** What makes two port entries the same when files are merged: host IP, published port, target, protocol; null when it is no port. */
    static String mergeKey(ComposeNode item) {
        Optional<Port> port = published(item, new ArrayList<>());
        if (port.isEmpty()) return null;
        Port p = port.get();
        return p.hostIp().orElse("") + "|" + p.hostPort() + "|" + p.containerPort() + "|" + p.protocol();
    }

    private static String text(ComposeNode.Mapping mapping, String key) {
        return mapping.get(key)
                .filter(ComposeNode.Scalar.class::isInstance)
                .map(node -> ((ComposeNode.Scalar) node).text())
                .orElse(null);
    }

    private static String unbracketed(String host) {
        return host.length() >= 2 && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isProtocol(String protocol) {
        return protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("sctp");
    }

    /** "80" or "8000-8010". */
    static boolean isPortOrRange(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) return isNumber(text);
        return isNumber(text.substring(0, dash)) && isNumber(text.substring(dash + 1));
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty() || text.length() > 5) return false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        }
        return true;
    }
}
