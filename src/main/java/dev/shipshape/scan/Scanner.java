package dev.shipshape.scan;

import dev.shipshape.load.compose.ComposeEnvironment;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.policy.Baseline;
import dev.shipshape.policy.GoverningPolicies;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.policy.PolicyStep;
import dev.shipshape.policy.Waivers;
import dev.shipshape.report.Report;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleEngine;
import dev.shipshape.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
        GoverningPolicies policies = request.configFile().isPresent()
                ? GoverningPolicies.fixed(request.configFile().get(), FileDiscovery.shown(request.configFile().get()))
                : GoverningPolicies.nearest(Path.of(""));
        Optional<PolicyStep.BaselineInput> baseline = request.baseline().isPresent()
                ? Optional.of(readBaseline(request.baseline().get())) : Optional.empty();
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
        Map<GoverningPolicies.Governing, Set<String>> governed = governed(policies, loaded);
        PolicyRuns runs = new PolicyRuns(policies, governed.size() > 1);
        for (var entry : governed.entrySet()) runs.run(entry.getKey(), scanned, suppressions, request);
        PolicyStep.Compared compared = PolicyStep.compare(scanned, runs.findings, baseline, request.writeBaseline().map(Scanner::folderOf));
        diagnostics.addAll(runs.diagnostics);

        List<Rule> rules = runs.rules.values().stream().toList();
        Report report = new Report(
                compared.reported().stream().sorted(Finding.BY_LOCATION).toList(),
                runs.suppressed.stream().sorted(SUPPRESSED_BY_LOCATION).toList(),
                diagnostics.stream().distinct().sorted(Comparator.comparing(Diagnostic::origin)).toList(),
                coverage(discovery, loaded, rules.size()),
                rules.stream().map(Rule::info).toList(),
                compared.comparison(),
                policies.filesRead());
        Optional<Severity> failOn = governed.size() == 1 ? governed.keySet().iterator().next().policy().failOn() : Optional.empty();
        return new ScanOutcome(report, failOn, runs.waivers, compared.current(), governed.size() == 1 ? Map.of() : runs.failOnByFile(governed));
    }

    /**
     * The policies that govern the files of this scan (those found and those read beside them),
     * each with its files. With no file at all, the policy of the working folder, so that a bad
     * policy file is still reported.
     */
    private static Map<GoverningPolicies.Governing, Set<String>> governed(GoverningPolicies policies, List<LoadedFile> loaded)
            throws ConfigurationException {
        Map<GoverningPolicies.Governing, Set<String>> governed = new LinkedHashMap<>();
        for (LoadedFile file : loaded) {
            List<String> files = new ArrayList<>();
            files.add(file.file().shownPath());
            files.addAll(file.result().filesRead());
            for (String shown : files) governed.computeIfAbsent(policies.of(shown), policy -> new TreeSet<>()).add(shown);
        }
        if (governed.isEmpty()) governed.put(policies.of("."), new TreeSet<>());
        return governed;
    }

    /**
     * The rules and policy of each governing policy file, applied to the files it governs. Every
     * run sees the whole inventory, so a rule across objects (a Service and the Deployment it
     * selects) still sees objects of other folders; a finding counts under the policy of the file
     * it points at, and so do its severity, waivers, suppressions and failing threshold.
     */
    private final class PolicyRuns {
        private final GoverningPolicies policies;
        private final boolean several;
        final List<Finding> findings = new ArrayList<>();
        final List<SuppressedFinding> suppressed = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final List<Waivers.Use> waivers = new ArrayList<>();
        final Map<String, Rule> rules = new LinkedHashMap<>();

        PolicyRuns(GoverningPolicies policies, boolean several) {
            this.policies = policies;
            this.several = several;
        }

        void run(GoverningPolicies.Governing governing, Inventory inventory, List<Suppression> suppressions, ScanRequest request)
                throws ConfigurationException {
            Policy policy = governing.policy();
            List<Rule> available = Stream.concat(BuiltInRules.all(policy.ruleOptions()).stream(), policy.customRuleList().stream()).toList();
            List<Rule> knownRules = Stream.concat(BuiltInRules.all().stream(), policy.customRuleList().stream()).toList();
            List<Rule> selected = select(available, policy, request);
            List<Finding> own = new ArrayList<>();
            for (Finding finding : new RuleEngine(selected).run(inventory)) {
                if (isGoverned(finding.origin().source(), governing)) own.add(finding);
            }
            List<Suppression> ownSuppressions = new ArrayList<>();
            for (Suppression suppression : suppressions) {
                if (isGoverned(suppression.file(), governing)) ownSuppressions.add(suppression);
            }
            Set<String> rulesRun = selected.stream().map(rule -> rule.info().name()).collect(Collectors.toSet());
            PolicyStep.Result result = new PolicyStep(policy, knownRules, LocalDate.now(clock))
                    .apply(inventory, own, ownSuppressions, rulesRun, Optional.empty(), Optional.empty());
            findings.addAll(result.findings());
            suppressed.addAll(result.suppressed());
            diagnostics.addAll(result.diagnostics());
            waivers.addAll(result.waivers());
            for (Rule rule : selected) rules.putIfAbsent(rule.info().id(), rule);
        }

        /**
         * {@code --rule} and {@code --skip-rule} may name a custom rule of another policy file: the
         * names are checked against every policy's rules together, and each policy runs those it has.
         */
        private List<Rule> select(List<Rule> available, Policy policy, ScanRequest request) throws ConfigurationException {
            if (!several) return RuleSelection.select(available, policy, request.onlyRules(), request.skipRules());
            Set<String> only = knownTo(available, request.onlyRules());
            if (!request.onlyRules().isEmpty() && only.isEmpty()) return List.of();
            return RuleSelection.select(available, policy, only, knownTo(available, request.skipRules()));
        }

        private static Set<String> knownTo(List<Rule> available, Set<String> names) {
            return names.stream().filter(name -> available.stream().anyMatch(rule -> rule.info().answersTo(name)))
                    .collect(Collectors.toSet());
        }

        private boolean isGoverned(String file, GoverningPolicies.Governing governing) throws ConfigurationException {
            return !several || policies.of(file).equals(governing);
        }

        /** Each file's threshold, from the policy that governs it. */
        Map<String, Severity> failOnByFile(Map<GoverningPolicies.Governing, Set<String>> governed) throws ConfigurationException {
            Map<String, Severity> byFile = new HashMap<>();
            for (Finding finding : findings) {
                String file = finding.origin().source();
                if (!byFile.containsKey(file)) policies.of(file).policy().failOn().ifPresent(level -> byFile.put(file, level));
            }
            for (var entry : governed.entrySet()) {
                entry.getKey().policy().failOn().ifPresent(level -> entry.getValue().forEach(file -> byFile.putIfAbsent(file, level)));
            }
            return byFile;
        }
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
