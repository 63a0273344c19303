package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.report.Report;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole scans over small trees, with the real loaders and rules. */
class ScannerTest {

    private static final String PRIVILEGED_WEB = """
            services:
              web:
                image: nginx:1.27
                privileged: true
            """;

    @TempDir
    Path dir;

    /** Keeps the upward search for .shipshape.yaml inside the test's folder. */
    @BeforeEach
    void markTheTopOfTheRepository() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
    }

    @Test
    void showsPathsAsTheUserWroteThem() throws Exception {
        write("examples/insecure/compose.yaml", PRIVILEGED_WEB);
        Path examples = Path.of("").toAbsolutePath().relativize(dir.resolve("examples"));

        Report report = scan(request(List.of(Path.of(examples + "/")), Set.of("privileged-container"))).report();

        assertThat(report.findings()).extracting(Finding::origin, Finding::message).containsExactly(
                tuple(Origin.at(examples + "/insecure/compose.yaml", 4, 5), "service 'web' runs privileged"));
    }

    @Test
    void suppressionCommentsHideFindingsAndKeepTheReason() throws Exception {
        write("compose.yaml", """
                services:
                  # shipshape:ignore runs-as-root the image drops to uid 101 in its entrypoint
                  web:
                    image: nginx:1.27
                    privileged: true  # shipshape:ignore privileged-container needs /dev/kvm
                  db:
                    image: postgres:17
                """);

        Report report = scan(request(List.of(dir), Set.of("runs-as-root", "privileged-container"))).report();

        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::origin)
                .containsExactly(tuple("runs-as-root", at("compose.yaml", 6, 3)));
        assertThat(report.suppressed()).extracting(hidden -> hidden.finding().rule().name(), hidden -> hidden.finding().origin(),
                        Report.SuppressedFinding::reason, Report.SuppressedFinding::suppressedAt)
                .containsExactly(
                        tuple("runs-as-root", at("compose.yaml", 3, 3), "the image drops to uid 101 in its entrypoint", at("compose.yaml", 2, 3)),
                        tuple("privileged-container", at("compose.yaml", 5, 5), "needs /dev/kvm", at("compose.yaml", 5, 23)));
        assertThat(report.diagnostics()).isEmpty();
    }

    @Test
    void aSuppressionOfAnUnknownRuleIsAWarningInTheReport() throws Exception {
        write("Dockerfile", "# shipshape:ignore runs-as-rot typo in the name\nFROM alpine:3.20\nUSER 10001\n");

        Report report = scan(request(List.of(dir), Set.of())).report();

        assertThat(report.diagnostics()).containsExactly(Diagnostic.warning(at("Dockerfile", 1, 1),
                "suppression names unknown rule 'runs-as-rot'; run `shipshape rules` to list them"));
    }

    @Test
    void thePolicyFileSetsSeveritiesAndTheFailingThreshold() throws Exception {
        write(".shipshape.yaml", "fail-on: medium\nseverity:\n  privileged-container: low\n");
        write("app/compose.yaml", PRIVILEGED_WEB);

        ScanOutcome outcome = scan(request(List.of(dir.resolve("app")), Set.of("privileged-container")));

        assertThat(outcome.configuredFailOn()).contains(Severity.MEDIUM);
        assertThat(outcome.report().findings()).extracting(Finding::severity).containsExactly(Severity.LOW);
    }

    @Test
    void aRuleThePolicyDisablesDoesNotRun() throws Exception {
        write(".shipshape.yaml", "disable: [privileged-container]\n");
        write("compose.yaml", PRIVILEGED_WEB);

        Report report = scan(request(List.of(dir), Set.of())).report();

        assertThat(report.rules()).extracting(RuleInfo::name).doesNotContain("privileged-container").isNotEmpty();
        assertThat(report.findings()).extracting(finding -> finding.rule().name()).doesNotContain("privileged-container");
        assertThat(report.coverage().rulesRun()).isEqualTo(BuiltInRules.all().size() - 1);
    }

    @Test
    void anExplicitConfigFileIsUsedAndItsMistakesStopTheScan() throws Exception {
        Path config = write("policy/strict.yaml", "fail-on: high\nfail_on: low\n");
        write("compose.yaml", PRIVILEGED_WEB);
        ScanRequest request = new ScanRequest(List.of(dir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.of(config),
                Set.of(), Set.of(), Map.of());

        assertThatThrownBy(() -> scan(request))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(config + ":2:1: unknown key 'fail_on'; valid keys: fail-on,");
    }

    @Test
    void aMissingConfigFileIsAConfigurationError() {
        Path config = dir.resolve("nope.yaml");
        ScanRequest request = new ScanRequest(List.of(dir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.of(config),
                Set.of(), Set.of(), Map.of());

        assertThatThrownBy(() -> scan(request)).hasMessage("configuration file not found: " + config);
    }

    @Test
    void anUnknownRuleOnTheCommandLineIsAConfigurationError() {
        assertThatThrownBy(() -> scan(request(List.of(dir), Set.of("no-such-rule"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown rule 'no-such-rule'; run `shipshape rules` to list them");
    }

    @Test
    void coverageCountsWhatWasFoundAndWhatLoaded() throws Exception {
        write("good/compose.yaml", PRIVILEGED_WEB);
        write("broken/compose.yaml", "services:\n  web:\n    image: [nginx\n");
        write("app/Dockerfile", "FROM alpine:3.20\nUSER 10001\n");
        write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n");
        write("etc/daemon.json", "{\n  \"icc\": false\n}\n");
        Files.write(dir.resolve("bin.Dockerfile"), new byte[] {0, 1, 2, 3});

        Report report = scan(request(List.of(dir), Set.of())).report();

        Coverage coverage = report.coverage();
        assertThat(coverage.found()).isEqualTo(Map.of(
                SourceKind.COMPOSE, 2, SourceKind.DOCKERFILE, 2, SourceKind.KUBERNETES, 1, SourceKind.DAEMON_JSON, 1));
        assertThat(coverage.loaded()).isEqualTo(Map.of(
                SourceKind.COMPOSE, 1, SourceKind.DOCKERFILE, 1, SourceKind.KUBERNETES, 1, SourceKind.DAEMON_JSON, 1));
        assertThat(coverage.skipped()).containsExactly(new SkippedFile(dir.resolve("bin.Dockerfile").toString(), "binary file"));
        assertThat(coverage.rulesRun()).isEqualTo(BuiltInRules.all().size());
        assertThat(report.diagnostics()).filteredOn(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR)
                .extracting(diagnostic -> diagnostic.origin().source())
                .containsOnly(dir.resolve("broken/compose.yaml").toString());
    }

    @Test
    void anOverrideFileIsLoadedThroughItsBase() throws Exception {
        write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
        write("compose.override.yaml", "services:\n  web:\n    privileged: true\n");

        Report report = scan(request(List.of(dir), Set.of("privileged-container"))).report();

        assertThat(report.coverage().found()).isEqualTo(Map.of(SourceKind.COMPOSE, 2));
        assertThat(report.coverage().loaded()).isEqualTo(Map.of(SourceKind.COMPOSE, 2));
        assertThat(report.findings()).extracting(Finding::origin).containsExactly(at("compose.override.yaml", 3, 5));
    }

    @Test
    void aNamedOverrideBesideItsBaseIsJudgedOnceMergedIntoIt() throws Exception {
        write("app.yml", "services:\n  web:\n    image: nginx:1.27\n    restart: always\n");
        write("app.override.yml", "services:\n  web:\n    privileged: true\n");

        Report report = scan(request(List.of(dir), Set.of("privileged-container", "runs-as-root", "missing-restart-policy"))).report();

        assertThat(report.coverage().found()).isEqualTo(Map.of(SourceKind.COMPOSE, 2));
        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("privileged-container", at("app.override.yml", 3, 5)),
                org.assertj.core.groups.Tuple.tuple("runs-as-root", at("app.yml", 2, 3)));
    }

    @Test
    void aNamedOverrideScannedWithoutItsBaseIsJudgedAloneWithTheBasesRestart() throws Exception {
        write("app.yml", "services:\n  web:\n    image: nginx:1.27\n    restart: always\n");
        write("app.override.yml", "services:\n  web:\n    privileged: true\n");

        Report report = scan(request(List.of(dir.resolve("app.override.yml")), Set.of("privileged-container", "runs-as-root", "missing-restart-policy")))
                .report();

        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple("runs-as-root", at("app.override.yml", 2, 3)),
                org.assertj.core.groups.Tuple.tuple("privileged-container", at("app.override.yml", 3, 5)));
    }

    @Test
    void aSuppressionInAnOverrideFileCoversTheFindingsThatPointThere() throws Exception {
        write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
        write("compose.override.yaml", "services:\n  web:\n    # shipshape:ignore privileged-container local debugging only\n    privileged: true\n");

        Report report = scan(request(List.of(dir), Set.of("privileged-container"))).report();

        assertThat(report.findings()).isEmpty();
        assertThat(report.suppressed()).extracting(Report.SuppressedFinding::reason).containsExactly("local debugging only");
    }

    @Test
    void anEmptyFolderGivesAnEmptyReport() throws Exception {
        Report report = scan(request(List.of(dir), Set.of())).report();

        assertThat(report.findings()).isEmpty();
        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.coverage().filesFound()).isZero();
    }

    @Test
    void theSameTreeGivesTheSameReport() throws Exception {
        for (int index = 0; index < 12; index++) {
            write("app" + index + "/compose.yaml", PRIVILEGED_WEB);
            write("app" + index + "/Dockerfile", "FROM alpine:3.20\n");
        }

        assertThat(scan(request(List.of(dir), Set.of())).report()).isEqualTo(scan(request(List.of(dir), Set.of())).report());
    }

    private String at(String relative) {
        return dir.resolve(relative).toString();
    }

    private Origin at(String relative, int line, int column) {
        return Origin.at(at(relative), line, column);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static ScanOutcome scan(ScanRequest request) throws ConfigurationException {
        return new Scanner().scan(request);
    }

    private static ScanRequest request(List<Path> paths, Set<String> onlyRules) {
        return new ScanRequest(paths, List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.empty(), onlyRules, Set.of(), Map.of());
    }
}
