import dev.shipshape.load.yaml.YamlDocuments;
import dev.shipshape.scan.ScanOutcome;
import dev.shipshape.scan.ScanRequest;
import dev.shipshape.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * In one JVM: how long a full scan of a folder takes against merely reading and parsing its
 * YAML files with the same YAML library (the parsing limit). Warm runs, medians.
 *
 * Run (bench/run.sh does): java -cp "target/shipshape.jar:target/lib/*" bench/CorpusThroughput.java DIR [ROUNDS]
 */
public class CorpusThroughput {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        List<Path> yamlFiles;
        try (Stream<Path> walk = Files.walk(folder)) {
            yamlFiles = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
        }
        ScanRequest request = new ScanRequest(List.of(folder), List.of(), ScanRequest.DEFAULT_MAX_FILE_SIZE,
                Optional.empty(), Set.of(), Set.of(), Map.of());

        long[] parse = new long[rounds];
        long[] scan = new long[rounds];
        int findings = 0;
        for (int warmup = 0; warmup < 3; warmup++) {
            parseAll(yamlFiles);
            new Scanner().scan(request);
        }
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            parseAll(yamlFiles);
            parse[round] = System.nanoTime() - start;
            start = System.nanoTime();
            ScanOutcome outcome = new Scanner().scan(request);
            scan[round] = System.nanoTime() - start;
            findings = outcome.report().findings().size();
        }
        double parseMs = median(parse) / 1e6;
        double scanMs = median(scan) / 1e6;
        System.out.printf("files=%d findings=%d parse_ms=%.1f scan_ms=%.1f ratio=%.2f files_per_s=%.0f%n",
                yamlFiles.size(), findings, parseMs, scanMs, scanMs / parseMs, yamlFiles.size() / (scanMs / 1000));
    }

    private static int parseAll(List<Path> files) throws Exception {
        int documents = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            documents += YamlDocuments.parse(file.toString(), text).documents().size();
        }
        return documents;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
