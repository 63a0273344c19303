package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.report.JsonReporter;
import dev.shipshape.report.TextReporter;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit} names the policy file it applied, in the text header and in JSON. */
class InventoryCheckPolicyTest {

    @TempDir
    Path folder;

    @Test
    void theReportNamesTheConfiguredPolicy() throws Exception {
        Path config = Files.writeString(folder.resolve("policy.yaml"), "fail-on: high\n");
        LoadResult loaded = new KubernetesLoader().load("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: example/app:1.0
                      securityContext: {privileged: true}
                """);

        ScanOutcome outcome = InventoryCheck.check(loaded, Optional.of(config), Set.of("privileged-container"), Set.of(),
                new Coverage(Map.of(), Map.of(), List.of(), 0));

        assertThat(outcome.report().policies()).containsExactly(config.toString());
        assertThat(outcome.configuredFailOn()).contains(Severity.HIGH);
        assertThat(text(outcome)).startsWith("policy: " + config + "\n\npod.yaml:8:25: critical privileged-container ");
        StringWriter json = new StringWriter();
        new JsonReporter("test").write(outcome.report(), json);
        assertThat(json.toString()).contains("\"policies\": [\n    \"" + config + "\"\n  ],");
    }

    private static String text(ScanOutcome outcome) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter(new TextReporter.Options(false, false, false)).write(outcome.report(), out);
        return out.toString();
    }
}
