package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.Reference.PodSecurityLevel;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.scan.Coverage;
import dev.shipshape.scan.SkippedFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built reports for the reporter golden files: independent of the real rules and of the
 * scanner, so that a golden file changes only when a reporter does.
 */
final class SampleReports {

    static final String TOOL_VERSION = "1.2.3-test";

    static final RuleInfo PRIVILEGED = RuleInfo.builder("SS-101", "privileged-container")
            .pillar(Pillar.SECURITY)
            .severity(Severity.CRITICAL)
            .title("Container runs privileged")
            .rationale("A privileged container gets every capability and every host device; breaking out takes one command.")
            .remediation("Remove `privileged: true` (Compose) or `securityContext.privileged: true` (Kubernetes).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.KUBERNETES)
            .references(Reference.cisDocker("5.5"), Reference.podSecurity(PodSecurityLevel.BASELINE))
            .build();

    static final RuleInfo HOST_NETWORK = RuleInfo.builder("SS-402", "host-network")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.HIGH)
            .title("Workload uses the host's network namespace")
            .rationale("A container on the host network can bind any host port and reach the host's localhost.")
            .remediation("Remove `network_mode: host` (Compose) or `hostNetwork: true` (Kubernetes).")
            .appliesTo(SourceKind.COMPOSE, SourceKind.KUBERNETES)
            .references(Reference.cisDocker("5.10"))
            .build();

    static final RuleInfo MISSING_HEALTHCHECK = RuleInfo.builder("SS-303", "missing-healthcheck")
            .aliases("no-healthcheck")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Image has no health check")
            .rationale("Without a health check the orchestrator restarts nothing and routes traffic to a hung process.")
            .remediation("Add a `HEALTHCHECK` instruction to the Dockerfile.")
            .appliesTo(SourceKind.DOCKERFILE)
            .references(Reference.url("Dockerfile HEALTHCHECK", "https://docs.docker.com/reference/dockerfile/#healthcheck"))
            .build();

    static final RuleInfo DEFAULT_BRIDGE = RuleInfo.builder("SS-406", "default-bridge-network")
            .pillar(Pillar.NETWORKING)
            .severity(Severity.LOW)
            .title("Container uses Docker's default bridge network")
            .rationale("Containers on the default bridge reach each other without names or isolation.")
            .remediation("Attach the container to a user-defined network.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.LIVE_DOCKER)
            .build();

    static final RuleInfo SERVICE_LABELS = RuleInfo.builder("SS-501", "missing-service-labels")
            .pillar(Pillar.DISCOVERY)
            .severity(Severity.INFO)
            .title("Service has no discovery labels")
            .rationale("Tools that find services by label cannot find this one.")
            .remediation("Add the labels your service discovery reads.")
            .appliesTo(SourceKind.COMPOSE)
            .build();

    static final RuleInfo TEAM_LABEL = RuleInfo.builder("CUSTOM-team-label-required", "team-label-required")
            .pillar(Pillar.ORCHESTRATION)
            .severity(Severity.MEDIUM)
            .title("Every workload names its owning team")
            .rationale("A rule of this project, defined at .shipshape.yaml:9.")
            .remediation("Add a label team=<name>.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.KUBERNETES, SourceKind.LIVE_DOCKER)
            .build();

    private SampleReports() {
    }

    /** The policy at work: a custom rule's finding, a waived finding, and a comparison with a baseline. */
    static Report policy() {
        List<Finding> newFindings = List.of(
                Finding.of(PRIVILEGED, Origin.at("compose.yaml", 15, 5), "service 'db' runs privileged"),
                Finding.of(TEAM_LABEL, Origin.at("compose.yaml", 12, 3), "service 'db' has no team label"));
        List<Report.SuppressedFinding> waived = List.of(new Report.SuppressedFinding(
                Finding.of(HOST_NETWORK, Origin.at("compose.yaml", 9, 5), "service 'exporter' uses the host network"),
                "needs host metrics; isolated node pool", Origin.at(".shipshape.yaml", 2, 5),
                new Report.WaiverInfo("platform-team@example.com", java.time.LocalDate.of(2027, 3, 31))));
        List<Diagnostic> diagnostics = List.of(Diagnostic.warning(Origin.at(".shipshape.yaml", 7, 5),
                "waiver of 'privileged-container' for 'compose.yaml#services.gone' matches no finding; "
                        + "remove it if the problem is fixed, or correct its target"));
        Report.BaselineComparison baseline = new Report.BaselineComparison(".shipshape-baseline.json",
                List.of(Finding.of(PRIVILEGED, Origin.at("compose.yaml", 8, 5), "service 'web' runs privileged")),
                List.of(new Report.FixedFinding("5d41402abc4b2a76b9719d911017c592", "SS-402", "host-network", "deploy/k8s.yaml",
                        "DaemonSet/ops/node-agent", "DaemonSet 'node-agent' uses the host network")));
        Coverage coverage = new Coverage(Map.of(SourceKind.COMPOSE, 1), Map.of(SourceKind.COMPOSE, 1), List.of(), 3);
        return new Report(newFindings, waived, diagnostics, coverage, List.of(PRIVILEGED, HOST_NETWORK, TEAM_LABEL), Optional.of(baseline));
    }

    /** One of everything: each severity, a live origin, a path that needs percent-encoding, suppressions, diagnostics, skips. */
    static Report full() {
        List<Finding> findings = List.of(
                Finding.of(PRIVILEGED, Origin.at("compose.yaml", 6, 5), "service 'web' runs privileged"),
                Finding.of(HOST_NETWORK, Origin.at("compose.yaml", 12, 5), "service 'exporter' uses the host network"),
                Finding.of(MISSING_HEALTHCHECK, Origin.at("compose.yaml", 20, 3), "service 'worker' has no health check")
                        .withSeverity(Severity.LOW),
                Finding.of(HOST_NETWORK, Origin.at("deploy/my app/k8s.yaml", 14, 7), "DaemonSet 'node-agent' uses the host network"),
                Finding.of(MISSING_HEALTHCHECK, Origin.at("deploy/über/Dockerfile", 1, 1), "the image built by deploy/über/Dockerfile has no HEALTHCHECK"),
                Finding.of(DEFAULT_BRIDGE, Origin.live("container web (3f2a9c)"), "container web is on the default bridge network"));
        List<Report.SuppressedFinding> suppressed = List.of(
                new Report.SuppressedFinding(
                        Finding.of(HOST_NETWORK, Origin.at("compose.yaml", 30, 5), "service 'node-exporter' uses the host network"),
                        "needs the host's network counters",
                        Origin.at("compose.yaml", 29, 5)),
                new Report.SuppressedFinding(
                        Finding.of(DEFAULT_BRIDGE, Origin.at("compose.yaml", 40, 3), "service 'legacy' is on the default bridge network"),
                        null,
                        Origin.at(".shipshape.yaml", 4, 3)));
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.error(Origin.at("broken.yaml", 3, 10), "mapping values are not allowed here"),
                Diagnostic.warning(Origin.at("compose.yaml", 2, 1), "variable TAG is not set; it is read as an empty string"));
        Coverage coverage = new Coverage(
                Map.of(SourceKind.COMPOSE, 2, SourceKind.KUBERNETES, 1, SourceKind.DOCKERFILE, 1, SourceKind.DAEMON_JSON, 1),
                Map.of(SourceKind.COMPOSE, 1, SourceKind.KUBERNETES, 1, SourceKind.DOCKERFILE, 1, SourceKind.DAEMON_JSON, 1),
                List.of(new SkippedFile("assets/logo.bin", "binary file"), new SkippedFile("dump.yaml", "larger than 10 MiB limit (use --max-file-size)", true)),
                5);
        return new Report(findings, suppressed, diagnostics, coverage,
                List.of(PRIVILEGED, MISSING_HEALTHCHECK, HOST_NETWORK, DEFAULT_BRIDGE, SERVICE_LABELS));
    }

    /** A clean scan of one Compose file. */
    static Report clean() {
        Coverage coverage = new Coverage(Map.of(SourceKind.COMPOSE, 1), Map.of(SourceKind.COMPOSE, 1), List.of(), 1);
        return new Report(List.of(), List.of(), List.of(), coverage, List.of(PRIVILEGED));
    }
}
