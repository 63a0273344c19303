package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.cli.VersionProvider;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release bundle, unpacked into an empty folder and run through a symlink with a PATH that holds no
 * java (only the link and the two tools bin/shipshape calls) and no JAVA_HOME. Made by -Prelease only.
 */
@Tag("release-bundle")
class ReleaseBundleTest {

    @TempDir
    static Path unpacked;

    @TempDir
    static Path path;

    private static Path home;

    @BeforeAll
    static void unpackAndLink() throws IOException {
        ExternalCommand.Outcome tar = ExternalCommand.of(unpacked, "tar", "-xzf", ReleaseArtifacts.bundleTarball().toString()).run();
        assertThat(tar.exitCode()).as(tar.shown()).isZero();
        home = unpacked.resolve("shipshape-" + VersionProvider.VERSION);
        Files.createSymbolicLink(path.resolve("shipshape"), home.resolve("bin/shipshape"));
        for (String tool : List.of("readlink", "dirname")) {
            Files.createSymbolicLink(path.resolve(tool), Path.of("/usr/bin", tool));
        }
    }

    private static ExternalCommand shipshape(Map<String, String> environment, String... arguments) {
        String[] command = Stream.concat(Stream.of("shipshape"), Stream.of(arguments)).toArray(String[]::new);
        return ExternalCommand.of(unpacked, command).withTimeout(Duration.ofMinutes(1))
                .withEnvironment(Map.of("PATH", path.toString()))
                .withEnvironment(environment);
    }

    @Test
    void theBundleHoldsTheRuntimeTheJarTheCacheAndTheLauncher() throws IOException {
        assertThat(listing(unpacked)).containsExactly("shipshape-" + VersionProvider.VERSION);
        assertThat(listing(home)).containsExactly("bin", "lib", "runtime");
        assertThat(listing(home.resolve("bin"))).containsExactly("shipshape");
        assertThat(listing(home.resolve("lib"))).containsExactly("shipshape.aot", "shipshape.jar");
        assertThat(listing(path)).as("no java on the PATH").doesNotContain("java");
    }

    @Test
    void scansWithNoJavaOnThePath() {
        ExternalCommand.Outcome insecure = shipshape(Map.of(), "scan", ReleaseArtifacts.REPOSITORY.resolve("examples/insecure").toString()).run();
        ExternalCommand.Outcome hardened = shipshape(Map.of(), "scan", ReleaseArtifacts.REPOSITORY.resolve("examples/hardened").toString()).run();

        assertThat(insecure.exitCode()).as(insecure.shown()).isEqualTo(1);
        assertThat(insecure.out()).contains("privileged-container", "scanned 1 Compose, 1 Kubernetes, 1 Dockerfile, 1 daemon.json file(s)");
        assertThat(insecure.err()).isEmpty();
        assertThat(hardened.exitCode()).as(hardened.shown()).isZero();
        assertThat(hardened.out()).contains("no findings, 0 suppressed");
    }

    @Test
    void versionNamesTheBundledJava() {
        ExternalCommand.Outcome version = shipshape(Map.of(), "--version").run();

        assertThat(version.exitCode()).as(version.shown()).isZero();
        assertThat(version.out()).contains("\ncommit ").endsWith(" at " + home.resolve("runtime") + "\n");
    }

    /** The AOT cache made at build time still serves after the bundle moved to another folder. */
    @Test
    void theStartUpCacheIsUsedWhereverTheBundleIsUnpacked(@TempDir Path logs) throws IOException {
        Path log = logs.resolve("class-load.log");

        ExternalCommand.Outcome run = shipshape(Map.of("SHIPSHAPE_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "--version").run();

        assertThat(run.exitCode()).as(run.shown()).isZero();
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.endsWith(" dev.shipshape.Main source: shared objects file"));
    }

    /** jlink put in the modules jdeps finds the jar needs (and the modules those require), nothing more. */
    @Test
    void theRuntimeHasOnlyTheModulesTheJarNeeds() {
        Path jdk = ReleaseArtifacts.javaHome();
        ExternalCommand.Outcome needed = ExternalCommand.of(unpacked, jdk.resolve("bin/jdeps").toString(), "--print-module-deps",
                "--ignore-missing-deps", "--multi-release", "21", home.resolve("lib/shipshape.jar").toString()).withTimeout(Duration.ofMinutes(3)).run();
        ExternalCommand.Outcome linked = ExternalCommand.of(unpacked, home.resolve("runtime/bin/java").toString(), "--list-modules").run();

        assertThat(needed.exitCode()).as(needed.shown()).isZero();
        assertThat(linked.exitCode()).as(linked.shown()).isZero();
        // jlink adds what those modules require, as module resolution does (it binds no services)
        List<String> roots = Arrays.asList(needed.out().strip().split(","));
        List<String> closure = Configuration.empty().resolve(ModuleFinder.ofSystem(), ModuleFinder.of(), roots).modules().stream()
                .map(ResolvedModule::name).sorted().toList();
        assertThat(linked.out().lines().map(line -> line.replaceAll("@.*", "")).sorted().toList()).isEqualTo(closure);
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
