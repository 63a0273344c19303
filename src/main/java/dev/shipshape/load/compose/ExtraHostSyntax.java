package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Compose {@code extra_hosts}: a list of {@code "name=address"} or {@code "name:address"} items
 * (several addresses separated by commas), or a mapping {@code name: address} (or a list of
 * addresses). Each address becomes one {@code "name:address"} setting at its list item or
 * mapping key. As in Compose, {@code =} is tried before {@code :} (so {@code "db:::1"} is
 * {@code db} at {@code ::1}) and brackets around an address are dropped.
 */
final class ExtraHostSyntax {

    private ExtraHostSyntax() {
    }

    /** The service's {@code extra_hosts} value in either form; problems go to {@code reader}. */
    static List<Setting<String>> read(ComposeNode value, SettingReader reader) {
        List<Setting<String>> hosts = new ArrayList<>();
        switch (value) {
            case Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    if (isEmptyFromVariable(item)) continue;
                    if (item instanceof Scalar scalar && !scalar.isNull()) {
                        addEntry(scalar, hosts, reader);
                    } else {
                        reader.error(item.origin(), "an extra_hosts entry must be a string, not " + item.describeType());
                    }
                }
            }
            case Mapping mapping -> {
                for (Member host : mapping.members()) {
                    for (ComposeNode address : addressesOf(host)) {
                        if (isEmptyFromVariable(address)) continue;
                        if (address instanceof Scalar scalar) {
                            addAddresses(host.key(), scalar.isNull() ? "" : scalar.text(), scalar.interpolated(), host.keyOrigin(), hosts, reader);
                        } else {
                            reader.error(address.origin(), "the address of extra host '" + host.key() + "' must be a single value, not "
                                    + address.describeType());
                        }
                    }
                }
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(value.origin(), "'extra_hosts' must be a list or a mapping, not " + value.describeType());
        }
        return hosts;
    }

    /**
     * The entries one list item stands for, each {@code "name:address"}, or empty when the item
     * names no valid host; used to tell repeated entries apart when files are merged.
     */
    static List<String> normalized(String written) {
        int separator = separatorOf(written);
        if (separator < 0) return List.of();
        String name = written.substring(0, separator).trim();
        if (!isHostName(name)) return List.of();
        List<String> entries = new ArrayList<>(1);
        for (String address : addresses(written.substring(separator + 1))) {
            if (address.isEmpty()) return List.of();
            entries.add(name + ":" + address);
        }
        return entries;
    }

    /** What makes two items the same when files are merged: their normalised entries; null when the item is not a host entry. */
    static String mergeKey(ComposeNode item) {
        if (!(item instanceof Scalar scalar) || scalar.isNull()) return null;
        List<String> entries = normalized(scalar.text());
        return entries.isEmpty() ? null : String.join(",", entries);
    }

    /** The mapping form as list items {@code "name=address"} located at each key, so that both forms merge alike. */
    static ComposeNode asSequence(ComposeNode node) {
        if (!(node instanceof Mapping mapping)) return node;
        List<ComposeNode> items = new ArrayList<>(mapping.members().size());
        for (Member host : mapping.members()) {
            for (ComposeNode address : addressesOf(host)) {
                if (address instanceof Scalar scalar) {
                    String text = scalar.isNull() ? "" : scalar.text();
                    items.add(new Scalar(host.key() + "=" + text, scalar.interpolated(), host.keyOrigin(), null));
                } else {
                    items.add(address);
                }
            }
        }
        return new Sequence(items, mapping.origin(), mapping.lastLine(), mapping.tag());
    }

    private static void addEntry(Scalar item, List<Setting<String>> hosts, SettingReader reader) {
        String written = item.text();
        int separator = separatorOf(written);
        if (separator < 0) {
            reader.error(item.origin(), "the extra host \"" + written + "\" has no address: write NAME=ADDRESS or NAME:ADDRESS");
            return;
        }
        addAddresses(written.substring(0, separator).trim(), written.substring(separator + 1), item.interpolated(), item.origin(), hosts, reader);
    }

    /** An address left empty by an unset variable is skipped: the variable was already reported. */
    private static void addAddresses(String name, String addressText, boolean interpolated, Origin origin,
                                     List<Setting<String>> hosts, SettingReader reader) {
        if (!isHostName(name)) {
            reader.error(origin, "\"" + name + "\" is not a host name for extra_hosts");
            return;
        }
        for (String address : addresses(addressText)) {
            if (!address.isEmpty()) {
                hosts.add(Setting.of(name + ":" + address, origin));
            } else if (!interpolated) {
                reader.error(origin, "the extra host '" + name + "' has no address");
            }
        }
    }

    private static List<ComposeNode> addressesOf(Member host) {
        return host.value() instanceof Sequence list ? list.items() : List.of(host.value());
    }

    /** {@code =} first, then {@code :}, as Compose splits. */
    private static int separatorOf(String written) {
        int equals = written.indexOf('=');
        return equals >= 0 ? equals : written.indexOf(':');
    }

    private static boolean isHostName(String name) {
        return !name.isEmpty() && name.indexOf(':') < 0 && name.indexOf('=') < 0;
    }

    /** The comma-separated addresses, trimmed and without brackets ({@code [::1]} is {@code ::1}). */
    private static List<String> addresses(String written) {
        List<String> addresses = new ArrayList<>(1);
        int start = 0;
        while (true) {
            int comma = written.indexOf(',', start);
            String address = (comma < 0 ? written.substring(start) : written.substring(start, comma)).trim();
            if (address.length() > 2 && address.charAt(0) == '[' && address.charAt(address.length() - 1) == ']') {
                address = address.substring(1, address.length() - 1);
            }
            addresses.add(address);
            if (comma < 0) return addresses;
            start = comma + 1;
        }
    }

    private static boolean isEmptyFromVariable(ComposeNode node) {
        return node instanceof Scalar scalar && scalar.interpolated() && (scalar.isNull() || scalar.text().isBlank());
    }
}
