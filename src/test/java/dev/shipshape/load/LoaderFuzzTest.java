package dev.shipshape.load;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shipshape.load.compose.ComposeLoader;
import dev.shipshape.load.daemon.DaemonConfigLoader;
import dev.shipshape.load.dockerfile.DockerfileLoader;
import dev.shipshape.load.kubernetes.KubernetesLoader;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.RuleEngine;
import java.nio.file.Path;
import java.util.Map;

/**
 * Coverage-guided fuzzing of each loader, then every rule over what it loaded: whatever the text,
 * loading ends without an exception (bad input is a diagnostic), within Jazzer's time limit per
 * input. In an ordinary build ({@code ./mvnw verify}) each test runs once per seed in
 * {@code src/test/resources/dev/shipshape/load/LoaderFuzzTestInputs/<test>/}, a regression
 * test of the crashes found before; {@code fuzz/run.sh} fuzzes them for longer.
 */
class LoaderFuzzTest {

    private static final RuleEngine ALL_RULES = new RuleEngine(BuiltInRules.all());
    /** No .env, override or include beside it: the Compose loader reads only the text given. */
    private static final Path NOWHERE = Path.of("/nonexistent/shipshape-fuzz/compose.yaml");

    @FuzzTest(maxDuration = "2m")
    void composeLoaderEndsWithDiagnosticsNotExceptions(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ALL_RULES.run(new ComposeLoader().load(NOWHERE, "compose.yaml", SourceKind.COMPOSE, Map.of("TAG", "1"), text).inventory());
    }

    @FuzzTest(maxDuration = "2m")
    void kubernetesLoaderEndsWithDiagnosticsNotExceptions(FuzzedDataProvider data) {
        ALL_RULES.run(new KubernetesLoader().load("pod.yaml", data.consumeRemainingAsString()).inventory());
    }

    @FuzzTest(maxDuration = "2m")
    void dockerfileLoaderEndsWithDiagnosticsNotExceptions(FuzzedDataProvider data) {
        ALL_RULES.run(new DockerfileLoader().load("Dockerfile", data.consumeRemainingAsString()).inventory());
    }

    @FuzzTest(maxDuration = "2m")
    void daemonConfigLoaderEndsWithDiagnosticsNotExceptions(FuzzedDataProvider data) {
        ALL_RULES.run(new DaemonConfigLoader().load("daemon.json", data.consumeRemainingAsString()).inventory());
    }
}
