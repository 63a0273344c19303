package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.gate.AdmissionObjects;
import dev.shipshape.load.gate.AdmissionRequest;
import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.DockerRequests;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The same rules and policy as scan, then the enforce: section, decide. */
class JudgeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    /** A `docker run` with every flag of LiveEngineSetup.HARDENED: nothing at or above high. */
    static final String HARDENED = """
            {"Image":"shipshape/busybox:test","User":"10001:10001","HostConfig":{"NetworkMode":"none","ReadonlyRootfs":true,
             "CapDrop":["ALL"],"SecurityOpt":["no-new-privileges"],"Memory":67108864,"NanoCpus":500000000,"PidsLimit":50,
             "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":5}}}
            """;

    static GateInput.Modelled create(String body) {
        AuthzRequest request = new AuthzRequest("", "POST", "/v1.41/containers/create?name=web",
                Optional.of(body.getBytes(StandardCharsets.UTF_8)), Map.of("Content-Type", "application/json"));
        return (GateInput.Modelled) DockerRequests.read(request).input();
    }

    static GateInput.Modelled admission(String fixture) throws IOException {
        try (InputStream in = JudgeTest.class.getResourceAsStream("/gate/admission/" + fixture)) {
            AdmissionRequest request = ((AdmissionRequest.Readable) AdmissionRequest.parse(in.readAllBytes())).request();
            return (GateInput.Modelled) AdmissionObjects.read(request);
        }
    }

    private static Judge judge(Policy policy, Enforcement enforcement) {
        return new Judge(policy, enforcement, CLOCK);
    }

    private static Judge judge() {
        return judge(Policy.DEFAULT, Enforcement.DEFAULT);
    }

    private static List<String> rules(List<Decision.Reason> reasons) {
        return reasons.stream().map(Decision.Reason::rule).toList();
    }

    @Test
    void aHardenedRunIsAllowedWithWhatItCannotShowAsAWarning() {
        Decision decision = judge().judge(create(HARDENED));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.WARNED);
        assertThat(decision.denials()).isEmpty();
        // the create body does not carry the image's HEALTHCHECK: it may have one
        assertThat(rules(decision.warnings())).containsExactly("missing-healthcheck");
        assertThat(decision.message()).isEmpty();
    }

    @Test
    void aPrivilegedRunIsDeniedWorstFirst() {
        Decision decision = judge().judge(create("{\"Image\":\"shipshape/busybox:test\",\"HostConfig\":{\"Privileged\":true}}"));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.DENIED);
        assertThat(rules(decision.denials())).containsExactly("privileged-container", "runs-as-root");
        assertThat(decision.denials().getFirst().message()).isEqualTo("container 'web' runs privileged");
        // medium before low, then by rule id
        assertThat(rules(decision.warnings())).containsExactly("capabilities-not-dropped", "privilege-escalation-allowed",
                "writable-root-filesystem", "missing-healthcheck", "missing-restart-policy", "missing-memory-limit",
                "missing-cpu-limit", "missing-pids-limit", "default-bridge-network");
        assertThat(decision.message()).startsWith("shipshape denied: privileged-container: container 'web' runs privileged; "
                + "runs-as-root: container 'web' sets no user: unless image 'shipshape/busybox:test' sets a non-root USER, "
                + "it runs as root. To comply: Run the container without `--privileged`");
        assertThat(decision.message()).endsWith(" (set \"enforce\" in .shipshape.yaml to change this)");
    }

    @Test
    void warnOnlyRulesAndTheThresholdTurnDenialsIntoWarnings() {
        String rootRun = HARDENED.replace("\"User\":\"10001:10001\",", "");
        assertThat(judge().judge(create(rootRun)).outcome()).isEqualTo(Decision.Outcome.DENIED);

        Enforcement warnOnly = new Enforcement(Severity.HIGH, Set.of("runs-as-root"), Map.of(), Enforcement.Failure.CLOSED, false);
        Decision warned = judge(Policy.DEFAULT, warnOnly).judge(create(rootRun));
        assertThat(warned.outcome()).isEqualTo(Decision.Outcome.WARNED);
        assertThat(rules(warned.warnings())).containsExactly("runs-as-root", "missing-healthcheck");

        Enforcement critical = new Enforcement(Severity.CRITICAL, Set.of(), Map.of(), Enforcement.Failure.CLOSED, false);
        assertThat(judge(Policy.DEFAULT, critical).judge(create(rootRun)).outcome()).isEqualTo(Decision.Outcome.WARNED);

        Enforcement medium = new Enforcement(Severity.MEDIUM, Set.of(), Map.of(), Enforcement.Failure.CLOSED, false);
        assertThat(rules(judge(Policy.DEFAULT, medium).judge(create(HARDENED)).denials())).containsExactly("missing-healthcheck");
    }

    @Test
    void thePolicysDisabledRulesSeveritiesAndWaiversApply() throws Exception {
        String privileged = "{\"Image\":\"nginx:1.27\",\"User\":\"10001\",\"HostConfig\":{\"Privileged\":true,\"Memory\":1}}";
        assertThat(rules(judge().judge(create(privileged)).denials())).containsExactly("privileged-container");

        Policy disabled = PolicyFile.parse(".shipshape.yaml", "disable: [privileged-container]\n");
        assertThat(judge(disabled, Enforcement.DEFAULT).judge(create(privileged)).denials()).isEmpty();

        Policy severity = PolicyFile.parse(".shipshape.yaml", "severity: {missing-memory-limit: critical}\n");
        assertThat(rules(judge(severity, Enforcement.DEFAULT).judge(create(HARDENED.replace("\"Memory\":67108864,", ""))).denials()))
                .containsExactly("missing-memory-limit");

        Policy waived = PolicyFile.parse(".shipshape.yaml", """
                waivers:
                  - rule: privileged-container
                    target: image:nginx
                    reason: the vendor's image needs it
                    owner: platform@example.com
                    expires: 2027-01-31
                """);
        assertThat(judge(waived, Enforcement.DEFAULT).judge(create(privileged)).denials()).isEmpty();
    }

    @Test
    void rulesAboutAWholeEstateDoNotRunAtTheGate() throws IOException {
        // a Deployment on its own has no PodDisruptionBudget and no Service to look at: those are scan's business
        Decision decision = judge().judge(admission("deployment-create.json"));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(decision.rules()).isEmpty();
    }

    @Test
    void eachKindIsJudgedByItsContainers() throws IOException {
        assertThat(judge().judge(admission("statefulset-create.json")).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(judge().judge(admission("daemonset-create.json")).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(judge().judge(admission("cronjob-create.json")).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(judge().judge(admission("replicaset-create.json")).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(judge().judge(admission("pod-create.json")).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        assertThat(rules(judge().judge(admission("job-create.json")).denials())).containsExactly("runs-as-root");
        assertThat(rules(judge().judge(admission("deployment-privileged.json")).denials()))
                .containsExactly("privileged-container", "runs-as-root", "secret-in-environment");
        assertThat(rules(judge().judge(admission("pod-ephemeralcontainers.json")).denials())).containsExactly("runs-as-root");
    }
}
