package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import org.junit.jupiter.api.Test;

/** A pod's hostAliases as extra hosts: "hostname:ip" for each hostname, at the ip key. */
class HostAliasReaderTest {

    private static final String FILE = "app.k8s.yaml";

    private static LoadResult load(String yaml) {
        return new KubernetesLoader().load(FILE, yaml);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Test
    void givesEachHostnameItsAliasesIpAtTheIpKey() {
        LoadResult result = load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      hostAliases:
                        - ip: 192.0.2.10
                          hostnames: [db.internal, cache.internal]
                        - hostnames:
                            - metrics.local
                          ip: "::1"
                      containers:
                        - name: app
                          image: nginx:1.27
                """);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads().getFirst().extraHosts()).containsExactly(
                Setting.of("db.internal:192.0.2.10", at(9, 11)),
                Setting.of("cache.internal:192.0.2.10", at(9, 11)),
                Setting.of("metrics.local:::1", at(13, 11)));
    }

    @Test
    void aPodWithoutHostAliasesHasNoExtraHosts() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(result.inventory().workloads().getFirst().extraHosts()).isEmpty();
    }

    @Test
    void aliasesThatCannotBeReadAreReportedAndTheRestKept() {
        LoadResult result = load("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  hostAliases:
                    - hostnames: [a.local]
                    - ip: 192.0.2.1
                      hostnames: [{x: 1}, b.local]
                    - just-text
                  containers:
                    - name: app
                      image: nginx:1.27
                """);

        assertThat(result.diagnostics()).containsExactly(
                Diagnostic.warning(at(7, 7), "a hostAlias without an 'ip'"),
                Diagnostic.warning(at(9, 19), "a hostname should be a string, not a mapping"),
                Diagnostic.warning(at(10, 7), "an item of 'hostAliases' should be a mapping, not a scalar"));
        assertThat(result.inventory().workloads().getFirst().extraHosts())
                .containsExactly(Setting.of("b.local:192.0.2.1", at(8, 7)));
    }
}
