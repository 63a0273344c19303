package dev.shipshape.scan;

import dev.shipshape.load.compose.ComposeEnvironment;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.policy.Baseline;
import dev.shipshape.policy.Fingerprints;
import dev.shipshape.policy.GoverningPolicies;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.policy.PolicyStep;
import dev.shipshape.report.Report;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole {@code shipshape scan}: finds the files ({@link FileDiscovery}), loads them
 * ({@link FoundFileLoader}), reads the policies that govern them ({@link GoverningPolicies}), runs
 * each policy's rules over everything at once (so that rules across files, such as a Compose
 * service and its Dockerfile, see both) and applies each policy to the findings in its files
 * ({@link PolicyRuns}, {@link PolicyStep}: severities, waivers, suppressions), then compares with
 * the baseline, and accounts for what it looked at ({@link Coverage}).
 *
 * <p>Bad input never stops a scan; a bad configuration, baseline or command line does
 * ({@link ConfigurationException}). With no paths it scans the current folder.
 */
public final class Scanner {

    private static final Comparator<SuppressedFinding> SUPPRESSED_BY_LOCATION =
            Comparator.comparing(SuppressedFinding::finding, Finding.BY_LOCATION);

    /** How findings name standard input unless {@code --stdin-name} names it. */
    public static final String STANDARD_INPUT_NAME = "<stdin>";

    private final Clock clock;

    public Scanner() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock what "today" is for waivers (tests fix it) */
    public Scanner(Clock clock) {
        this.clock = clock;
    }

    public ScanOutcome scan(ScanRequest request) throws ConfigurationException {
        if (request.maxFileSize() <= 0) {
            throw new ConfigurationException("--max-file-size must be a positive number of bytes, not " + request.maxFileSize());
        }
        List<Path> paths = request.paths().isEmpty() ? List.of(Path.of(".")) : request.paths();
        boolean readsStandardInput = paths.contains(ScanRequest.STANDARD_INPUT);
        List<Path> filePaths = paths.stream().filter(path -> !path.equals(ScanRequest.STANDARD_INPUT)).toList();
        GoverningPolicies policies = request.configFile().isPresent()
                ? GoverningPolicies.fixed(request.configFile().get(), FileDiscovery.shown(request.configFile().get()))
                : GoverningPolicies.nearest(Path.of(""));
        Optional<PolicyStep.BaselineInput> baseline = request.baseline().isPresent()
                ? Optional.of(readBaseline(request.baseline().get())) : Optional.empty();
        Discovery discovery = new FileDiscovery(request.excludes(), request.maxFileSize(), request.inputs().followSymlinks())
                .discover(filePaths);
        if (readsStandardInput) discovery = withStandardInput(discovery, request);

        List<Diagnostic> diagnostics = new ArrayList<>(discovery.diagnostics());
        ComposeEnvironment compose = composeEnvironment(request, diagnostics);
        ReadScope scope = new ReadScope(request.maxFileSize(), scannedFolders(paths));
        FoundFileLoader loader = new FoundFileLoader(new SourceLoader(compose, scope), scope);
        List<LoadedFile> loaded = loader.loadAll(discovery.files());
        Inventory.Builder inventory = Inventory.builder();
        List<Suppression> suppressions = new ArrayList<>();
        for (LoadedFile file : loaded) {
            inventory.addAll(file.result().inventory());
            diagnostics.addAll(file.result().diagnostics());
            suppressions.addAll(file.result().suppressions());
            suppressions.addAll(file.comments());
        }
        suppressions.addAll(loader.commentsOfFilesReadBesides(loaded));

        // A Dockerfile found by the walk and also read through a Compose `build:` gives the same findings twice (PolicyStep drops them).
        Inventory scanned = inventory.build();
        Map<GoverningPolicies.Governing, Set<String>> governed = PolicyRuns.governed(policies, loaded);
        PolicyRuns runs = new PolicyRuns(policies, governed.size() > 1, LocalDate.now(clock));
        for (var entry : governed.entrySet()) runs.run(entry.getKey(), scanned, suppressions, request);
        PolicyStep.Compared compared = PolicyStep.compare(scanned, runs.findings, baseline, request.writeBaseline().map(Scanner::folderOf));
        diagnostics.addAll(runs.diagnostics);

        List<Rule> rules = runs.rules.values().stream().toList();
        List<Finding> identified = new ArrayList<>(compared.reported());
        runs.suppressed.forEach(entry -> identified.add(entry.finding()));
        compared.comparison().ifPresent(comparison -> identified.addAll(comparison.unchanged()));
        // Fingerprints in reports are relative to the baseline's folder (read, else written) so that they match its entries.
        Path fingerprintFolder = baseline.map(PolicyStep.BaselineInput::folder)
                .or(() -> request.writeBaseline().map(Scanner::folderOf)).orElse(Path.of(""));
        Report report = new Report(
                compared.reported().stream().sorted(Finding.BY_LOCATION).toList(),
                runs.suppressed.stream().sorted(SUPPRESSED_BY_LOCATION).toList(),
                diagnostics.stream().distinct().sorted(Comparator.comparing(Diagnostic::origin)).toList(),
                coverage(discovery, loaded, rules.size()),
                rules.stream().map(Rule::info).toList(),
                compared.comparison(),
                policies.filesRead(),
                new Fingerprints(fingerprintFolder).identify(scanned, identified),
                scanned);
        Optional<Severity> failOn = governed.size() == 1 ? governed.keySet().iterator().next().policy().failOn() : Optional.empty();
        return new ScanOutcome(report, failOn, runs.waivers, compared.current(), governed.size() == 1 ? Map.of() : runs.failOnByFile(governed));
    }

    /**
     * The policy that governs a scan: the given configuration file, else the first
     * {@code .shipshape.yaml} found upward from {@code start}, else the default.
     */
    public static Policy policy(Optional<Path> configFile, Path start) throws ConfigurationException {
        if (configFile.isPresent()) {
            Path file = configFile.get();
            if (!Files.isRegularFile(file)) throw new ConfigurationException("configuration file not found: " + file);
            return PolicyFile.read(file, FileDiscovery.shown(file));
        }
        Optional<Path> found = PolicyFile.find(start);
        return found.isPresent() ? PolicyFile.read(found.get(), shownFromWorkingFolder(found.get())) : Policy.DEFAULT;
    }

    /** Standard input, read once and added after the files found. */
    private static Discovery withStandardInput(Discovery discovery, ScanRequest request) {
        String shown = request.inputs().stdinName().orElse(STANDARD_INPUT_NAME);
        FileExaminer.Examined examined;
        try (InputStream in = request.inputs().standardInput().get()) {
            examined = new FileExaminer(request.maxFileSize()).examineStream(in, shown);
        } catch (IOException closing) {
            examined = new FileExaminer(request.maxFileSize()).examineStream(InputStream.nullInputStream(), shown);
        }
        List<FoundFile> files = new ArrayList<>(discovery.files());
        List<SkippedFile> skipped = new ArrayList<>(discovery.skipped());
        Map<SourceKind, Integer> skippedByKind = new EnumMap<>(SourceKind.class);
        skippedByKind.putAll(discovery.skippedByKind());
        List<Diagnostic> diagnostics = new ArrayList<>(discovery.diagnostics());
        examined.found().ifPresent(files::add);
        examined.skipped().ifPresent(skipped::add);
        examined.diagnostic().ifPresent(diagnostics::add);
        return new Discovery(files, skipped, skippedByKind, diagnostics);
    }

    /** The real folders a scan covers (a file counts as its folder; standard input as the working folder). */
    private static List<Path> scannedFolders(List<Path> paths) {
        List<Path> folders = new ArrayList<>();
        for (Path path : paths) {
            Path folder = path.equals(ScanRequest.STANDARD_INPUT) ? Path.of(".")
                    : Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            try {
                folders.add(folder.toRealPath());
            } catch (IOException unresolved) {
                folders.add(folder.toAbsolutePath().normalize());
            }
        }
        return folders;
    }

    private static ComposeEnvironment composeEnvironment(ScanRequest request, List<Diagnostic> diagnostics) throws ConfigurationException {
        ScanRequest.ComposeOptions options = request.compose();
        try {
            return ComposeEnvironment.fromCommandLine(request.environment(), options.envFiles(), options.variables(), options.strictEnv(),
                    diagnostics);
        } catch (ComposeEnvironment.UnreadableEnvFile unreadable) {
            throw new ConfigurationException(unreadable.getMessage());
        }
    }

    static PolicyStep.BaselineInput readBaseline(Path file) throws ConfigurationException {
        String shown = FileDiscovery.shown(file);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("baseline file not found: %s (write one with --write-baseline %s)".formatted(shown, shown));
        }
        String text;
        try {
            text = SourceLoader.readText(file);
        } catch (IOException unreadable) {
            throw new ConfigurationException(shown + ": cannot read the baseline: " + SourceLoader.describe(unreadable));
        }
        return new PolicyStep.BaselineInput(Baseline.parse(shown, text), folderOf(file), shown);
    }

    static Path folderOf(Path file) {
        return file.toAbsolutePath().normalize().getParent();
    }

    /** A file found by looking upward, named relative to the working folder when it lies inside it. */
    private static String shownFromWorkingFolder(Path file) {
        Path workingFolder = Path.of("").toAbsolutePath();
        return file.startsWith(workingFolder) ? FileDiscovery.shown(workingFolder.relativize(file)) : file.toString();
    }

    private static Coverage coverage(Discovery discovery, List<LoadedFile> loaded, int rulesRun) {
        Map<SourceKind, Integer> found = new EnumMap<>(SourceKind.class);
        found.putAll(discovery.skippedByKind());
        Map<SourceKind, Integer> loadedCleanly = new EnumMap<>(SourceKind.class);
        for (LoadedFile file : loaded) {
            SourceKind kind = file.file().kind();
            found.merge(kind, 1, Integer::sum);
            loadedCleanly.merge(kind, file.loadedCleanly() ? 1 : 0, Integer::sum);
        }
        found.keySet().forEach(kind -> loadedCleanly.putIfAbsent(kind, 0));
        return new Coverage(found, loadedCleanly, discovery.skipped(), rulesRun);
    }
}
