package dev.shipshape.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.report.Report;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.Finding;
import dev.shipshape.scan.ScanOutcome;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers of .shipshape.yaml over real scans, on a fixed day: 2026-11-28. */
class WaiversTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @BeforeEach
    void writeTheEstate() throws IOException {
        Files.createDirectory(dir.resolve(".git"));
        write("compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    privileged: true
                  exporter:
                    image: prom/node-exporter:v1.8.2
                    network_mode: host
                """);
        write("deploy/k8s.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: prod
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: ghcr.io/acme/api:1.4
                          securityContext:
                            privileged: true
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: staging
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: ghcr.io/acme/api:1.4
                          securityContext:
                            privileged: true
                """);
    }

    @Test
    void aComposeServiceTargetHidesThatServicesFindingWithItsOwnerAndDate() throws Exception {
        Report report = scan(waiver("privileged-container", "compose.yaml#services.web", "2027-03-31")).report();

        assertThat(privileged(report.findings())).containsExactly(k8s(13, 13), k8s(27, 13));
        assertThat(report.suppressed()).containsExactly(new SuppressedFinding(
                finding(report, "privileged-container", compose(4, 5)), "needs /dev/kvm", config(2, 5),
                new Report.WaiverInfo("platform-team@example.com", LocalDate.of(2027, 3, 31))));
        assertThat(report.diagnostics()).isEmpty();
    }

    @Test
    void aKubernetesTargetWithANamespaceHidesOnlyThatNamespace() throws Exception {
        Report report = scan(waiver("privileged-container", "Deployment/prod/api", "2027-03-31")).report();

        assertThat(privileged(report.findings())).containsExactly(compose(4, 5), k8s(27, 13));
        assertThat(privileged(hidden(report))).containsExactly(k8s(13, 13));
    }

    @Test
    void aKubernetesTargetWithoutANamespaceHidesTheNameInEveryNamespace() throws Exception {
        Report report = scan(waiver("privileged-container", "Deployment/api", "2027-03-31")).report();

        assertThat(privileged(report.findings())).containsExactly(compose(4, 5));
        assertThat(privileged(hidden(report))).containsExactly(k8s(13, 13), k8s(27, 13));
    }

    @Test
    void anImageTargetHidesTheContainersRunningThatImageWhateverTheirTag() throws Exception {
        Report report = scan(waiver("privileged-container", "image:ghcr.io/acme/api", "2027-03-31")
                + waiver("host-network", "image:prom/node-exporter", "2027-03-31")).report();

        assertThat(privileged(report.findings())).containsExactly(compose(4, 5));
        assertThat(privileged(hidden(report))).containsExactly(k8s(13, 13), k8s(27, 13));
        assertThat(report.findings()).extracting(finding -> finding.rule().name()).doesNotContain("host-network");
        assertThat(report.diagnostics()).isEmpty();
    }

    @Test
    void anImageTargetWithATagHidesOnlyThatTag() throws Exception {
        Report report = scan(waiver("privileged-container", "image:ghcr.io/acme/api:1.5", "2027-03-31")
                + waiver("privileged-container", "image:nginx", "2027-03-31")).report();

        assertThat(privileged(report.findings())).containsExactly(k8s(13, 13), k8s(27, 13));
        assertThat(privileged(hidden(report))).containsExactly(compose(4, 5));
        assertThat(report.diagnostics()).containsExactly(Diagnostic.warning(config(2, 5),
                "waiver of 'privileged-container' for 'image:ghcr.io/acme/api:1.5' matches no finding; "
                        + "remove it if the problem is fixed, or correct its target"));
    }

    @Test
    void aFileGlobHidesEveryFindingInTheFilesItMatches() throws Exception {
        Report deploy = scan(waiver("privileged-container", "deploy/**", "2027-03-31")).report();
        assertThat(privileged(deploy.findings())).containsExactly(compose(4, 5));

        // `*` stays within a folder: deploy/k8s.yaml is not matched
        Report top = scan(waiver("privileged-container", "*.yaml", "2027-03-31")).report();
        assertThat(privileged(top.findings())).containsExactly(k8s(13, 13), k8s(27, 13));
    }

    @Test
    void aRuleMayBeNamedByItsIdAndAWaiverOfAnotherRuleHidesNothing() throws Exception {
        Report report = scan(waiver("SS-101", "compose.yaml", "2027-03-31")
                + waiver("host-network", "compose.yaml#services.web", "2027-03-31")).report();

        assertThat(privileged(report.findings())).containsExactly(k8s(13, 13), k8s(27, 13));
        assertThat(report.findings()).extracting(finding -> finding.rule().name(), Finding::origin)
                .contains(tuple("host-network", compose(7, 5)));
        assertThat(report.diagnostics()).extracting(Diagnostic::origin).containsExactly(config(7, 5));
    }

    @Test
    void anExpiredWaiverHidesNothingAndTheFindingSaysWhichWaiverExpiredWhen() throws Exception {
        ScanOutcome outcome = scan(waiver("privileged-container", "compose.yaml#services.web", "2026-11-27"));

        assertThat(outcome.report().suppressed()).isEmpty();
        assertThat(outcome.report().findings()).filteredOn(finding -> finding.origin().equals(compose(4, 5)))
                .extracting(Finding::message)
                .containsExactly("service 'web' runs privileged (the waiver at " + config(2, 5).source()
                        + ":2 by platform-team@example.com expired on 2026-11-27)");
        assertThat(outcome.report().diagnostics()).isEmpty();
        assertThat(outcome.waivers()).extracting(Waivers.Use::status, Waivers.Use::matched)
                .containsExactly(tuple(Waiver.Status.EXPIRED, 1));
    }

    @Test
    void aWaiverHoldsOnItsLastDayAndIsWarnedAbout() throws Exception {
        ScanOutcome outcome = scan(waiver("privileged-container", "compose.yaml#services.web", "2026-11-28"));

        assertThat(privileged(hidden(outcome.report()))).containsExactly(compose(4, 5));
        assertThat(outcome.report().diagnostics()).containsExactly(Diagnostic.warning(config(2, 5),
                "waiver of 'privileged-container' for 'compose.yaml#services.web' (owner platform-team@example.com) "
                        + "expires on 2026-11-28 (today); renew it or fix the finding"));
        assertThat(outcome.waivers()).extracting(Waivers.Use::status).containsExactly(Waiver.Status.EXPIRING);
    }

    @Test
    void aWaiverEndingWithin14DaysIsWarnedAboutAndOneEndingLaterIsNot() throws Exception {
        ScanOutcome outcome = scan(waiver("privileged-container", "compose.yaml#services.web", "2026-12-12")
                + waiver("privileged-container", "Deployment/api", "2026-12-13"));

        assertThat(outcome.report().diagnostics()).containsExactly(Diagnostic.warning(config(2, 5),
                "waiver of 'privileged-container' for 'compose.yaml#services.web' (owner platform-team@example.com) "
                        + "expires on 2026-12-12 (in 14 days); renew it or fix the finding"));
        assertThat(outcome.waivers()).extracting(Waivers.Use::status, Waivers.Use::matched)
                .containsExactly(tuple(Waiver.Status.EXPIRING, 1), tuple(Waiver.Status.ACTIVE, 2));
    }

    @Test
    void aWaiverThatMatchesNothingIsReportedAtItsLine() throws Exception {
        ScanOutcome outcome = scan(waiver("privileged-container", "compose.yaml#services.web", "2027-03-31")
                + waiver("privileged-container", "compose.yaml#services.gone", "2027-03-31")
                + waiver("host-network", "legacy/**", "2026-01-31"));

        assertThat(outcome.report().diagnostics()).containsExactly(
                Diagnostic.warning(config(7, 5), "waiver of 'privileged-container' for 'compose.yaml#services.gone' matches no finding; "
                        + "remove it if the problem is fixed, or correct its target"),
                Diagnostic.warning(config(12, 5), "waiver of 'host-network' for 'legacy/**' expired on 2026-01-31 and matches no finding; remove it"));
        assertThat(outcome.waivers()).extracting(Waivers.Use::status)
                .containsExactly(Waiver.Status.ACTIVE, Waiver.Status.UNUSED, Waiver.Status.EXPIRED);
    }

    @Test
    void aWaiverOfARuleThatDidNotRunIsNotCalledUnused() throws Exception {
        ScanOutcome outcome = scan(waiver("host-network", "compose.yaml#services.gone", "2027-03-31"), "privileged-container");

        assertThat(outcome.report().diagnostics()).isEmpty();
        assertThat(outcome.waivers()).extracting(Waivers.Use::status).containsExactly(Waiver.Status.ACTIVE);
    }

    @Test
    void targetsAreRelativeToTheConfigurationFileWhereverTheScanStarts() throws Exception {
        Files.writeString(dir.resolve(".shipshape.yaml"), "waivers:\n" + waiver("privileged-container", "deploy/k8s.yaml", "2027-03-31"));

        Report report = new Scanner(TODAY).scan(new ScanRequest(List.of(dir.resolve("deploy")), List.of(),
                ScanRequest.DEFAULT_MAX_FILE_SIZE, Optional.empty(), Set.of("privileged-container"), Set.of(), Map.of())).report();

        assertThat(report.findings()).isEmpty();
        assertThat(privileged(hidden(report))).containsExactly(k8s(13, 13), k8s(27, 13));
    }

    private ScanOutcome scan(String waivers, String... rules) throws Exception {
        Files.writeString(dir.resolve(".shipshape.yaml"), "waivers:\n" + waivers);
        Set<String> only = rules.length == 0 ? Set.of("privileged-container", "host-network") : Set.of(rules);
        return new Scanner(TODAY).scan(new ScanRequest(List.of(dir), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                Optional.empty(), only, Set.of(), Map.of()));
    }

    /** One waiver of five lines; the first waiver's first key is at 2:5, the second's at 7:5, the third's at 12:5. */
    private static String waiver(String rule, String target, String expires) {
        return """
                  - rule: %s
                    target: "%s"
                    reason: needs /dev/kvm
                    owner: platform-team@example.com
                    expires: %s
                """.formatted(rule, target, expires);
    }

    private static List<Origin> privileged(List<Finding> findings) {
        return findings.stream().filter(finding -> finding.rule().name().equals("privileged-container")).map(Finding::origin).toList();
    }

    private static List<Finding> hidden(Report report) {
        return report.suppressed().stream().map(SuppressedFinding::finding).toList();
    }

    private static Finding finding(Report report, String rule, Origin origin) {
        return hidden(report).stream().filter(f -> f.rule().name().equals(rule) && f.origin().equals(origin)).findFirst().orElseThrow();
    }

    private Origin compose(int line, int column) {
        return Origin.at(dir.resolve("compose.yaml").toString(), line, column);
    }

    private Origin k8s(int line, int column) {
        return Origin.at(dir.resolve("deploy/k8s.yaml").toString(), line, column);
    }

    private Origin config(int line, int column) {
        return Origin.at(dir.resolve(".shipshape.yaml").toString(), line, column);
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
