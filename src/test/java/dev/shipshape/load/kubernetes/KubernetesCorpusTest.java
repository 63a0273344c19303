package dev.shipshape.load.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every real-world manifest of the shared corpus loads without an exception. */
class KubernetesCorpusTest {

    private static final Path CORPUS = Path.of("../shared/corpus/kubernetes");

    @Test
    void loadsEveryCorpusFile() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not here: " + CORPUS.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();

        KubernetesLoader loader = new KubernetesLoader();
        Map<Diagnostic.Level, Integer> byLevel = new EnumMap<>(Diagnostic.Level.class);
        int workloads = 0;
        int containers = 0;
        int services = 0;
        int budgets = 0;
        int filesWithSyntaxErrors = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            String shown = file.getFileName().toString();
            LoadResult[] loaded = new LoadResult[1];
            assertThatCode(() -> loaded[0] = loader.load(shown, text)).as(shown).doesNotThrowAnyException();
            LoadResult result = loaded[0];
            for (Workload workload : result.inventory().workloads()) {
                workloads++;
                containers += workload.containers().size();
                assertThat(workload.origin().source()).isEqualTo(shown);
                assertThat(workload.lastLine()).as(shown).isGreaterThanOrEqualTo(workload.origin().line());
            }
            for (ServiceEndpoint service : result.inventory().services()) {
                services++;
                assertThat(service.origin().source()).isEqualTo(shown);
                assertThat(service.selectorOrigin().line()).as(shown).isPositive();
            }
            budgets += result.inventory().disruptionBudgets().size();
            for (Diagnostic diagnostic : result.diagnostics()) {
                byLevel.merge(diagnostic.level(), 1, Integer::sum);
                assertThat(diagnostic.origin().line()).as(diagnostic.toString()).isPositive();
                if (diagnostic.level() == Diagnostic.Level.WARNING) System.out.println(diagnostic);
            }
            if (result.diagnostics().stream().anyMatch(diagnostic -> diagnostic.message().startsWith("YAML syntax error"))) {
                filesWithSyntaxErrors++;
            }
        }
        System.out.printf("Kubernetes corpus: %d files, %d workloads, %d containers, %d services, %d disruption budgets,"
                        + " diagnostics %s, %d files with YAML syntax errors%n",
                files.size(), workloads, containers, services, budgets, byLevel, filesWithSyntaxErrors);
        assertThat(workloads).isPositive();
        assertThat(services).isPositive();
    }
}
