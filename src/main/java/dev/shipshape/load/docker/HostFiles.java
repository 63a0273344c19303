package dev.shipshape.load.docker;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.daemon.DaemonConfigLoader;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.DaemonSocket;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.GroupMembers;
import dev.shipshape.model.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the daemon's host shows in its own files, for when shipshape runs on that host: the
 * daemon's {@code daemon.json}, its socket's owner, group and mode, and who is in the socket's
 * group. What cannot be read becomes a "not readable here" warning, never an error.
 *
 * @param daemonJson the daemon's configuration file ({@code /etc/docker/daemon.json})
 * @param groupFile  {@code /etc/group}
 * @param passwdFile {@code /etc/passwd} (users whose primary group it is are members too)
 */
public record HostFiles(Path daemonJson, Path groupFile, Path passwdFile) {

    public static final HostFiles SYSTEM = new HostFiles(
            Path.of("/etc/docker/daemon.json"), Path.of("/etc/group"), Path.of("/etc/passwd"));

    /** The daemon.json's settings, or empty when there is none (the daemon then runs on its defaults and flags). */
    Optional<DaemonConfig> daemonConfig(List<Diagnostic> notes) {
        String text;
        try {
            text = Files.readString(daemonJson, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException unreadable) {
            notes.add(notReadable(daemonJson.toString(), unreadable,
                    "the daemon settings only it holds (icc, no-new-privileges, tls, hosts) are not checked"));
            return Optional.empty();
        }
        LoadResult loaded = new DaemonConfigLoader().load(daemonJson.toString(), text);
        notes.addAll(loaded.diagnostics());
        return loaded.inventory().daemons().stream().findFirst();
    }

    /** The socket's owner, group and mode as the file system shows them. */
    Optional<DaemonSocket> socket(Path socket, List<Diagnostic> notes) {
        try {
            Map<String, Object> unix = Files.readAttributes(socket, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
            int uid = (Integer) unix.get("uid");
            int gid = (Integer) unix.get("gid");
            int mode = (Integer) unix.get("mode");
            String owner = nameOf(passwdFile, uid).orElse(Integer.toString(uid));
            String group = nameOf(groupFile, gid).orElse(Integer.toString(gid));
            return Optional.of(new DaemonSocket(socket.toString(), owner, group, mode & 07777,
                    Origin.live("socket " + socket)));
        } catch (IOException | UnsupportedOperationException | ClassCastException unreadable) {
            notes.add(notReadable("socket " + socket, unreadable, "its owner, group and mode are not checked"));
            return Optional.empty();
        }
    }

    /** Members of {@code group}: listed in the group file, or having it as their primary group. */
    Optional<GroupMembers> members(String group, List<Diagnostic> notes) {
        List<String> groupLines;
        try {
            groupLines = Files.readAllLines(groupFile, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            notes.add(notReadable(groupFile.toString(), unreadable, "who may use the Docker socket is not checked"));
            return Optional.empty();
        }
        Set<String> members = new LinkedHashSet<>();
        String gid = null;
        for (String line : groupLines) {
            String[] fields = line.split(":", -1);
            if (fields.length < 4 || !fields[0].equals(group)) continue;
            gid = fields[2];
            for (String member : fields[3].split(",")) {
                if (!member.isBlank()) members.add(member.strip());
            }
        }
        if (gid == null) return Optional.empty();
        try {
            for (String line : Files.readAllLines(passwdFile, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 4 && fields[3].equals(gid) && !fields[0].isBlank()) members.add(fields[0]);
            }
        } catch (IOException unreadable) {
            notes.add(notReadable(passwdFile.toString(), unreadable, "users whose primary group is '" + group + "' are not listed"));
        }
        return Optional.of(new GroupMembers(group, new ArrayList<>(members), Origin.live("group " + group)));
    }

    /** The name an id has in a passwd or group file (name:x:id:...). */
    private static Optional<String> nameOf(Path file, int id) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 3 && fields[2].equals(Integer.toString(id))) return Optional.of(fields[0]);
            }
        } catch (IOException unreadable) {
            // the numeric id is shown instead
        }
        return Optional.empty();
    }

    private static Diagnostic notReadable(String what, Exception why, String consequence) {
        String reason = switch (why) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException absent -> "it does not exist";
            default -> why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        };
        return Diagnostic.warning(Origin.live(what), "not readable here (" + reason + "): " + consequence);
    }
}
