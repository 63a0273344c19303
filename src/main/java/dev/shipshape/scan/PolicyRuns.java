package dev.shipshape.scan;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Suppression;
import dev.shipshape.policy.GoverningPolicies;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyStep;
import dev.shipshape.policy.Waivers;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import dev.shipshape.rules.RuleEngine;
import dev.shipshape.rules.RuleOptions;
import dev.shipshape.rules.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The rules and policy of each governing policy file, applied to the files it governs. Every
 * run sees the whole inventory, so a rule across objects (a Service and the Deployment it
 * selects) still sees objects of other folders; a finding counts under the policy of the file
 * it points at, and so do its severity, waivers, suppressions and failing threshold.
 */
final class PolicyRuns {
    private final GoverningPolicies policies;
    private final boolean several;
    private final LocalDate today;
    final List<Finding> findings = new ArrayList<>();
    final List<SuppressedFinding> suppressed = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Waivers.Use> waivers = new ArrayList<>();
    final Map<String, Rule> rules = new LinkedHashMap<>();

    PolicyRuns(GoverningPolicies policies, boolean several, LocalDate today) {
        this.policies = policies;
        this.several = several;
        this.today = today;
    }

    void run(GoverningPolicies.Governing governing, Inventory inventory, List<Suppression> suppressions, ScanRequest request)
            throws ConfigurationException {
        Policy policy = governing.policy();
        RuleOptions options = request.kubernetesVersion().map(policy.ruleOptions()::withKubernetesVersion).orElse(policy.ruleOptions());
        List<Rule> available = Stream.concat(BuiltInRules.all(options).stream(), policy.customRuleList().stream()).toList();
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
        PolicyStep.Result result = new PolicyStep(policy, knownRules, today)
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
        return names.stream().filter(name -> available.stream().anyMatch(rule -> RuleSelection.matches(rule.info(), name)))
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

    /**
     * The policies that govern the files of this scan (those found and those read beside them),
     * each with its files. With no file at all, the policy of the working folder, so that a bad
     * policy file is still reported.
     */
    static Map<GoverningPolicies.Governing, Set<String>> governed(GoverningPolicies policies, List<LoadedFile> loaded)
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
}
