package dev.shipshape.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans every real-world file of the shared corpus (Compose and Kubernetes YAML from public
 * projects): nothing crashes, every file is found, and every file either loads or says why not.
 */
class CorpusScanTest {

    private static final Path CORPUS = Path.of("../shared/corpus");

    @Test
    void everyCorpusFileIsFoundAndAccountedFor() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not on this machine");
        Set<String> yamlFiles = yamlFilesOf(CORPUS);

        Report report = new Scanner().scan(new ScanRequest(List.of(CORPUS), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                Optional.empty(), Set.of(), Set.of(), Map.of())).report();

        Coverage coverage = report.coverage();
        assertThat(coverage.skipped()).isEmpty();
        assertThat(coverage.filesFound()).isEqualTo(yamlFiles.size());
        assertThat(report.diagnostics()).extracting(Diagnostic::message)
                .noneMatch(message -> message.startsWith("internal error"));
        Set<String> failedFiles = report.diagnostics().stream()
                .filter(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR)
                .map(diagnostic -> diagnostic.origin().source())
                .collect(Collectors.toSet());
        assertThat(yamlFiles).containsAll(failedFiles);
        int loaded = coverage.loaded().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(loaded + failedFiles.size()).as("files loaded plus files with an error").isEqualTo(yamlFiles.size());
    }

    private static Set<String> yamlFilesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .map(FileDiscovery::shown)
                    .collect(Collectors.toSet());
        }
    }
}
