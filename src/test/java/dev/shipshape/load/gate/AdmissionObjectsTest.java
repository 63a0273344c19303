package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AdmissionReviews as the API server sends them (src/test/resources/gate/admission), read into the model. */
class AdmissionObjectsTest {

    static byte[] fixture(String name) {
        try (InputStream in = AdmissionObjectsTest.class.getResourceAsStream("/gate/admission/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static AdmissionRequest request(String name) {
        return ((AdmissionRequest.Readable) AdmissionRequest.parse(fixture(name))).request();
    }

    private static GateInput.Modelled modelled(String name) {
        GateInput input = AdmissionObjects.read(request(name));
        assertThat(input).isInstanceOf(GateInput.Modelled.class);
        GateInput.Modelled modelled = (GateInput.Modelled) input;
        assertThat(modelled.loaded().diagnostics()).isEmpty();
        assertThat(modelled.loaded().inventory().workloads()).hasSize(1);
        return modelled;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            deployment-create.json  | Deployment | web            | app
            replicaset-create.json  | ReplicaSet | web-7d9f8b6c4d | app
            statefulset-create.json | StatefulSet | db            | postgres
            daemonset-create.json   | DaemonSet  | log-agent      | agent
            job-create.json         | Job        | migrate        | migrate
            cronjob-create.json     | CronJob    | nightly-report | report
            """)
    void eachKindsPodTemplateIsAWorkload(String fixture, String kind, String name, String container) {
        GateInput.Modelled modelled = modelled(fixture);
        Workload workload = modelled.loaded().inventory().workloads().getFirst();

        assertThat(modelled.scope()).isEqualTo(RuleScope.all());
        assertThat(workload.source()).isEqualTo(SourceKind.KUBERNETES);
        assertThat(workload.kind()).isEqualTo(kind);
        assertThat(workload.name()).isEqualTo(name);
        assertThat(workload.namespace()).isEqualTo("prod");
        assertThat(workload.containers()).extracting(Container::name).containsExactly(container);
        assertThat(workload.containers().getFirst().description()).isEqualTo("container '%s' in %s '%s'".formatted(container, kind, name));
    }

    @Test
    void theObjectIsReadWithItsSecuritySettings() {
        Container app = modelled("deployment-privileged.json").loaded().inventory().workloads().getFirst().containers().getFirst();

        assertThat(app.privileged().isTrue()).isTrue();
        assertThat(app.environment()).extracting(variable -> variable.name() + "=" + variable.value()).containsExactly("DB_PASSWORD=hunter2");
        assertThat(app.origin().source()).isEqualTo("Deployment prod/web");
        // the object is read from its JSON tree: one line, every node at its own column
        assertThat(app.privileged().origin().line()).isEqualTo(1);
        assertThat(app.privileged().origin()).isNotEqualTo(app.origin());
        assertThat(app.environment().getFirst().origin()).isNotIn(app.origin(), app.privileged().origin());
    }

    @Test
    void aPodMadeByAControllerIsJudgedByTheContainerRules() {
        GateInput.Modelled modelled = modelled("pod-create.json");
        Workload pod = modelled.loaded().inventory().workloads().getFirst();

        assertThat(modelled.scope()).isEqualTo(RuleScope.containerRules());
        assertThat(pod.kind()).isEqualTo("Pod");
        assertThat(pod.name()).isEqualTo("web-7d9f8b6c4d-");
        assertThat(pod.origin().source()).isEqualTo("Pod prod/web-7d9f8b6c4d-*");
        assertThat(pod.containers().getFirst().user().value()).isEqualTo("10001");
    }

    @Test
    void aBarePodIsJudgedByEveryRule() {
        String bare = new String(fixture("pod-create.json"), StandardCharsets.UTF_8).replace("\"controller\": true", "\"controller\": false");
        GateInput input = AdmissionObjects.read(((AdmissionRequest.Readable) AdmissionRequest.parse(bare.getBytes(StandardCharsets.UTF_8))).request());

        assertThat(((GateInput.Modelled) input).scope()).isEqualTo(RuleScope.all());
    }

    /** {@code controller} is read as Jackson's {@code asBoolean(false)} read it before the object was streamed. */
    @ParameterizedTest(name = "controller: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            true                   | true
            '" true "'             | true
            1                      | true
            -1                     | true
            99999999999999999999   | true
            false                  | false
            '"TRUE"'               | false
            '"false"'              | false
            0                      | false
            1.0                    | false
            null                   | false
            '[true]'               | false
            """)
    void aControllerIsReadAsBefore(String controller, boolean madeByAController) {
        String pod = new String(fixture("pod-create.json"), StandardCharsets.UTF_8).replace("\"controller\": true", "\"controller\": " + controller);
        GateInput input = AdmissionObjects.read(((AdmissionRequest.Readable) AdmissionRequest.parse(pod.getBytes(StandardCharsets.UTF_8))).request());

        assertThat(((GateInput.Modelled) input).scope()).isEqualTo(madeByAController ? RuleScope.containerRules() : RuleScope.all());
    }

    @Test
    void onlyTheEphemeralContainersBeingAddedAreJudged() {
        GateInput.Modelled modelled = modelled("pod-ephemeralcontainers.json");
        Workload pod = modelled.loaded().inventory().workloads().getFirst();

        assertThat(modelled.scope()).isEqualTo(RuleScope.containerRules());
        assertThat(pod.containers()).extracting(Container::name).containsExactly("debugger-8xkqv");
        Container debugger = pod.containers().getFirst();
        assertThat(debugger.ephemeral()).isTrue();
        assertThat(debugger.description()).isEqualTo("ephemeral container 'debugger-8xkqv' in Pod 'web-7d9f8b6c4d-x7k2p'");
        assertThat(debugger.user()).isEqualTo(Setting.unset(debugger.origin()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            pod-delete.json
            pod-exec.json
            deployment-scale.json
            configmap-create.json
            """)
    void otherOperationsKindsAndSubresourcesAreNotInspected(String fixture) {
        assertThat(AdmissionObjects.judges(request(fixture))).isFalse();
        assertThat(AdmissionObjects.read(request(fixture))).isEqualTo(new GateInput.NotInspected());
    }

    @Test
    void aCreateWithoutAnObjectCannotBeJudged() {
        String text = new String(fixture("deployment-create.json"), StandardCharsets.UTF_8);
        String withoutObject = text.substring(0, text.indexOf("\"object\":")) + "\"object\": null, \"options\": {}}}";
        GateInput input = AdmissionObjects.read(((AdmissionRequest.Readable) AdmissionRequest.parse(
                withoutObject.getBytes(StandardCharsets.UTF_8))).request());

        assertThat(input).isEqualTo(new GateInput.Unreadable("the CREATE request for Deployment has no object"));
    }

    @Test
    void theRequestNamesTheResourcesApiPath() {
        assertThat(request("deployment-create.json").path()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web");
        assertThat(request("pod-create.json").path()).isEqualTo("/api/v1/namespaces/prod/pods");
        assertThat(request("pod-ephemeralcontainers.json").path())
                .isEqualTo("/api/v1/namespaces/prod/pods/web-7d9f8b6c4d-x7k2p/ephemeralcontainers");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                              | the request has no body: expected an AdmissionReview
            '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"a"' | the body is not JSON: expected an AdmissionReview
            '[]'                                                            | the body is not a JSON object: expected an AdmissionReview
            '{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"a"}}' | expected apiVersion admission.k8s.io/v1, not 'admission.k8s.io/v1beta1': list only v1 in the webhook's admissionReviewVersions
            '{"apiVersion":"v1","kind":"Pod"}'                              | expected kind AdmissionReview, not 'Pod'
            '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}' | the AdmissionReview has no request
            '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"kind":"Pod"}}}' | the AdmissionReview's request has no uid
            """)
    void whatIsNoAdmissionReviewSaysWhy(String body, String problem) {
        assertThat(AdmissionRequest.parse(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(new AdmissionRequest.Unreadable(problem));
    }
}
