package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Compose file of the shared real-world corpus loads without an exception, and nearly all of
 * them give workloads (the rest are fragments: files of only networks, or only {@code extends}
 * targets). The files without workloads and the error diagnostics are printed for a human to check.
 */
class ComposeCorpusTest {

    private static final Path CORPUS = Path.of("../shared/corpus/compose");

    @Test
    void everyFileLoadsAndNearlyAllGiveWorkloads() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not next to this checkout");
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(path -> path.toString().endsWith(".yml") || path.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);

        ComposeLoader loader = new ComposeLoader();
        List<String> withoutWorkloads = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            SourceKind kind = name.contains("stack") ? SourceKind.STACK : SourceKind.COMPOSE;
            LoadResult result = loader.load(file, name, kind, Map.of());
            if (result.inventory().workloads().isEmpty()) withoutWorkloads.add(name);
            result.diagnostics().stream().filter(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR)
                    .forEach(diagnostic -> errors.add(diagnostic.toString()));
        }

        System.out.println("Corpus files without workloads (" + withoutWorkloads.size() + " of " + files.size() + "):");
        withoutWorkloads.forEach(name -> System.out.println("  " + name));
        System.out.println("Error diagnostics (" + errors.size() + "):");
        errors.forEach(error -> System.out.println("  " + error));
        assertThat(files.size() - withoutWorkloads.size()).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * files.size()));
    }
}
