package dev.shipshape.scan;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.GoverningPolicies;
import dev.shipshape.policy.Suppressions;
import dev.shipshape.report.Report;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an inventory that is already loaded (a live Docker Engine, where {@link Scanner} finds
 * and loads files) the way a scan checks files: the project's policy chooses rules and
 * severities, {@code --rule}/{@code --skip-rule} narrow them, and suppressions hide findings.
 */
public final class InventoryCheck {

    private static final Comparator<SuppressedFinding> SUPPRESSED_BY_LOCATION =
            Comparator.comparing(SuppressedFinding::finding, Finding.BY_LOCATION);

    private InventoryCheck() {
    }

    /**
     * @param configFile {@code --config}; without it, {@code .shipshape.yaml} is looked for upward from the working folder,
     *                   up to the top of its repository
     * @param coverage   what was looked at
     */
    public static ScanOutcome check(LoadResult loaded, Optional<Path> configFile, Set<String> onlyRules,
            Set<String> skipRules, Coverage coverage) throws ConfigurationException {
        GoverningPolicies policies = configFile.isPresent()
                ? GoverningPolicies.fixed(configFile.get(), FileDiscovery.shown(configFile.get()))
                : GoverningPolicies.nearest(Path.of(""));
        Policy policy = policies.of(".").policy();
        List<Rule> rules = RuleSelection.select(BuiltInRules.all(policy.ruleOptions()), policy, onlyRules, skipRules);
        List<Finding> findings = new RuleEngine(rules).run(loaded.inventory()).stream().distinct().map(policy::apply).toList();
        Suppressions.Applied applied = Suppressions.apply(findings, loaded.suppressions(), BuiltInRules.all());
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(applied.diagnostics());
        Report report = new Report(
                applied.findings().stream().sorted(Finding.BY_LOCATION).toList(),
                applied.suppressed().stream().sorted(SUPPRESSED_BY_LOCATION).toList(),
                diagnostics.stream().distinct().sorted(Comparator.comparing(Diagnostic::origin)).toList(),
                new Coverage(coverage.found(), coverage.loaded(), coverage.skipped(), rules.size()),
                rules.stream().map(Rule::info).toList(),
                Optional.empty(),
                policies.filesRead(),
                loaded.inventory());
        return new ScanOutcome(report, policy.failOn());
    }
}
