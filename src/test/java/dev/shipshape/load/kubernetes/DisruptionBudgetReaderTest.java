package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.LabelSelector;
import dev.shipshape.model.Setting;
import dev.shipshape.model.LabelSelector.Requirement;
import dev.shipshape.model.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A PodDisruptionBudget's selector: matchLabels and matchExpressions, and the budgets that select nothing. */
class DisruptionBudgetReaderTest {

    private static final String FILE = "pdb.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void readsMatchLabelsAndEveryOperatorOfMatchExpressions() {
        LoadResult result = load("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                  namespace: shop
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: web
                    matchExpressions:
                      - {key: tier, operator: In, values: [frontend, edge]}
                      - key: track
                        operator: NotIn
                        values: [canary]
                      - {key: zone, operator: Exists}
                      - key: legacy
                        operator: DoesNotExist
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads()).isEmpty();
        assertThat(result.inventory().disruptionBudgets()).containsExactly(new DisruptionBudget("web", "shop", at(2, 1),
                new LabelSelector(Map.of("app", "web"), List.of(
                        new Requirement("tier", "In", List.of("frontend", "edge")),
                        new Requirement("track", "NotIn", List.of("canary")),
                        new Requirement("zone", "Exists", List.of()),
                        new Requirement("legacy", "DoesNotExist", List.of()))),
                Setting.of("1", at(7, 3)), Setting.unset(at(2, 1))));
        LabelSelector selector = result.inventory().disruptionBudgets().getFirst().selector();
        assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "zone", "a"))).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "tier", "edge", "zone", "a", "track", "canary"))).isFalse();
    }

    @Test
    void anEmptySelectorInPolicyV1SelectsEveryPod() {
        LoadResult result = load("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: all}
                spec:
                  maxUnavailable: 1
                  selector: {}
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().disruptionBudgets()).containsExactly(
                new DisruptionBudget("all", null, at(2, 1), LabelSelector.of(Map.of()), Setting.unset(at(2, 1)), Setting.of("1", at(5, 3))));
        assertThat(result.inventory().disruptionBudgets().getFirst().selector().matches(Map.of("app", "anything"))).isTrue();
    }

    @Test
    void aBudgetThatSelectsNoPodIsReportedAndLeftOut() {
        LoadResult result = load("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: none}
                spec:
                  minAvailable: 1
                ---
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: old}
                spec:
                  minAvailable: 1
                  selector: {}
                ---
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: old-labelled}
                spec:
                  selector:
                    matchLabels: {app: web}
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(2, 1),
                        "PodDisruptionBudget 'none' has no 'spec.selector', so it selects no pods and protects nothing"),
                Diagnostic.warning(at(12, 13),
                        "PodDisruptionBudget 'old' has an empty 'spec.selector', which in policy/v1beta1 selects no pods: it protects nothing"));
        assertThat(result.inventory().disruptionBudgets()).containsExactly(
                new DisruptionBudget("old-labelled", null, at(15, 1), LabelSelector.of(Map.of("app", "web"))));
    }

    @Test
    void expressionsThatCannotBeReadAreReportedAndAnUnknownOperatorMatchesNothing() {
        LoadResult result = load("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web}
                spec:
                  selector:
                    matchLabels: {app: web}
                    matchExpressions:
                      - {operator: Exists}
                      - key: tier
                        operator: Equals
                        values: [a, [b]]
                      - 7
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(8, 9), "a selector expression needs a 'key' and an 'operator'"),
                Diagnostic.warning(at(10, 9), "unknown selector operator 'Equals'; expected In, NotIn, Exists or DoesNotExist"),
                Diagnostic.warning(at(11, 21), "a selector value should be a string, not a list"),
                Diagnostic.warning(at(12, 9), "an item of 'matchExpressions' should be a mapping, not a scalar"));
        LabelSelector selector = result.inventory().disruptionBudgets().getFirst().selector();
        assertThat(selector).isEqualTo(new LabelSelector(Map.of("app", "web"),
                List.of(new Requirement("tier", "Equals", List.of("a")))));
        assertThat(selector.matches(Map.of("app", "web", "tier", "a"))).isFalse();
    }
}
