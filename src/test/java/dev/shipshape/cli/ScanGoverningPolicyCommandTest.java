package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monorepo whose folders keep their own {@code .shipshape.yaml}: each file is judged by the
 * nearest one, up to the repository's top, whatever the order of the paths.
 */
class ScanGoverningPolicyCommandTest {

    @TempDir
    Path folder;

    private Path repo;

    private static final String PRIVILEGED = """
            services:
              app:
                image: example/app:1.0
                privileged: true
            """;

    @BeforeEach
    void monorepo() throws IOException {
        // outer/.shipshape.yaml sits above the repository: it must never be picked up
        write("outer/.shipshape.yaml", "severity: {privileged-container: info}\nfail-on: high\n");
        repo = Files.createDirectories(folder.resolve("outer/repo"));
        Files.createDirectories(repo.resolve(".git"));
        write("outer/repo/.shipshape.yaml", "fail-on: critical\n");
        write("outer/repo/api/.shipshape.yaml", """
                severity: {privileged-container: low}
                fail-on: low
                """);
        write("outer/repo/api/compose.yaml", PRIVILEGED);
        write("outer/repo/web/compose.yaml", PRIVILEGED);
        write("outer/repo/tools/compose.yaml", """
                services:
                  tool:
                    image: example/tool:1.0
                    # shipshape:ignore privileged-container runs the host's agent
                    privileged: true
                """);
    }

    private void write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String path(String relative) {
        return repo.resolve(relative).toString();
    }

    private static CliRun scan(String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "--rule", "privileged-container"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void eachFolderIsJudgedByItsNearestPolicyAndTheOrderOfPathsChangesNothing() throws IOException {
        CliRun forward = scan("--format", "json", path("api"), path("web"), path("tools"));
        CliRun backward = scan("--format", "json", path("tools"), path("web"), path("api"));

        assertThat(forward.out()).isEqualTo(backward.out());
        assertThat(forward.exitCode()).isEqualTo(backward.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = new ObjectMapper().readTree(forward.out());
        assertThat(report.get("policies")).extracting(JsonNode::asText)
                .containsExactly(path(".shipshape.yaml"), path("api/.shipshape.yaml"));
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            findings.add(finding.at("/location/file").asText() + " " + finding.get("severity").asText());
        }
        // api lowers the severity; web keeps the rule's own; the policy above the repository changes nothing
        assertThat(findings).containsExactly(path("api/compose.yaml") + " low", path("web/compose.yaml") + " critical");
        assertThat(report.get("suppressed")).hasSize(1);
        assertThat(report.get("suppressed").get(0).at("/location/file").asText()).isEqualTo(path("tools/compose.yaml"));
    }

    @Test
    void failOnIsTheThresholdOfThePolicyOfEachFindingsFile() {
        // web's policy (the repository's) fails only on critical, api's on low
        CliRun web = scan(path("web"));
        CliRun api = scan(path("api"));

        assertThat(web.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(api.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(scan("--fail-on", "critical", path("api")).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aFileWithANonFailingSeverityUnderItsPolicyPasses() throws IOException {
        write("outer/repo/api/.shipshape.yaml", """
                severity: {privileged-container: low}
                fail-on: high
                """);

        CliRun api = scan(path("api"));

        assertThat(api.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(api.out()).startsWith("policy: " + path("api/.shipshape.yaml") + "\n\n" + path("api/compose.yaml")
                + ":4:5: low privileged-container service 'app' runs privileged\n");
    }

    @Test
    void theTextHeaderAndSarifNameThePoliciesAndConfigOverridesThemAll() throws IOException {
        CliRun text = scan(repo.toString());
        CliRun sarif = scan("--format", "sarif", repo.toString());
        CliRun configured = scan("--config", folder.resolve("outer/.shipshape.yaml").toString(), repo.toString());

        assertThat(text.out()).startsWith("policies: " + path(".shipshape.yaml") + ", " + path("api/.shipshape.yaml") + "\n\n");
        JsonNode run = new ObjectMapper().readTree(sarif.out()).at("/runs/0");
        assertThat(run.at("/properties/policies")).extracting(JsonNode::asText)
                .containsExactly(path(".shipshape.yaml"), path("api/.shipshape.yaml"));
        // --config names the one policy for everything, even one above the repository
        assertThat(configured.out()).startsWith("policy: " + folder.resolve("outer/.shipshape.yaml") + "\n")
                .contains("2 findings (2 info), 1 suppressed");
        assertThat(configured.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aWaiverHoldsOnlyInTheFolderOfItsPolicyAndCrossFileRulesCountUnderTheFindingsFile() throws IOException {
        write("outer/repo/api/.shipshape.yaml", """
                disable: [host-port-conflict]
                waivers:
                  - rule: privileged-container
                    target: "compose.yaml"
                    reason: the api needs it
                    owner: api-team@example.com
                    expires: 2099-12-31
                """);
        // a DaemonSet in api and a Deployment in web both hold host port 8080: the rule sees both folders,
        // and reports the clash at the later binding (web's), where web's policy governs it
        write("outer/repo/api/agent.k8s.yaml", hostPort("DaemonSet", "agent"));
        write("outer/repo/web/web.k8s.yaml", hostPort("Deployment", "web"));

        CliRun run = CliRun.of("scan", "--rule", "privileged-container,host-port-conflict", "--format", "json",
                path("api"), path("web"));

        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            findings.add(finding.get("rule").asText() + " " + finding.at("/location/file").asText());
        }
        assertThat(findings).containsExactlyInAnyOrder(
                "privileged-container " + path("web/compose.yaml"),
                "host-port-conflict " + path("web/web.k8s.yaml"));
        assertThat(report.get("suppressed")).singleElement().satisfies(entry -> {
            assertThat(entry.at("/location/file").asText()).isEqualTo(path("api/compose.yaml"));
            assertThat(entry.at("/waiver/owner").asText()).isEqualTo("api-team@example.com");
        });
        assertThat(report.get("diagnostics")).isEmpty();
    }

    private static String hostPort(String kind, String name) {
        return """
                apiVersion: apps/v1
                kind: %s
                metadata:
                  name: %s
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: example/app:1.0
                          ports:
                            - containerPort: 8080
                              hostPort: 8080
                """.formatted(kind, name);
    }

    @Test
    void aRuleDisabledInOneFolderStillRunsInTheOthers() throws IOException {
        write("outer/repo/api/.shipshape.yaml", "disable: [privileged-container]\n");

        CliRun run = CliRun.of("scan", "--format", "json", path("api"), path("web"));

        List<String> privileged = new ArrayList<>();
        for (JsonNode finding : new ObjectMapper().readTree(run.out()).get("findings")) {
            if (finding.get("rule").asText().equals("privileged-container")) privileged.add(finding.at("/location/file").asText());
        }
        assertThat(privileged).containsExactly(path("web/compose.yaml"));
    }

    @Test
    void withoutAPolicyFileTheHeaderIsLeftOut() throws IOException {
        Path lone = Files.createDirectories(folder.resolve("lone"));
        Files.createDirectories(lone.resolve(".git"));
        Files.writeString(lone.resolve("compose.yaml"), PRIVILEGED);

        CliRun run = scan(lone.toString());

        assertThat(run.out()).startsWith(lone.resolve("compose.yaml") + ":");
    }
}
