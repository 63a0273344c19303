package dev.shipshape.load.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.GroupMembers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {

    @Test
    void membersAreListedOnesAndThoseWhosePrimaryGroupItIs(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("group"), "root:x:0:\ndocker:x:999:alice, bob,,alice\nstaff:x:50:dave\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("passwd"), "carol:x:1001:999::/home/carol:/bin/sh\ndave:x:1002:50::/:/bin/sh\nbroken line\n",
                StandardCharsets.UTF_8);
        HostFiles host = new HostFiles(folder.resolve("daemon.json"), folder.resolve("group"), folder.resolve("passwd"));
        List<Diagnostic> notes = new ArrayList<>();
        Optional<GroupMembers> docker = host.members("docker", notes);
        assertThat(docker).hasValueSatisfying(group -> {
            assertThat(group.members()).containsExactly("alice", "bob", "carol");
            assertThat(group.origin().source()).isEqualTo("group docker");
        });
        assertThat(host.members("wheel", notes)).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void anAbsentDaemonJsonIsNoConfigurationAndNoNote(@TempDir Path folder) {
        HostFiles host = new HostFiles(folder.resolve("daemon.json"), folder.resolve("group"), folder.resolve("passwd"));
        List<Diagnostic> notes = new ArrayList<>();
        assertThat(host.daemonConfig(notes)).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void aDaemonJsonIsReadWithItsFilePositions(@TempDir Path folder) throws Exception {
        Path daemonJson = folder.resolve("daemon.json");
        Files.writeString(daemonJson, "{\n  \"icc\": false,\n  \"no-new-privileges\": true\n}\n", StandardCharsets.UTF_8);
        HostFiles host = new HostFiles(daemonJson, folder.resolve("group"), folder.resolve("passwd"));
        List<Diagnostic> notes = new ArrayList<>();
        assertThat(host.daemonConfig(notes)).hasValueSatisfying(config -> {
            assertThat(config.icc().isFalse()).isTrue();
            assertThat(config.icc().origin().line()).isEqualTo(2);
            assertThat(config.noNewPrivileges().isTrue()).isTrue();
        });
        assertThat(notes).isEmpty();
    }
}
