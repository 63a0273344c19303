package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.gate.AdmissionObjects;
import dev.shipshape.load.gate.AdmissionRequest;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Objects that run no pods (RBAC objects, Services, Ingresses) are judged at the webhook by the
 * rules that need only the object itself; the rules that need the whole set do not run there.
 */
class AdmissionObjectRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private static GateInput admission(String fixture) throws IOException {
        try (InputStream in = AdmissionObjectRulesTest.class.getResourceAsStream("/gate/admission/" + fixture)) {
            AdmissionRequest request = ((AdmissionRequest.Readable) AdmissionRequest.parse(in.readAllBytes())).request();
            return AdmissionObjects.read(request);
        }
    }

    private static Decision judge(String fixture) throws IOException {
        GateInput input = admission(fixture);
        assertThat(input).isInstanceOf(GateInput.Modelled.class);
        assertThat(((GateInput.Modelled) input).loaded().diagnostics()).isEmpty();
        return new Judge(Policy.DEFAULT, Enforcement.DEFAULT, CLOCK).judge((GateInput.Modelled) input);
    }

    @Test
    void aClusterAdminBindingForADefaultServiceAccountIsDenied() throws IOException {
        Decision decision = judge("clusterrolebinding-create.json");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.DENIED);
        assertThat(decision.denials()).extracting(Decision.Reason::rule).containsExactly("cluster-admin-binding");
        assertThat(decision.denials().getFirst().message()).startsWith("ClusterRoleBinding 'ci-admin' gives ServiceAccount 'default' "
                + "(namespace ci) full control of the whole cluster through ClusterRole 'cluster-admin'");
        assertThat(decision.warnings()).isEmpty();
    }

    @Test
    void aNodePortServiceIsWarnedAboutAndNoEstateRuleRuns() throws IOException {
        Decision decision = judge("service-nodeport-create.json");

        // service-open-to-world is MEDIUM: a warning under the default enforcement (deny at HIGH)
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.WARNED);
        assertThat(decision.denials()).isEmpty();
        assertThat(decision.warnings()).extracting(Decision.Reason::rule).containsExactly("service-open-to-world");
        assertThat(decision.warnings().getFirst().message()).startsWith("Service 'web' is a NodePort");
    }

    @Test
    void aConfigMapIsStillNotInspected() throws IOException {
        assertThat(admission("configmap-create.json")).isEqualTo(new GateInput.NotInspected());
    }
}
