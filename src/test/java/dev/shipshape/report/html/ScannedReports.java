package dev.shipshape.report.html;

import dev.shipshape.report.Report;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reports of real scans, for the tests that need a whole inventory: the map fixture, the examples, the corpus. */
final class ScannedReports {

    static final Path MAP_FIXTURE = Path.of("src/test/resources/report/html/shop");
    static final Path INSECURE_EXAMPLE = Path.of("examples/insecure");
    static final Path CORPUS = Path.of("../shared/corpus");

    private ScannedReports() {
    }

    static Report scan(Path folder) throws ConfigurationException {
        return new Scanner().scan(new ScanRequest(List.of(folder), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                Optional.empty(), Set.of(), Set.of(), Map.of())).report();
    }
}
