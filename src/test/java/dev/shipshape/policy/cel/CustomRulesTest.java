package dev.shipshape.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
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

/** Custom rules in CEL over real scans of Compose, Kubernetes, Dockerfile and daemon.json inputs. */
class CustomRulesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeTheEstate() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
        write("compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    labels:
                      team: storefront
                  worker:
                    image: ghcr.io/acme/worker:2.0
                    user: "1000"
                    networks: [back]
                networks:
                  back:
                    driver: overlay
                """);
        write("k8s.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: prod
                spec:
                  replicas: 1
                  template:
                    spec:
                      initContainers:
                        - name: migrate
                          image: ghcr.io/acme/api:1.4
                      containers:
                        - name: app
                          image: ghcr.io/acme/api:1.4
                          readinessProbe:
                            httpGet: {path: /ready, port: 8080}
                        - name: sidecar
                          image: envoyproxy/envoy:v1.31
                """);
        write("build/Dockerfile", """
                FROM golang:1.23 AS build
                RUN go build -o /app .
                FROM gcr.io/distroless/static:nonroot
                COPY --from=build /app /app
                USER 65532
                """);
        write("daemon.json", """
                {
                  "icc": true,
                  "live-restore": true
                }
                """);
    }

    @Test
    void aWorkloadRuleFlagsEachWorkloadWhereItsConditionIsFalse() throws Exception {
        List<Finding> findings = scan(rule("team-label-required", "workload", "'team' in workload.labels",
                "{{workload.description}} has no team label"));

        assertThat(findings).extracting(Finding::origin, Finding::message).containsExactly(
                tuple(compose(6, 3), "service 'worker' has no team label"),
                tuple(k8s(2, 1), "Deployment 'api' has no team label"));
        assertThat(findings.getFirst().rule().id()).isEqualTo("CUSTOM-team-label-required");
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aContainerRuleSeesTheContainerAndItsWorkloadAndPointsAtTheContainer() throws Exception {
        List<Finding> findings = scan(rule("images-from-acme", "container",
                "has(container.imageRef) && container.imageRef.familiarName.startsWith('ghcr.io/acme/')",
                "{{container.description}} of {{workload.kind}} runs {{container.image}}, not an image of ghcr.io/acme"));

        assertThat(findings).extracting(Finding::origin, Finding::message).containsExactly(
                tuple(compose(2, 3), "service 'web' of service runs nginx:1.27, not an image of ghcr.io/acme"),
                tuple(k8s(18, 11), "container 'sidecar' in Deployment 'api' of Deployment runs envoyproxy/envoy:v1.31, not an image of ghcr.io/acme"));
    }

    @Test
    void optionalFieldsAreTestedWithHasOrReadWithADefault() throws Exception {
        List<Finding> findings = scan(
                rule("readiness-probe", "container", "container.init || container.probes.exists(p, p.kind == 'readiness')",
                        "{{container.description}} has no readiness probe"),
                rule("two-replicas", "workload", "workload.?replicas.orValue(1) >= 2",
                        "{{workload.description}} runs {{workload.?replicas.orValue(1)}} replica(s), user {{workload.containers[0].?user.orValue('unset')}}"));

        assertThat(findings).extracting(finding -> finding.rule().name(), Finding::origin, Finding::message).containsExactly(
                tuple("readiness-probe", compose(2, 3), "service 'web' has no readiness probe"),
                tuple("two-replicas", compose(2, 3), "service 'web' runs 1 replica(s), user unset"),
                tuple("readiness-probe", compose(6, 3), "service 'worker' has no readiness probe"),
                tuple("two-replicas", compose(6, 3), "service 'worker' runs 1 replica(s), user 1000"),
                tuple("two-replicas", k8s(2, 1), "Deployment 'api' runs 1 replica(s), user unset"),
                tuple("readiness-probe", k8s(18, 11), "container 'sidecar' in Deployment 'api' has no readiness probe"));
    }

    @Test
    void anImageRuleChecksADockerfileAndPointsAtItsLastFrom() throws Exception {
        List<Finding> findings = scan(
                rule("source-label", "image", "'org.opencontainers.image.source' in image.labels",
                        "{{image.file}} ({{image.baseImage}}, {{image.stages.size()}} stages) has no source label"),
                rule("numeric-user", "image", "image.?user.orValue('root').matches('^[0-9]+$')", "the user is not numeric"));

        assertThat(findings).extracting(finding -> finding.rule().name(), Finding::origin, Finding::message).containsExactly(
                tuple("source-label", dockerfile(3, 1), dockerfile(3, 1).source() + " (gcr.io/distroless/static:nonroot, 2 stages) has no source label"));
    }

    @Test
    void networkAndDaemonRulesCheckThoseObjects() throws Exception {
        List<Finding> findings = scan(
                rule("encrypted-overlay", "network", "network.?driver.orValue('bridge') != 'overlay' || 'encrypted' in network.driverOptions",
                        "network '{{network.name}}' is an unencrypted overlay"),
                rule("icc-off", "daemon", "!daemon.?icc.orValue(true)", "icc is {{daemon.?icc.orValue(true)}}"));

        assertThat(findings).extracting(finding -> finding.rule().name(), Finding::origin, Finding::message).containsExactly(
                tuple("encrypted-overlay", compose(11, 3), "network 'back' is an unencrypted overlay"),
                tuple("icc-off", Origin.at(dir.resolve("daemon.json").toString(), 1, 1), "icc is true"));
    }

    @Test
    void aConditionThatCannotBeEvaluatedIsAWarningOncePerErrorNotAFinding() throws Exception {
        Report report = scanReport(rule("replicas", "workload", "workload.replicas >= 2", "{{workload.description}} runs few replicas"));

        assertThat(report.findings()).extracting(Finding::origin).containsExactly(k8s(2, 1));
        assertThat(report.diagnostics()).containsExactly(Diagnostic.warning(compose(2, 3),
                "custom rule 'replicas' could not be evaluated for service 'web': key 'replicas' is not present in map "
                        + "(test an optional field with has() or give it a default with .?field.orValue(...)) (and 1 more)"));
    }

    @Test
    void customFindingsAreSuppressedAndWaivedLikeBuiltInOnes() throws Exception {
        write("compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                  # shipshape:ignore team-label-required owned by the platform team, labelled at deploy time
                  worker:
                    image: ghcr.io/acme/worker:2.0
                """);
        Files.writeString(dir.resolve(".shipshape.yaml"), "rules:\n" + rule("team-label-required", "workload", "'team' in workload.labels",
                "{{workload.description}} has no team label") + """
                waivers:
                  - rule: CUSTOM-team-label-required
                    target: Deployment/prod/api
                    reason: migrating to the new labels
                    owner: platform-team@example.com
                    expires: 2099-01-31
                """);

        Report report = new Scanner().scan(request(Set.of("team-label-required"))).report();

        assertThat(report.findings()).extracting(Finding::origin).containsExactly(compose(2, 3));
        assertThat(report.suppressed()).extracting(entry -> entry.finding().origin(), Report.SuppressedFinding::reason).containsExactly(
                tuple(compose(5, 3), "owned by the platform team, labelled at deploy time"),
                tuple(k8s(2, 1), "migrating to the new labels"));
    }

    @Test
    void aCustomRuleHasRuleInfoLikeABuiltInOne() throws Exception {
        Policy policy = PolicyFile.parse(".shipshape.yaml", "rules:\n" + """
                  - name: team-label-required
                    pillar: Orchestration
                    severity: HIGH
                    title: Every workload names its owning team.
                    match: workload
                    expression: "'team' in workload.labels"
                    message: "{{workload.description}} has no team label"
                    remediation: add a label team=<name>
                    rationale: On-call needs to know whom to page.
                """);

        RuleInfo info = policy.customRules().getFirst().info();
        assertThat(info).isEqualTo(RuleInfo.builder("CUSTOM-team-label-required", "team-label-required")
                .pillar(Pillar.ORCHESTRATION)
                .severity(Severity.HIGH)
                .title("Every workload names its owning team")
                .rationale("On-call needs to know whom to page.")
                .remediation("add a label team=<name>.")
                .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
                .build());
    }

    @Test
    void rulesInFilesBesideTheConfigurationAreLoadedToo() throws Exception {
        Files.writeString(dir.resolve(".shipshape.yaml"), "fail-on: high\n");
        write(".shipshape/rules/labels.yaml", rule("team-label-required", "workload", "'team' in workload.labels", "{{workload.name}}"));
        write(".shipshape/rules/one.yml", """
                name: two-replicas
                pillar: orchestration
                severity: low
                title: Runs two replicas
                match: workload
                expression: "workload.?replicas.orValue(1) >= 2"
                message: "{{workload.name}}"
                remediation: Set replicas to 2.
                """);
        write(".shipshape/rules/notes.txt", "not a rule file");

        Report report = new Scanner().scan(request(Set.of("team-label-required", "two-replicas"))).report();

        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::message).containsExactly(
                tuple("two-replicas", "web"), tuple("team-label-required", "worker"), tuple("two-replicas", "worker"),
                tuple("team-label-required", "api"), tuple("two-replicas", "api"));
        assertThat(report.rules()).extracting(RuleInfo::id).containsExactly("CUSTOM-team-label-required", "CUSTOM-two-replicas");
    }

    @Test
    void builtInIdsStaySsNnnAndCustomOnesAreCustomName() {
        assertThat(dev.shipshape.rules.BuiltInRules.all()).allSatisfy(rule -> assertThat(rule.info().id()).matches("SS-\\d{3}"));
        for (String bad : List.of("SS-1", "CUSTOM-", "CUSTOM-Team", "custom-team", "X-101")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleInfo.builder(bad, "team").pillar(Pillar.SECURITY)
                            .severity(Severity.LOW).title("t").rationale("r").remediation("r.").appliesTo(SourceKind.COMPOSE).build())
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rule id must match");
        }
    }

    private List<Finding> scan(String... rules) throws Exception {
        return scanReport(rules).findings();
    }

    private Report scanReport(String... rules) throws Exception {
        Files.writeString(dir.resolve(".shipshape.yaml"), "rules:\n" + String.join("", rules));
        Set<String> names = new java.util.LinkedHashSet<>();
        for (String rule : rules) names.add(rule.lines().findFirst().orElseThrow().replace("  - name: ", "").strip());
        Report report = new Scanner().scan(request(names)).report();
        return report;
    }

    private ScanRequest request(Set<String> rules) {
        return new ScanRequest(List.of(dir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.empty(), rules, Set.of(), Map.of());
    }

    static String rule(String name, String match, String expression, String message) {
        return """
                  - name: %s
                    pillar: orchestration
                    severity: medium
                    title: A rule of the team
                    match: %s
                    expression: "%s"
                    message: "%s"
                    remediation: Fix it.
                """.formatted(name, match, expression, message);
    }

    private Origin compose(int line, int column) {
        return Origin.at(dir.resolve("compose.yaml").toString(), line, column);
    }

    private Origin k8s(int line, int column) {
        return Origin.at(dir.resolve("k8s.yaml").toString(), line, column);
    }

    private Origin dockerfile(int line, int column) {
        return Origin.at(dir.resolve("build/Dockerfile").toString(), line, column);
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
