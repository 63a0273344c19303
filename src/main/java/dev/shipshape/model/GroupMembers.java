package dev.shipshape.model;

import java.util.List;

/**
 * The users of a host group (listed in {@code /etc/group}, or having it as their primary group in
 * {@code /etc/passwd}), such as the group that may use the Docker daemon's socket.
 *
 * @param origin the group as a live object ({@code group docker})
 */
public record GroupMembers(String group, List<String> members, Origin origin) {

    public GroupMembers {
        members = List.copyOf(members);
    }
}
