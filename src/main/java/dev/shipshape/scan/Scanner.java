package dev.shipshape.scan;

import dev.shipshape.load.compose.ComposeEnvironment;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.policy.Baseline;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.policy.PolicyStep;
import dev.shipshape.report.Report;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleEngine;
import java.io.IOException;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A whole {@code shipshape scan}: reads the policy (with its custom rules compiled), finds the
 * files ({@link FileDiscovery}), loads them ({@link FoundFileLoader}), runs the selected rules over
 * everything at once (so that rules across files, such as a Compose service and its Dockerfile,
 * see both), then applies the policy ({@link PolicyStep}: severities, waivers, suppressions, the
 * baseline), and accounts for what it looked at ({@link Coverage}).
 *
 * <p>Bad input never stops a scan; a bad configuration, baseline or command line does
 * ({@link ConfigurationException}). With no paths it scans the current folder.
 */
public final class Scanner {

    private static final Comparator<SuppressedFinding> SUPPRESSED_BY_LOCATION =
            Comparator.comparing(SuppressedFinding::finding, Finding.BY_LOCATION);

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
        Policy policy = policy(request.configFile(), paths.getFirst());
        Optional<PolicyStep.BaselineInput> baseline = request.baseline().isPresent()
                ? Optional.of(readBaseline(request.baseline().get())) : Optional.empty();
        List<Rule> available = Stream.concat(BuiltInRules.all(policy.ruleOptions()).stream(), policy.customRuleList().stream()).toList();
        List<Rule> knownRules = Stream.concat(BuiltInRules.all().stream(), policy.customRuleList().stream()).toList();
        List<Rule> rules = RuleSelection.select(available, policy, request.onlyRules(), request.skipRules());
        Discovery discovery = new FileDiscovery(request.excludes(), request.maxFileSize()).discover(paths);

        List<Diagnostic> diagnostics = new ArrayList<>(discovery.diagnostics());
        ComposeEnvironment compose = composeEnvironment(request, diagnostics);
        FoundFileLoader loader = new FoundFileLoader(new SourceLoader(compose));
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
        List<Finding> findings = new RuleEngine(rules).run(scanned);
        Set<String> rulesRun = rules.stream().map(rule -> rule.info().name()).collect(Collectors.toSet());
        PolicyStep.Result result = new PolicyStep(policy, knownRules, LocalDate.now(clock))
                .apply(scanned, findings, suppressions, rulesRun, baseline, request.writeBaseline().map(Scanner::folderOf));
        diagnostics.addAll(result.diagnostics());

        Report report = new Report(
                result.findings().stream().sorted(Finding.BY_LOCATION).toList(),
                result.suppressed().stream().sorted(SUPPRESSED_BY_LOCATION).toList(),
                diagnostics.stream().distinct().sorted(Comparator.comparing(Diagnostic::origin)).toList(),
                coverage(discovery, loaded, rules.size()),
                rules.stream().map(Rule::info).toList(),
                result.baseline());
        return new ScanOutcome(report, policy.failOn(), result.waivers(), result.current());
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

    private static ComposeEnvironment composeEnvironment(ScanRequest request, List<Diagnostic> diagnostics) throws ConfigurationException {
        ScanRequest.ComposeOptions options = request.compose();
        try {
            return ComposeEnvironment.fromCommandLine(request.environment(), options.envFiles(), options.variables(), options.strictEnv(),
                    diagnostics);
        } catch (ComposeEnvironment.UnreadableEnvFile unreadable) {
            throw new ConfigurationException(unreadable.getMessage());
        }
    }

    private static PolicyStep.BaselineInput readBaseline(Path file) throws ConfigurationException {
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

    private static Path folderOf(Path file) {
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
