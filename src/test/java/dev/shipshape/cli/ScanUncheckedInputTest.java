package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shapes of input that once passed {@code scan --fail-on high} unchecked, or stopped it: each
 * ends within seconds, with a located message and no stack trace, and a privileged service in any
 * of these shapes fails the run.
 */
class ScanUncheckedInputTest {

    private static final Duration SECONDS = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PRIVILEGED = """
            services:
              web:
                image: nginx:1.27
                privileged: true
            """;
    private static final String PRIVILEGED_POD_JSON = """
            {
              "apiVersion": "v1",
              "kind": "Pod",
              "metadata": {"name": "web"},
              "spec": {"containers": [{"name": "web", "image": "nginx:1.27", "securityContext": {"privileged": true}}]}
            }
            """;

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Runs {@code scan --fail-on high --rule privileged-container --format json ARGS}, within the time limit. */
    private Scan scan(String... args) {
        return scanWithInput(null, args);
    }

    private Scan scanWithInput(byte[] standardInput, String... args) {
        return assertTimeoutPreemptively(SECONDS, () -> {
            List<String> all = new ArrayList<>(List.of("scan", "--fail-on", "high", "--rule", "privileged-container", "--format", "json"));
            all.addAll(List.of(args));
            CommandLine commandLine = ShipshapeCommand.commandLine();
            if (standardInput != null) {
                Supplier<java.io.InputStream> in = () -> new ByteArrayInputStream(standardInput);
                ((ScanCommand) commandLine.getSubcommands().get("scan").getCommand()).standardInput = in;
            }
            CliRun run = CliRun.on(commandLine, all.toArray(String[]::new));
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
            return new Scan(run, run.out().isEmpty() ? null : JSON.readTree(run.out()));
        });
    }

    private record Scan(CliRun run, JsonNode report) {

        /** Each finding as {@code file:line:col rule}. */
        List<String> findings() {
            List<String> found = new ArrayList<>();
            for (JsonNode finding : report.get("findings")) {
                JsonNode at = finding.get("location");
                found.add(at.get("file").asText() + ":" + at.get("line").asInt() + ":" + at.get("column").asInt() + " " + finding.get("rule").asText());
            }
            return found;
        }

        /** Each diagnostic as {@code file:line:col level: message}. */
        List<String> diagnostics() {
            List<String> found = new ArrayList<>();
            for (JsonNode diagnostic : report.get("diagnostics")) {
                JsonNode at = diagnostic.get("location");
                found.add(at.get("file").asText() + ":" + at.get("line").asInt() + ":" + at.get("column").asInt() + " "
                        + diagnostic.get("level").asText() + ": " + diagnostic.get("message").asText());
            }
            return found;
        }
    }

    private String shown(String relative) {
        return folder.resolve(relative).toString();
    }

    // ---- recognised by what they are ----

    @Test
    void aFlowStyleComposeFileIsScanned() throws IOException {
        write("compose.yaml", "{services: {web: {image: nginx:1.27, privileged: true}}}\n");

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(shown("compose.yaml") + ":1:38 privileged-container");
    }

    @Test
    void aComposeFileWrittenAsJsonIsScanned() throws IOException {
        write("compose.json", "{\"services\": {\"web\": {\"image\": \"nginx:1.27\",\n  \"privileged\": true}}}\n");

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(shown("compose.json") + ":2:3 privileged-container");
    }

    @Test
    void aComposeFileInEveryUnicodeEncodingIsScanned() throws IOException {
        writeEncoded("utf8-bom/compose.yaml", PRIVILEGED, StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        writeEncoded("utf16le-bom/compose.yaml", PRIVILEGED, StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
        writeEncoded("utf16be-bom/compose.yaml", PRIVILEGED, StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});
        writeEncoded("utf16le/compose.yaml", PRIVILEGED, StandardCharsets.UTF_16LE, new byte[0]);
        writeEncoded("utf32be-bom/compose.yaml", PRIVILEGED, Charset.forName("UTF-32BE"), new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF});
        writeEncoded("utf32le-bom/compose.yaml", PRIVILEGED, Charset.forName("UTF-32LE"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(
                shown("utf16be-bom/compose.yaml") + ":4:5 privileged-container",
                shown("utf16le-bom/compose.yaml") + ":4:5 privileged-container",
                shown("utf16le/compose.yaml") + ":4:5 privileged-container",
                shown("utf32be-bom/compose.yaml") + ":4:5 privileged-container",
                shown("utf32le-bom/compose.yaml") + ":4:5 privileged-container",
                shown("utf8-bom/compose.yaml") + ":4:5 privileged-container");
        assertThat(scan.diagnostics()).isEmpty();
    }

    private void writeEncoded(String name, String text, Charset charset, byte[] mark) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, all, 0, mark.length);
        System.arraycopy(body, 0, all, mark.length, body.length);
        Files.write(file, all);
    }

    @Test
    void aLongCommentBeforeTheFirstKeyChangesNothing() throws IOException {
        String comment = ("# " + "x".repeat(1022) + "\n").repeat(300);
        write("compose.yaml", comment + PRIVILEGED);

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(shown("compose.yaml") + ":304:5 privileged-container");
    }

    @Test
    void aPodAsJsonAsJsonInsideYamlAndAsAFlowDocumentAfterASeparatorIsScanned() throws IOException {
        write("pod.json", PRIVILEGED_POD_JSON);
        write("pod-json.yaml", PRIVILEGED_POD_JSON);
        write("pods.yaml", "# rendered\n---\n{apiVersion: v1, kind: Pod, metadata: {name: web},\n"
                + "  spec: {containers: [{name: web, image: 'nginx:1.27', securityContext: {privileged: true}}]}}\n");

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(
                shown("pod-json.yaml") + ":5:86 privileged-container",
                shown("pod.json") + ":5:86 privileged-container",
                shown("pods.yaml") + ":4:74 privileged-container");
    }

    @Test
    void otherJsonAndYamlInAFolderIsStillLeftAloneSilently() throws IOException {
        write("package.json", "{\"name\": \"web\", \"services\": [\"a\"]}\n");
        write(".gitlab-ci.yml", "services:\n  - docker:dind\njob:\n  script: [make]\n");
        write("compose.yaml", PRIVILEGED);

        Scan scan = scan(folder.toString());

        assertThat(scan.report().get("coverage").get("found").get("compose").asInt()).isEqualTo(1);
        assertThat(scan.report().get("coverage").get("skipped")).isEmpty();
        assertThat(scan.diagnostics()).isEmpty();
    }

    // ---- never green on the unchecked ----

    @Test
    void aComposeFilePaddedPastTheLimitFailsTheRunUntilTheLimitIsRaised() throws IOException {
        Path big = write("compose.yaml", PRIVILEGED + ("# " + "x".repeat(1021) + "\n").repeat(10 * 1024 + 1));
        write("ok/docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n");

        Scan limited = scan(folder.toString());
        Scan raised = scan("--max-file-size", "20MiB", folder.toString());
        Scan excluded = scan("--exclude", big.getFileName().toString(), folder.toString());

        assertThat(limited.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(limited.findings()).isEmpty();
        assertThat(limited.diagnostics()).containsExactly(shown("compose.yaml") + ":1:1 error: not checked: it is larger than the "
                + "10 MiB limit; raise the limit with --max-file-size or leave it out with --exclude");
        assertThat(limited.report().get("coverage").get("skipped").get(0).toString()).isEqualTo(
                "{\"file\":\"" + shown("compose.yaml") + "\",\"reason\":\"larger than 10 MiB limit (use --max-file-size)\",\"unchecked\":true}");
        assertThat(raised.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(raised.findings()).containsExactly(shown("compose.yaml") + ":4:5 privileged-container");
        assertThat(excluded.run().exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aFileThatIsNotTextFailsTheRun() throws IOException {
        Files.write(folder.resolve("compose.yaml"), "services:\n  web:\n    image: caf\u00e9\n    privileged: true\n".getBytes(StandardCharsets.ISO_8859_1));

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.diagnostics()).containsExactly(shown("compose.yaml") + ":1:1 error: not checked: it is not valid UTF-8 text; "
                + "save it as UTF-8 (or UTF-16/32 with a byte-order mark) or leave it out with --exclude");
    }

    /**
     * Root reads every file, so the scan runs as nobody ({@code setpriv}, in a JVM of its own, with
     * the classpath copied where nobody can read it).
     */
    @Test
    void aFileTheUserCannotReadFailsTheRun() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");
        Path project = Files.createDirectory(folder.resolve("project"));
        Path secret = Files.writeString(project.resolve("compose.yaml"), PRIVILEGED);
        Files.writeString(project.resolve("Dockerfile"), "FROM alpine:3.20\nUSER 10001\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        String classpath = readableClasspath(Files.createDirectory(folder.resolve("lib")));
        for (Path path : List.of(folder, project, folder.resolve("lib"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");

        Process process = new ProcessBuilder("/usr/bin/setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups",
                java, "-cp", classpath, "dev.shipshape.Main", "scan", "--fail-on", "high", project.toString())
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) process.destroyForcibly();

        assertThat(ended).isTrue();
        assertThat(output).contains(secret + ":1:1  error    not checked: the file cannot be read (permission denied); leave it out with --exclude")
                .doesNotContain("Exception");
        assertThat(process.exitValue()).as(output).isEqualTo(ExitCodes.FINDINGS);
    }

    private static String readableClasspath(Path lib) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                entries.add(path.toAbsolutePath().toString());
            } else if (Files.isRegularFile(path)) {
                Path copy = lib.resolve(entries.size() + "-" + path.getFileName());
                Files.copy(path, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    @Test
    void aSkippedFileIsANotificationInSarif() throws IOException {
        write("compose.yaml", PRIVILEGED + "#".repeat(200));

        CliRun run = CliRun.of("scan", "--format", "sarif", "--max-file-size", "100", folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("\"text\": \"skipped: larger than 100 bytes limit (use --max-file-size)\"")
                .contains("\"text\": \"not checked: it is larger than the 100 bytes limit; raise the limit with --max-file-size or leave it out with --exclude\"");
    }

    // ---- nothing blocks, nothing explodes ----

    @Test
    void aNamedPipeOnTheCommandLineIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = mkfifo("compose.yaml");

        Scan scan = scan(fifo.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.diagnostics()).containsExactly(fifo + ":1:1 error: not checked: it is not a regular file (a named pipe); "
                + "not opened; leave it out with --exclude");
    }

    @Test
    void aNamedPipeInAFolderIsRefusedToo() throws Exception {
        mkfifo("deploy/pod.yaml");

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.diagnostics()).containsExactly(shown("deploy/pod.yaml") + ":1:1 error: not checked: it is not a regular file "
                + "(a named pipe); not opened; leave it out with --exclude");
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = folder.resolve(name);
        Files.createDirectories(fifo.getParent());
        Process process = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(process.waitFor()).isZero();
        return fifo;
    }

    @Test
    void aComposeFileLinkedToAKernelFileIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("compose.yaml"), Path.of("/proc/kmsg"));

        Scan named = scan(link.toString());
        Scan walked = scan(folder.toString(), "--allow-empty");

        assertThat(named.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(named.diagnostics()).containsExactly(link + ":1:1 error: not checked: it is a kernel file under /proc, "
                + "whose size says nothing about its content; not opened; leave it out with --exclude");
        assertThat(walked.run().exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(walked.report().get("coverage").get("skipped").get(0).get("reason").asText())
                .isEqualTo("symbolic link to /proc/kmsg, outside the scanned folder; not followed (--follow-symlinks follows it)");
    }

    @Test
    void aLinkToTheRootOfTheHostIsNotWalked() throws IOException {
        write("app/compose.yaml", PRIVILEGED);
        Files.createSymbolicLink(folder.resolve("app/host"), Path.of("/"));

        Scan scan = scan(folder.toString());

        assertThat(scan.findings()).containsExactly(shown("app/compose.yaml") + ":4:5 privileged-container");
        assertThat(scan.report().get("coverage").get("skipped").get(0).get("file").asText()).isEqualTo(shown("app/host"));
    }

    @Test
    void includingADeviceIsRefusedAtTheIncludeEntry() throws IOException {
        write("compose.yaml", "include:\n  - /dev/zero\n" + PRIVILEGED);

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(shown("compose.yaml") + ":6:5 privileged-container");
        assertThat(scan.diagnostics()).containsExactly(
                shown("compose.yaml") + ":2:5 warning: the included file /dev/zero is outside the scanned folders; it is read all the same",
                shown("compose.yaml") + ":2:5 error: cannot read the included file /dev/zero: not a regular file (a character device); not opened");
    }

    @Test
    void aDotEnvThatIsANamedPipeIsNotOpenedAndSaysSo() throws Exception {
        mkfifo(".env");
        write("compose.yaml", PRIVILEGED);

        Scan scan = scan(folder.toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(shown("compose.yaml") + ":4:5 privileged-container");
        assertThat(scan.diagnostics()).containsExactly(shown(".env") + ":1:1 warning: cannot read the file: not a regular file "
                + "(a named pipe); not opened; its variables are not used");
    }

    @Test
    void anExtendsFileOverTheSizeLimitIsRefusedAtTheReference() throws IOException {
        write("base.yaml", "services:\n  base:\n    image: nginx:1.27\n    privileged: true\n" + "#".repeat(300) + "\n");
        write("compose.yaml", "services:\n  web:\n    extends: {file: base.yaml, service: base}\n");

        Scan scan = scan("--max-file-size", "200", folder.resolve("compose.yaml").toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.diagnostics()).containsExactly(shown("compose.yaml") + ":3:21 error: cannot read the extends file "
                + shown("base.yaml") + ": larger than 200 bytes limit (use --max-file-size)");
    }

    @Test
    void anExtendsFileOutsideTheScannedFolderIsReadWithAWarning() throws IOException {
        write("shared/base.yaml", "services:\n  base:\n    image: nginx:1.27\n    privileged: true\n");
        write("app/compose.yaml", "services:\n  web:\n    extends:\n      file: ../shared/base.yaml\n      service: base\n");

        Scan scan = scan(folder.resolve("app").toString());

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly(shown("shared/base.yaml") + ":4:5 privileged-container");
        assertThat(scan.diagnostics()).containsExactly(shown("app/compose.yaml") + ":4:13 warning: the extends file "
                + shown("shared/base.yaml") + " is outside the scanned folders; it is read all the same");
    }

    @Test
    void aBillionLaughsDocumentEndsAtOnceWithALocatedError() throws IOException {
        StringBuilder bomb = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            char previous = (char) (name - 1);
            bomb.append("x-").append(name).append(": &").append(name).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }
        write("compose.yaml", bomb + PRIVILEGED);

        Scan scan = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scan(folder.toString()));

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.diagnostics()).first().asString().startsWith(shown("compose.yaml") + ":7:1 error: aliases here expand the document "
                + "by more than 1,000,000 nodes");
    }

    // ---- standard input ----

    @Test
    void standardInputIsSniffedAndShownAsStdin() {
        String rendered = "---\n# Source: chart/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                + "---\n" + PRIVILEGED_POD_JSON;

        Scan scan = scanWithInput(rendered.getBytes(StandardCharsets.UTF_8), "-");

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.findings()).containsExactly("<stdin>:11:86 privileged-container");
    }

    @Test
    void standardInputCanBeNamedAndItsNameTellsItsKind() {
        Scan compose = scanWithInput(PRIVILEGED.getBytes(StandardCharsets.UTF_8), "-", "--stdin-name", "deploy/compose.yaml");
        CliRun dockerfile = assertTimeoutPreemptively(SECONDS, () -> {
            CommandLine commandLine = ShipshapeCommand.commandLine();
            ((ScanCommand) commandLine.getSubcommands().get("scan").getCommand()).standardInput =
                    () -> new ByteArrayInputStream("# base\nFROM alpine:3.20\nRUN true\n".getBytes(StandardCharsets.UTF_8));
            return CliRun.on(commandLine, "scan", "-", "--rule", "runs-as-root", "--format", "json");
        });

        assertThat(compose.findings()).containsExactly("deploy/compose.yaml:4:5 privileged-container");
        assertThat(dockerfile.out()).contains("\"file\": \"<stdin>\"").contains("\"rule\": \"runs-as-root\"");
    }

    @Test
    void standardInputOfUnknownKindSaysHowToNameIt() {
        Scan scan = scanWithInput("just words\n".getBytes(StandardCharsets.UTF_8), "-");

        assertThat(scan.run().exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan.diagnostics()).containsExactly("<stdin>:1:1 error: cannot tell what kind of input this is: a Compose file needs "
                + "a top-level `services:`, a Kubernetes manifest `apiVersion:` and `kind:`, a Dockerfile starts with FROM or ARG; "
                + "name it with --stdin-name (e.g. --stdin-name daemon.json)");
    }
}
