package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The smallest glibc base the image can run on, assembled offline from this machine's files (no registry
 * is reachable here): the shared libraries {@code ldd} says the bundle's runtime loads, and busybox-static
 * for /bin/sh, readlink and dirname, which bin/shipshape calls. It stands in for the Dockerfile's
 * default, debian:bookworm-slim, and is passed with {@code --build-arg BASE_IMAGE}.
 */
final class GlibcBaseImage {

    /** "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" and "/lib64/ld-linux-x86-64.so.2 (0x…)". */
    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    private static final List<String> APPLETS = List.of("sh", "readlink", "dirname");

    private GlibcBaseImage() {
    }

    /** Writes the base's root filesystem as a tarball for {@code docker import}. */
    static Path tarball(Path runtime, Path folder) throws IOException {
        Path root = Files.createDirectories(folder.resolve("rootfs"));
        for (String library : librariesOf(runtime)) {
            Path copy = root.resolve(library.substring(1));
            Files.createDirectories(copy.getParent());
            Files.copy(Path.of(library), copy);
        }
        Path busybox = Path.of("/bin/busybox");
        assertThat(busybox).as("busybox-static gives the base its shell (.ci/run installs it)").isExecutable();
        Files.createDirectories(root.resolve("bin"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.createDirectories(root.resolve("tmp"));
        Path tarball = folder.resolve("glibc-base.tar");
        ExternalCommand.Outcome tar = ExternalCommand.of(folder, "tar", "--owner=0", "--group=0", "--numeric-owner",
                "-C", root.toString(), "-cf", tarball.toString(), ".").run();
        assertThat(tar.exitCode()).as(tar.shown()).isZero();
        return tarball;
    }

    /** Every shared library that the runtime's programs and libraries load, by the path ldd resolves. */
    static Set<String> librariesOf(Path runtime) throws IOException {
        Set<String> libraries = new TreeSet<>();
        List<Path> elves;
        try (Stream<Path> files = Files.walk(runtime)) {
            elves = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".so") || file.getParent().getFileName().toString().equals("bin"))
                    .toList();
        }
        for (Path elf : elves) {
            ExternalCommand.Outcome ldd = ExternalCommand.of(runtime, "ldd", elf.toString()).run();
            assertThat(ldd.exitCode()).as(ldd.shown()).isZero();
            Matcher library = LIBRARY.matcher(ldd.out());
            while (library.find()) {
                if (!library.group(1).startsWith(runtime.toString())) libraries.add(library.group(1));
            }
        }
        return libraries;
    }
}
