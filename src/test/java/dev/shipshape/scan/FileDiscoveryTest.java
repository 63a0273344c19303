package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {

    private static final String COMPOSE = "services:\n  web:\n    image: nginx:1.27\n";
    private static final String KUBERNETES = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";

    @TempDir
    Path dir;

    @Test
    void findsEachKindInAFolderAndIgnoresOtherYamlSilently() throws Exception {
        write("app/Dockerfile", "FROM alpine:3.20\n");
        write("app/compose.yaml", COMPOSE);
        write("deploy/pod.yaml", KUBERNETES);
        write("deploy/stack.yml", COMPOSE);
        write("etc/docker/daemon.json", "{}\n");
        write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        write("README.md", "# hello\n");

        Discovery found = discover(dir);

        assertThat(kinds(found)).containsExactly(
                Map.entry(shown("app/Dockerfile"), SourceKind.DOCKERFILE),
                Map.entry(shown("app/compose.yaml"), SourceKind.COMPOSE),
                Map.entry(shown("deploy/pod.yaml"), SourceKind.KUBERNETES),
                Map.entry(shown("deploy/stack.yml"), SourceKind.STACK),
                Map.entry(shown("etc/docker/daemon.json"), SourceKind.DAEMON_JSON));
        assertThat(found.skipped()).isEmpty();
        assertThat(found.diagnostics()).isEmpty();
    }

    @Test
    void neverEntersVersionControlFoldersOrNodeModules() throws Exception {
        write(".git/compose.yaml", COMPOSE);
        write(".hg/compose.yaml", COMPOSE);
        write(".svn/compose.yaml", COMPOSE);
        write("web/node_modules/pkg/Dockerfile", "FROM node:22\n");
        write("web/Dockerfile", "FROM node:22\n");

        assertThat(shownPaths(discover(dir))).containsExactly(shown("web/Dockerfile"));
    }

    @Test
    void excludeGlobsMatchTheRelativePathOrTheName() throws Exception {
        write("keep/compose.yaml", COMPOSE);
        write("keep/pod.test.yaml", KUBERNETES);
        write("vendor/lib/Dockerfile", "FROM alpine:3.20\n");
        write("deploy/legacy/pod.yaml", KUBERNETES);
        write("deploy/current/pod.yaml", KUBERNETES);

        Discovery found = new FileDiscovery(List.of("*.test.yaml", "vendor", "./deploy/legacy/**"), ScanRequest.DEFAULT_MAX_FILE_SIZE)
                .discover(List.of(dir));

        assertThat(shownPaths(found)).containsExactly(shown("deploy/current/pod.yaml"), shown("keep/compose.yaml"));
    }

    @Test
    void anExplicitlyNamedFileIsScannedEvenWhenAnExcludeMatchesIt() throws Exception {
        Path pod = write("pod.test.yaml", KUBERNETES);

        Discovery found = new FileDiscovery(List.of("*.test.yaml"), ScanRequest.DEFAULT_MAX_FILE_SIZE).discover(List.of(pod));

        assertThat(shownPaths(found)).containsExactly(shown("pod.test.yaml"));
    }

    @Test
    void aBadGlobIsAConfigurationError() {
        assertThatThrownBy(() -> new FileDiscovery(List.of("deploy/[oops"), 100))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("--exclude 'deploy/[oops' is not a valid glob");
    }

    @Test
    void aLinkInsideTheScannedFolderIsLeftAloneSinceItsTargetIsScannedUnderItsOwnName() throws Exception {
        write("app/compose.yaml", COMPOSE);
        Files.createSymbolicLink(dir.resolve("app/again"), dir.resolve("app"));
        Files.createSymbolicLink(dir.resolve("docker-compose.yml"), dir.resolve("app/compose.yaml"));

        Discovery found = discover(dir);

        assertThat(shownPaths(found)).containsExactly(shown("app/compose.yaml"));
        assertThat(found.skipped()).isEmpty();
    }

    @Test
    void withFollowSymlinksALinkLoopIsSkippedNotFollowed() throws Exception {
        write("app/compose.yaml", COMPOSE);
        Files.createSymbolicLink(dir.resolve("app/again"), dir.resolve("app"));

        Discovery found = new FileDiscovery(List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, true).discover(List.of(dir));

        assertThat(shownPaths(found)).containsExactly(shown("app/compose.yaml"));
        assertThat(found.skipped()).containsExactly(new SkippedFile(shown("app/again"), "symbolic link loop"));
    }

    @Test
    void aBrokenSymbolicLinkIsSkipped() throws Exception {
        Files.createSymbolicLink(dir.resolve("Dockerfile"), dir.resolve("gone/Dockerfile"));

        Discovery found = discover(dir);

        assertThat(found.files()).isEmpty();
        assertThat(found.skipped()).containsExactly(new SkippedFile(shown("Dockerfile"), "broken symbolic link"));
    }

    @Test
    void aNamedLinkToAFolderIsWalkedUnderTheNameTheUserGave() throws Exception {
        write("real/pod.yaml", KUBERNETES);
        Files.createSymbolicLink(dir.resolve("real/up"), dir.resolve("real"));
        Path named = Files.createSymbolicLink(dir.resolve("named"), dir.resolve("real"));

        Discovery found = discover(named);

        assertThat(shownPaths(found)).containsExactly(shown("named/pod.yaml"));
        assertThat(found.skipped()).isEmpty();
    }

    @Test
    void aNamedLinkLoopIsAUsageErrorThatSaysSo() throws Exception {
        Files.createSymbolicLink(dir.resolve("a"), dir.resolve("b"));
        Path a = dir.resolve("a");
        Files.createSymbolicLink(dir.resolve("b"), a);

        assertThatThrownBy(() -> discover(a))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(shown("a") + " is a symbolic link loop (" + shown("a") + " → " + dir.resolve("b") + " …): point it at a real file or folder");
    }

    @Test
    void aNamedBrokenLinkIsAUsageErrorThatNamesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("compose.yaml"), dir.resolve("gone.yaml"));

        assertThatThrownBy(() -> discover(link))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(shown("compose.yaml") + " is a symbolic link to " + dir.resolve("gone.yaml") + ", which does not exist");
    }

    @Test
    void aLinkLeavingTheScannedFolderIsReportedAndNotFollowed() throws Exception {
        write("real/pod.yaml", KUBERNETES);
        Path scanned = Files.createDirectory(dir.resolve("scanned"));
        Files.createSymbolicLink(scanned.resolve("linked"), dir.resolve("real"));
        Files.createSymbolicLink(scanned.resolve("root"), Path.of("/"));
        Files.createSymbolicLink(scanned.resolve("notes.txt"), dir.resolve("real/pod.yaml"));

        Discovery found = discover(scanned);

        assertThat(found.files()).isEmpty();
        assertThat(found.skipped()).containsExactly(
                new SkippedFile(shown("scanned/linked"), "symbolic link to " + dir.toRealPath().resolve("real")
                        + ", outside the scanned folder; not followed (--follow-symlinks follows it)"),
                new SkippedFile(shown("scanned/root"), "symbolic link to /, outside the scanned folder; not followed (--follow-symlinks follows it)"));
        assertThat(found.diagnostics()).isEmpty();
    }

    @Test
    void withFollowSymlinksALinkedFolderIsScannedThroughTheLink() throws Exception {
        write("real/pod.yaml", KUBERNETES);
        Path scanned = Files.createDirectory(dir.resolve("scanned"));
        Files.createSymbolicLink(scanned.resolve("linked"), dir.resolve("real"));

        Discovery found = new FileDiscovery(List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, true).discover(List.of(scanned));

        assertThat(shownPaths(found)).containsExactly(shown("scanned/linked/pod.yaml"));
    }

    @Test
    void aBinaryFileIsSkipped() throws Exception {
        Path dockerfile = dir.resolve("Dockerfile");
        Files.write(dockerfile, new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2});

        Discovery found = discover(dir);

        assertThat(found.files()).isEmpty();
        assertThat(found.skipped()).containsExactly(new SkippedFile(shown("Dockerfile"), "binary file"));
        assertThat(found.skippedByKind()).containsExactly(Map.entry(SourceKind.DOCKERFILE, 1));
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedWithTheLimit() throws Exception {
        write("big/compose.yaml", COMPOSE + "# " + "x".repeat(200) + "\n");
        write("small/compose.yaml", COMPOSE);

        Discovery found = new FileDiscovery(List.of(), 100).discover(List.of(dir));

        assertThat(shownPaths(found)).containsExactly(shown("small/compose.yaml"));
        assertThat(found.skipped()).containsExactly(
                new SkippedFile(shown("big/compose.yaml"), "larger than 100 bytes limit (use --max-file-size)", true));
        assertThat(found.skippedByKind()).containsExactly(Map.entry(SourceKind.COMPOSE, 1));
        assertThat(found.diagnostics()).containsExactly(Diagnostic.error(Origin.at(shown("big/compose.yaml"), 1, 1),
                "not checked: it is larger than the 100 bytes limit; raise the limit with --max-file-size or leave it out with --exclude"));
    }

    @Test
    void theDefaultLimitIsWrittenInMebibytes() {
        assertThat(FileDiscovery.tooLarge(ScanRequest.DEFAULT_MAX_FILE_SIZE)).isEqualTo("larger than 10 MiB limit (use --max-file-size)");
        assertThat(FileDiscovery.tooLarge(64 * 1024)).isEqualTo("larger than 64 KiB limit (use --max-file-size)");
    }

    @Test
    void aYamlFileWithASyntaxErrorIsStillFound() throws Exception {
        write("compose.yaml", "services:\n  web:\n    image: [nginx\n  db: {\n");

        assertThat(kinds(discover(dir))).containsExactly(Map.entry(shown("compose.yaml"), SourceKind.COMPOSE));
    }

    @Test
    void anExplicitFileOfUnknownKindIsADiagnostic() throws Exception {
        Path notes = write("notes.txt", "hello\n");
        Path values = write("values.yaml", "replicas: 3\n");

        Discovery found = discover(notes, values);

        assertThat(found.files()).isEmpty();
        assertThat(found.diagnostics()).extracting(Diagnostic::level, Diagnostic::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Diagnostic.Level.ERROR, Origin.at(shown("notes.txt"), 1, 1)),
                        org.assertj.core.groups.Tuple.tuple(Diagnostic.Level.ERROR, Origin.at(shown("values.yaml"), 1, 1)));
        assertThat(found.diagnostics().getFirst().message()).startsWith("cannot tell what kind of file this is");
    }

    @Test
    void aPathThatDoesNotExistIsAConfigurationError() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> discover(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("no such file or folder: " + missing);
    }

    @Test
    void aFileNamedTwiceIsFoundOnce() throws Exception {
        Path compose = write("compose.yaml", COMPOSE);

        assertThat(shownPaths(discover(compose, dir))).containsExactly(shown("compose.yaml"));
    }

    @Test
    void anOverrideBesideItsBaseIsMarkedAndOneWithoutABaseIsNot() throws Exception {
        write("with-base/compose.yaml", COMPOSE);
        write("with-base/compose.override.yaml", COMPOSE);
        write("alone/docker-compose.override.yml", COMPOSE);

        Discovery found = discover(dir);

        assertThat(found.files()).extracting(FoundFile::shownPath, FoundFile::overrideOf).containsExactly(
                org.assertj.core.groups.Tuple.tuple(shown("alone/docker-compose.override.yml"), Optional.empty()),
                org.assertj.core.groups.Tuple.tuple(shown("with-base/compose.override.yaml"), Optional.of(shown("with-base/compose.yaml"))),
                org.assertj.core.groups.Tuple.tuple(shown("with-base/compose.yaml"), Optional.empty()));
    }

    @Test
    void helmChartTemplatesAreSkippedAsAFolder() throws Exception {
        write("chart/Chart.yaml", "apiVersion: v2\nname: web\n");
        write("chart/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
        write("plain/templates/pod.yaml", KUBERNETES);

        Discovery found = discover(dir);

        assertThat(shownPaths(found)).containsExactly(shown("plain/templates/pod.yaml"));
        assertThat(found.skipped()).containsExactly(new SkippedFile(shown("chart/templates"),
                "Helm chart templates: render them with `helm template` and scan the output"));
    }

    @Test
    void pathsAreShownAsTheUserWroteThemWithoutDotSlash() {
        assertThat(FileDiscovery.shown(Path.of(".").resolve("compose.yaml"))).isEqualTo("compose.yaml");
        assertThat(FileDiscovery.shown(Path.of("examples/").resolve("insecure/compose.yaml"))).isEqualTo("examples/insecure/compose.yaml");
        assertThat(FileDiscovery.shown(Path.of("../shared/corpus").resolve("compose/a.yml"))).isEqualTo("../shared/corpus/compose/a.yml");
        assertThat(FileDiscovery.shown(Path.of("."))).isEqualTo(".");
    }

    @Test
    void aRelativeRootKeepsItsSpellingInShownPaths() throws Exception {
        Discovery found = discover(Path.of("src/test/resources/scan/shown/."));

        assertThat(kinds(found)).containsExactly(
                Map.entry("src/test/resources/scan/shown/Dockerfile", SourceKind.DOCKERFILE),
                Map.entry("src/test/resources/scan/shown/sub/compose.yaml", SourceKind.COMPOSE));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private String shown(String relative) {
        return dir.resolve(relative).toString();
    }

    private static Discovery discover(Path... roots) throws ConfigurationException {
        return new FileDiscovery(List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE).discover(List.of(roots));
    }

    private static List<String> shownPaths(Discovery found) {
        return found.files().stream().map(FoundFile::shownPath).toList();
    }

    private static List<Map.Entry<String, SourceKind>> kinds(Discovery found) {
        return found.files().stream().map(file -> Map.entry(file.shownPath(), file.kind())).toList();
    }
}
