package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository launcher ./shipshape, reached through a symlink on PATH (and a symlink to that symlink),
 * run from a folder that has nothing to do with the repository. It runs the jar package built, so it
 * must not build (a source newer than the jar would make it; these tests run right after package).
 */
class LauncherTest {

    @TempDir
    Path bin;

    @TempDir
    Path work;

    private ExternalCommand shipshape(String... arguments) {
        String[] command = Stream.concat(Stream.of("shipshape"), Stream.of(arguments)).toArray(String[]::new);
        return ExternalCommand.of(work, command).withTimeout(Duration.ofMinutes(3)).withEnvironment(Map.of(
                "PATH", bin + ":/usr/bin:/bin",
                "HOME", work.toString(),
                "SHIPSHAPE_JAVA_HOME", ReleaseArtifacts.javaHome().toString()));
    }

    @Test
    void runsThroughASymlinkOnPathFromAnyFolder() throws IOException {
        Files.createSymbolicLink(bin.resolve("shipshape"), ReleaseArtifacts.REPOSITORY.resolve("shipshape"));
        Files.writeString(work.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");

        ExternalCommand.Outcome scan = shipshape("scan", "compose.yaml", "--rule", "privileged-container").run();

        assertThat(scan.exitCode()).as(scan.shown()).isEqualTo(1);
        assertThat(scan.err()).doesNotContain("building");
        assertThat(scan.out()).contains("compose.yaml:4:5: critical privileged-container ");
        assertThat(listing(bin)).as("nothing made beside the link").containsExactly("shipshape");
        assertThat(listing(work)).as("nothing made in the working folder").containsExactly("compose.yaml");
    }

    @Test
    void followsAChainOfSymlinks() throws IOException {
        Path middle = Files.createDirectories(work.resolve("opt"));
        Files.createSymbolicLink(middle.resolve("shipshape"), ReleaseArtifacts.REPOSITORY.resolve("shipshape"));
        Files.createSymbolicLink(bin.resolve("shipshape"), middle.resolve("shipshape"));

        ExternalCommand.Outcome version = shipshape("--version").run();

        assertThat(version.exitCode()).as(version.shown()).isZero();
        assertThat(version.out()).startsWith("shipshape ");
        assertThat(listing(bin)).containsExactly("shipshape");
        assertThat(listing(middle)).containsExactly("shipshape");
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
