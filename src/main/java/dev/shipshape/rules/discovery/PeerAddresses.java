package dev.shipshape.rules.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal IP addresses of peers in a written value: bare ({@code 10.0.0.5}), in a URL
 * ({@code http://[fd00::5]:8080/}) or as host:port. Not peers: loopback (127.0.0.0/8, ::1), the
 * unspecified address (0.0.0.0, ::), link-local (169.254.0.0/16, the cloud metadata address;
 * fe80::/10), multicast, broadcast and netmasks (224.0.0.0 and above), and CIDR ranges
 * ({@code 10.0.0.0/8}). A dotted quad with an octet above 255 is not an address (a version).
 */
final class PeerAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w.])");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![\\w:.])");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("/\\d{1,3}(?!\\d)");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private PeerAddresses() {
    }

    /** The peer addresses written in {@code text}, in order. */
    static List<String> in(String text) {
        // every address has a '.' or a ':': most values (a log level, a flag) are answered without two regex searches
        if (text.indexOf('.') < 0 && text.indexOf(':') < 0) return List.of();
        List<String> found = new ArrayList<>();
        List<int[]> ipv6Spans = new ArrayList<>();
        Matcher ipv6 = IPV6_CANDIDATE.matcher(text);
        while (ipv6.find()) {
            String candidate = ipv6.group();
            Optional<int[]> groups = ipv6Groups(candidate);
            if (groups.isEmpty()) continue;
            ipv6Spans.add(new int[] {ipv6.start(), ipv6.end()});
            if (!isRange(text, ipv6.end()) && isPeerIpv6(groups.get())) found.add(candidate);
        }
        Matcher ipv4 = IPV4.matcher(text);
        while (ipv4.find()) {
            int start = ipv4.start();
            if (ipv6Spans.stream().anyMatch(span -> start >= span[0] && start < span[1])) continue;
            Optional<int[]> octets = ipv4Octets(ipv4.group());
            if (octets.isPresent() && !isRange(text, ipv4.end()) && isPeerIpv4(octets.get())) found.add(ipv4.group());
        }
        return found;
    }

    /** True when {@code address} (brackets allowed) is a literal IP address of a peer. */
    static boolean isPeerAddress(String address) {
        String bare = address.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) bare = bare.substring(1, bare.length() - 1);
        Optional<int[]> octets = ipv4Octets(bare);
        if (octets.isPresent()) return isPeerIpv4(octets.get());
        Optional<int[]> groups = ipv6Groups(bare);
        return groups.isPresent() && isPeerIpv6(groups.get());
    }

    private static boolean isRange(String text, int end) {
        Matcher prefix = PREFIX_LENGTH.matcher(text).region(end, text.length());
        return prefix.lookingAt();
    }

    private static Optional<int[]> ipv4Octets(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return Optional.empty();
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) return Optional.empty();
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) return Optional.empty();
        }
        return Optional.of(octets);
    }

    private static boolean isPeerIpv4(int[] octets) {
        int first = octets[0];
        boolean loopback = first == 127;
        boolean unspecified = first == 0;
        boolean linkLocal = first == 169 && octets[1] == 254;
        boolean multicastOrReserved = first >= 224;
        return !(loopback || unspecified || linkLocal || multicastOrReserved);
    }

    /** The eight 16-bit groups of an IPv6 address, or empty when {@code text} is not one. */
    static Optional<int[]> ipv6Groups(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int gap = lower.indexOf("::");
        if (gap >= 0 && lower.indexOf("::", gap + 1) >= 0) return Optional.empty();
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        if (gap < 0) {
            if (!groups(lower, head)) return Optional.empty();
            if (head.size() != 8) return Optional.empty();
        } else {
            if (!groups(lower.substring(0, gap), head) || !groups(lower.substring(gap + 2), tail)) return Optional.empty();
            if (head.size() + tail.size() > 7) return Optional.empty();
        }
        int[] result = new int[8];
        for (int i = 0; i < head.size(); i++) result[i] = head.get(i);
        for (int i = 0; i < tail.size(); i++) result[8 - tail.size() + i] = tail.get(i);
        return Optional.of(result);
    }

    /** Parses colon-separated hex groups (an embedded IPv4 address last counts as two); "" is no groups. */
    private static boolean groups(String text, List<Integer> into) {
        if (text.isEmpty()) return true;
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.contains(".")) {
                Optional<int[]> octets = ipv4Octets(part);
                if (octets.isEmpty()) return false;
                into.add(octets.get()[0] << 8 | octets.get()[1]);
                into.add(octets.get()[2] << 8 | octets.get()[3]);
            } else if (HEX_GROUP.matcher(part).matches()) {
                into.add(Integer.parseInt(part, 16));
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isPeerIpv6(int[] groups) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 7; i++) allZeroButLast &= groups[i] == 0;
        boolean unspecifiedOrLoopback = allZeroButLast && (groups[7] == 0 || groups[7] == 1);
        boolean linkLocal = (groups[0] & 0xffc0) == 0xfe80;
        boolean multicast = (groups[0] & 0xff00) == 0xff00;
        boolean ipv4Mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff;
        if (ipv4Mapped) {
            return isPeerIpv4(new int[] {groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff});
        }
        return !(unspecifiedOrLoopback || linkLocal || multicast);
    }
}
