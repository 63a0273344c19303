package dev.shipshape.systems;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a consensus system states its membership.
 *
 * @param members    settings that list the members; {@code count} counts them
 * @param count      what one member looks like in such a list
 * @param expect     settings that state the member count as a number
 * @param serverWhen settings that make an instance a voting member; empty means every instance is one
 */
public record Cluster(List<SettingPattern> members, Pattern count, List<SettingPattern> expect, List<SettingPattern> serverWhen) {

    public static final Cluster NONE = new Cluster(List.of(), null, List.of(), List.of());

    public Cluster {
        members = List.copyOf(members);
        expect = List.copyOf(expect);
        serverWhen = List.copyOf(serverWhen);
    }

    public boolean isKnown() {
        return !members.isEmpty() || !expect.isEmpty();
    }

    /** How many members a list setting's value names. */
    public int countMembers(String list) {
        return (int) count.matcher(list).results().count();
    }
}
