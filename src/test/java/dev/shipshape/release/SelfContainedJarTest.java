package dev.shipshape.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.cli.VersionProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/shipshape-VERSION.jar runs with {@code java -jar} alone, in a folder with nothing else in it. */
class SelfContainedJarTest {

    /** Java 17, which this machine has: older than shipshape needs. */
    private static final Path OLD_JAVA = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");

    @TempDir
    static Path alone;

    private static Path jar;

    @BeforeAll
    static void copyTheJarAlone() throws IOException {
        jar = Files.copy(ReleaseArtifacts.selfContainedJar(), alone.resolve("shipshape.jar"));
    }

    private static ExternalCommand java(Path javaBinary, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaBinary.toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return ExternalCommand.of(alone, command.toArray(String[]::new));
    }

    private static Path java() {
        return ReleaseArtifacts.javaHome().resolve("bin/java");
    }

    @Test
    void scansAnExampleWithNothingButTheJar() {
        Path insecure = ReleaseArtifacts.REPOSITORY.resolve("examples/insecure");

        ExternalCommand.Outcome scan = java(java(), "scan", insecure.toString(), "--format", "json").run();

        assertThat(scan.exitCode()).as(scan.shown()).isEqualTo(1);
        assertThat(scan.err()).as("no warning from a library on stderr").isEmpty();
        assertThat(scan.out()).contains("\"rule\": \"privileged-container\"").contains("compose.yaml");
        try (var files = Files.list(alone)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("shipshape.jar");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theHardenedExampleIsClean() {
        ExternalCommand.Outcome scan = java(java(), "scan", ReleaseArtifacts.REPOSITORY.resolve("examples/hardened").toString()).run();

        assertThat(scan.exitCode()).as(scan.shown()).isZero();
        assertThat(scan.out()).contains("no findings, 0 suppressed");
    }

    @Test
    void versionGivesTheVersionTheCommitAndTheJava() {
        ExternalCommand.Outcome version = java(java(), "--version").run();

        assertThat(version.exitCode()).as(version.shown()).isZero();
        assertThat(version.out()).matches("shipshape " + VersionProvider.VERSION.replace(".", "\\.") + "\n"
                + "commit [0-9a-f]{40}( \\(modified\\))?\n"
                + "Java " + Runtime.version().feature() + "[^\n]* at " + ReleaseArtifacts.javaHome() + "\n");
    }

    @Test
    void anOldJavaGetsOneLineSayingWhichJavaItNeeds() {
        assertThat(OLD_JAVA).as("this test runs the jar on the machine's Java 17").isExecutable();

        ExternalCommand.Outcome old = java(OLD_JAVA, "scan", ".").run();

        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.out()).isEmpty();
        assertThat(old.err()).isEqualTo("shipshape needs Java 21 or newer, but this is Java 17 (/usr/lib/jvm/java-17-openjdk-amd64): "
                + "run it with a newer java, or use the release bundle, which brings its own\n");
    }

    /** Jetty finds its parts through service files: the merged ones must hold every library's entries. */
    @Test
    void serveAnswersFromTheMergedJar() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(java().toString(), "-jar", jar.toString(), "serve", "--kubernetes", "--port", Integer.toString(port))
                .directory(alone.toFile()).redirectErrorStream(true).redirectOutput(alone.resolve("serve.log").toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> health = null;
            for (int attempt = 0; attempt < 150 && health == null; attempt++) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    assertThat(server.isAlive()).as(() -> log()).isTrue();
                    Thread.sleep(200);
                }
            }
            assertThat(health).as(() -> "no answer within 30 s\n" + log()).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor();
            Files.deleteIfExists(alone.resolve("serve.log"));
        }
    }

    private static String log() {
        try {
            return Files.readString(alone.resolve("serve.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Test
    void theManifestStartsTheJavaCheckAndNamesNoOtherJar() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();

            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("dev.shipshape.boot.Start");
            assertThat(manifest.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(manifest.getMainAttributes().getValue("Class-Path")).isNull();
            List<String> names = Collections.list(file.entries()).stream().map(entry -> entry.getName()).toList();
            assertThat(names).as("signatures of the merged libraries")
                    .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
            assertThat(names).contains("dev/shipshape/Main.class", "dev/shipshape/build.properties",
                    "org/eclipse/jetty/server/Server.class", "dev/cel/bundle/CelFactory.class");
        }
    }

    /** Every service a dependency declares is still declared, with all of its providers, in the merged jar. */
    @Test
    void serviceFilesAreMergedNotOverwritten() throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        try (JarFile merged = new JarFile(jar.toFile())) {
            for (Path library : runtimeLibraries()) {
                try (JarFile part = new JarFile(library.toFile())) {
                    for (var entry : Collections.list(part.entries())) {
                        String name = entry.getName();
                        if (!name.startsWith("META-INF/services/") || entry.isDirectory()) continue;
                        for (String provider : providers(new String(part.getInputStream(entry).readAllBytes()))) {
                            expected.add(name + " " + provider);
                            var mergedEntry = merged.getEntry(name);
                            if (mergedEntry != null
                                    && providers(new String(merged.getInputStream(mergedEntry).readAllBytes())).contains(provider)) {
                                actual.add(name + " " + provider);
                            }
                        }
                    }
                }
            }
        }
        assertThat(expected).as("the libraries declare services").isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static List<String> providers(String serviceFile) {
        return serviceFile.lines().map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
    }

    /** target/lib: the runtime libraries package copies, the same set the shade step merges. */
    private static List<Path> runtimeLibraries() throws IOException {
        try (var files = Files.list(ReleaseArtifacts.target().resolve("lib"))) {
            return files.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
