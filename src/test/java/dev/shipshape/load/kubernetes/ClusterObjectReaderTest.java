package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.ApiVersionUse;
import dev.shipshape.model.Autoscaler;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.KubernetesNamespace;
import dev.shipshape.model.Origin;
import dev.shipshape.model.PodServiceAccount;
import dev.shipshape.model.Route;
import dev.shipshape.model.SecretManifest;
import dev.shipshape.model.ServiceAccount;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The objects that run no pods, read in every API version they have had, each value at its origin. */
class ClusterObjectReaderTest {

    private static LoadResult load(String text) {
        return new KubernetesLoader().load("objects.k8s.yaml", text);
    }

    private static Origin at(int line, int column) {
        return Origin.at("objects.k8s.yaml", line, column);
    }

    @Test
    void ingressesOfEveryVersionAndAnHttpRouteGiveTheirHostsTlsAndServiceBackends() {
        LoadResult result = load("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata: {name: old}
                spec:
                  rules:
                    - host: old.example.com
                      http:
                        paths:
                          - backend: {serviceName: legacy, servicePort: http}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: new, namespace: shop}
                spec:
                  tls:
                    - hosts: [new.example.com]
                  defaultBackend:
                    service: {name: web, port: {number: 80}}
                ---
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: HTTPRoute
                metadata: {name: route}
                spec:
                  hostnames: [route.example.com]
                  rules:
                    - backendRefs:
                        - {name: api, port: 8080, namespace: backend}
                        - {name: bucket, group: storage.example.com, kind: Bucket}
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().kubernetes().routes()).containsExactly(
                new Route("Ingress", "old", null, at(2, 1), List.of(Setting.of("old.example.com", at(6, 7))), List.of(),
                        List.of(new Route.Backend(Setting.of("legacy", at(9, 23)), "http", null))),
                new Route("Ingress", "new", "shop", at(12, 1), List.of(), List.of(new Route.Tls(List.of("new.example.com"), at(16, 7))),
                        List.of(new Route.Backend(Setting.of("web", at(18, 15)), "80", null))),
                new Route("HTTPRoute", "route", null, at(21, 1), List.of(Setting.of("route.example.com", at(24, 15))), List.of(),
                        List.of(new Route.Backend(Setting.of("api", at(27, 12)), "8080", "backend"))));
    }

    @Test
    void autoscalersKnowTheirTargetAndBoundsWithKedasDefaults() {
        LoadResult result = load("""
                apiVersion: autoscaling/v2beta2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}
                  maxReplicas: 5
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker}
                spec:
                  scaleTargetRef: {name: worker}
                  minReplicaCount: 1
                """);

        assertThat(result.diagnostics()).isEmpty();
        List<Autoscaler> autoscalers = result.inventory().kubernetes().autoscalers();
        assertThat(autoscalers).containsExactly(
                new Autoscaler("HorizontalPodAutoscaler", "web", null, at(2, 1), "StatefulSet", Setting.of("web", at(5, 60)),
                        Setting.unset(at(2, 1)), Setting.of(5, at(6, 3))),
                new Autoscaler("ScaledObject", "worker", null, at(9, 1), "Deployment", Setting.of("worker", at(12, 20)),
                        Setting.of(1, at(13, 3)), Setting.unset(at(9, 1))));
        assertThat(autoscalers).extracting(Autoscaler::effectiveMinReplicas).containsExactly(1, 1);
    }

    @Test
    void secretsKeepTheirKeysButNeverTheirValues() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                data:
                  password: aHVudGVyMg==
                  empty: ""
                stringData:
                  user: app
                """);

        assertThat(result.inventory().kubernetes().secrets()).containsExactly(new SecretManifest("db", null, at(2, 1), "Opaque",
                List.of(Setting.of("password", at(5, 3))), List.of(Setting.of("user", at(8, 3)))));
        assertThat(result.inventory().kubernetes().secrets().toString()).doesNotContain("aHVudGVyMg==").doesNotContain("app,");
    }

    @Test
    void serviceAccountsNamespacesApiVersionsAndThePodsAccountAreRead() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: api, namespace: shop}
                automountServiceAccountToken: false
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: api, namespace: shop}
                spec:
                  serviceAccount: api
                  containers: [{name: api, image: api:1.0}]
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().kubernetes().namespaces()).containsExactly(new KubernetesNamespace("shop", at(2, 1)));
        assertThat(result.inventory().kubernetes().serviceAccounts())
                .containsExactly(new ServiceAccount("api", "shop", at(6, 1), Setting.of(false, at(8, 1))));
        assertThat(result.inventory().kubernetes().podServiceAccounts()).containsExactly(
                new PodServiceAccount("Pod 'api'", "shop", at(11, 1), Setting.of("api", at(14, 3)), Setting.unset(at(11, 1))));
        assertThat(result.inventory().kubernetes().apiVersions()).containsExactly(
                new ApiVersionUse("Namespace", "v1", "shop", at(1, 1)),
                new ApiVersionUse("ServiceAccount", "v1", "api", at(5, 1)),
                new ApiVersionUse("Pod", "v1", "api", at(10, 1)));
    }

    @Test
    void malformedRbacIsReportedAtItsPlaceAndTheRestIsRead() {
        LoadResult result = load("""
                apiVersion: rbac.authorization.k8s.io/v1beta1
                kind: Role
                metadata: {name: r, namespace: shop}
                rules:
                  - just-a-string
                  - apiGroups: [""]
                    resources: [pods, {nested: map}]
                    verbs: [get]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: b}
                subjects: [{kind: User, name: alice}]
                """);

        assertThat(result.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "objects.k8s.yaml:5:5: warning: an item of 'rules' should be a mapping, not a scalar",
                "objects.k8s.yaml:7:23: warning: an item of 'resources' should be a string, not a mapping",
                "objects.k8s.yaml:11:1: warning: RoleBinding 'b' has no 'roleRef'");
        assertThat(result.inventory().kubernetes().roles()).singleElement().satisfies(role -> {
            assertThat(role.rules()).singleElement().satisfies(rule -> {
                assertThat(rule.resources()).containsExactly(Setting.of("pods", at(7, 17)));
                assertThat(rule.covers("", "pods")).isTrue();
                assertThat(rule.grantsVerb("get")).isTrue();
                assertThat(rule.grantsVerb("list")).isFalse();
            });
        });
        assertThat(result.inventory().kubernetes().roleBindings()).singleElement()
                .satisfies(binding -> assertThat(binding.roleName()).isEqualTo(Setting.unset(at(11, 1))));
    }
}
