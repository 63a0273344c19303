package dev.shipshape.scan;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.policy.Fingerprints;
import dev.shipshape.policy.GoverningPolicies;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyStep;
import dev.shipshape.report.Report;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks an inventory that is already loaded (a live Docker Engine, where {@link Scanner} finds
 * and loads files) the way a scan checks files: the project's policy chooses rules and
 * severities, {@code --rule}/{@code --skip-rule} narrow them, waivers ({@code container:web},
 * {@code daemon}, …) and suppressions hide findings, and a baseline holds back known ones.
 */
public final class InventoryCheck {

    private static final Comparator<SuppressedFinding> SUPPRESSED_BY_LOCATION =
            Comparator.comparing(SuppressedFinding::finding, Finding.BY_LOCATION);

    private InventoryCheck() {
    }

    /** Baseline files for a live audit: one to compare with, one to write; live findings carry no file, so paths do not matter. */
    public record Baselines(Optional<Path> compareWith, Optional<Path> write) {
        public static final Baselines NONE = new Baselines(Optional.empty(), Optional.empty());
    }

    /**
     * @param configFile {@code --config}; without it, {@code .shipshape.yaml} is looked for upward from the working folder,
     *                   up to the top of its repository
     * @param coverage   what was looked at
     */
    public static ScanOutcome check(LoadResult loaded, Optional<Path> configFile, Set<String> onlyRules,
            Set<String> skipRules, Coverage coverage) throws ConfigurationException {
        return check(loaded, configFile, onlyRules, skipRules, coverage, Baselines.NONE, Clock.systemDefaultZone());
    }

    /** @param clock what "today" is for waivers (tests fix it) */
    public static ScanOutcome check(LoadResult loaded, Optional<Path> configFile, Set<String> onlyRules,
            Set<String> skipRules, Coverage coverage, Baselines baselines, Clock clock) throws ConfigurationException {
        GoverningPolicies policies = configFile.isPresent()
                ? GoverningPolicies.fixed(configFile.get(), FileDiscovery.shown(configFile.get()))
                : GoverningPolicies.nearest(Path.of(""));
        Policy policy = policies.of(".").policy();
        List<Rule> available = Stream.concat(BuiltInRules.all(policy.ruleOptions()).stream(), policy.customRuleList().stream()).toList();
        List<Rule> known = Stream.concat(BuiltInRules.all().stream(), policy.customRuleList().stream()).toList();
        List<Rule> rules = RuleSelection.select(available, policy, onlyRules, skipRules);
        Optional<PolicyStep.BaselineInput> compareWith = baselines.compareWith().isPresent()
                ? Optional.of(Scanner.readBaseline(baselines.compareWith().get())) : Optional.empty();
        List<Finding> findings = new RuleEngine(rules).run(loaded.inventory());
        Set<String> ran = rules.stream().map(rule -> rule.info().name()).collect(Collectors.toSet());
        PolicyStep.Result result = new PolicyStep(policy, known, LocalDate.now(clock)).apply(loaded.inventory(), findings,
                loaded.suppressions(), ran, compareWith, baselines.write().map(Scanner::folderOf));
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(result.diagnostics());
        List<Finding> identified = new ArrayList<>(result.findings());
        result.suppressed().forEach(entry -> identified.add(entry.finding()));
        result.baseline().ifPresent(comparison -> identified.addAll(comparison.unchanged()));
        Report report = new Report(
                result.findings().stream().sorted(Finding.BY_LOCATION).toList(),
                result.suppressed().stream().sorted(SUPPRESSED_BY_LOCATION).toList(),
                diagnostics.stream().distinct().sorted(Comparator.comparing(Diagnostic::origin)).toList(),
                new Coverage(coverage.found(), coverage.loaded(), coverage.skipped(), rules.size(), coverage.cluster()),
                rules.stream().map(Rule::info).toList(),
                result.baseline(),
                policies.filesRead(),
                new Fingerprints(Path.of("")).identify(loaded.inventory(), identified),
                loaded.inventory());
        return new ScanOutcome(report, policy.failOn(), result.waivers(), result.current());
    }
}
