package dev.shipshape.policy;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Suppression;
import dev.shipshape.policy.cel.CustomRule;
import dev.shipshape.report.Report.BaselineComparison;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Rule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What happens to the rules' findings before they are reported, the same for every door (scan,
 * audit, gate): the policy's severities, then waivers, then suppressions in the input, then the
 * baseline. Waivers go before suppressions so that a waiver, the audited way to accept a risk, is
 * the one credited when both cover a finding.
 *
 * @param policy     the project's configuration
 * @param knownRules every rule that exists, custom ones included (to tell a typo in a suppression from a rule not run)
 * @param today      the day waivers are judged on
 */
public record PolicyStep(Policy policy, List<Rule> knownRules, LocalDate today) {

    public PolicyStep {
        knownRules = List.copyOf(knownRules);
    }

    /** A baseline to compare with: its entries, the folder its paths are relative to, and how reports name it. */
    public record BaselineInput(Baseline baseline, Path folder, String shownPath) {
    }

    /**
     * @param findings   what is reported (with a baseline: only what is new)
     * @param suppressed findings hidden by waivers and by suppressions
     * @param diagnostics warnings about waivers, suppressions and custom rules
     * @param current    every finding that was not hidden, as a baseline (when one was asked for)
     */
    public record Result(
            List<Finding> findings,
            List<SuppressedFinding> suppressed,
            List<Diagnostic> diagnostics,
            List<Waivers.Use> waivers,
            Optional<BaselineComparison> baseline,
            Optional<Baseline> current) {
    }

    /**
     * @param rulesRun          names of the rules that ran
     * @param compareWith       the baseline to report new findings against, if any
     * @param baselineFolderToWrite the folder of a baseline file to be written, if one is asked for
     */
    public Result apply(Inventory inventory, List<Finding> findings, List<Suppression> suppressions, Set<String> rulesRun,
            Optional<BaselineInput> compareWith, Optional<Path> baselineFolderToWrite) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (CustomRule rule : policy.customRules()) diagnostics.addAll(rule.drainProblems());

        List<Finding> severe = new ArrayList<>(findings.size());
        // a loop, not a stream: the gate applies the policy per request, mostly to no finding or one
        for (Finding finding : findings.size() < 2 ? findings : new LinkedHashSet<>(findings)) severe.add(policy.apply(finding));
        Function<Finding, Subject> subjects = lazySubjects(inventory);
        Waivers.Applied waived = Waivers.apply(policy.waivers(), severe, subjects, today, rulesRun);
        diagnostics.addAll(waived.diagnostics());
        Suppressions.Applied applied = Suppressions.apply(waived.findings(), suppressions, knownRules);
        diagnostics.addAll(applied.diagnostics());
        List<SuppressedFinding> hidden = new ArrayList<>(waived.waived());
        hidden.addAll(applied.suppressed());

        Compared compared = compare(applied.findings(), subjects, compareWith, baselineFolderToWrite);
        return new Result(compared.reported(), hidden, diagnostics, waived.uses(), compared.comparison(), compared.current());
    }

    /**
     * The findings that survived policies, compared with a baseline: what a scan governed by several
     * policy files does once, after each policy has been applied to the files it governs.
     *
     * @param reported   with a baseline, only the new findings; else all of them
     * @param comparison how they compare with the baseline, if one was given
     * @param current    all of them as a baseline, if one is to be written
     */
    public record Compared(List<Finding> reported, Optional<BaselineComparison> comparison, Optional<Baseline> current) {
    }

    public static Compared compare(Inventory inventory, List<Finding> findings, Optional<BaselineInput> compareWith,
            Optional<Path> baselineFolderToWrite) {
        return compare(findings, lazySubjects(inventory), compareWith, baselineFolderToWrite);
    }

    private static Compared compare(List<Finding> findings, Function<Finding, Subject> subjects, Optional<BaselineInput> compareWith,
            Optional<Path> baselineFolderToWrite) {
        List<Finding> reported = findings;
        Optional<BaselineComparison> comparison = Optional.empty();
        if (compareWith.isPresent()) {
            BaselineInput input = compareWith.get();
            Baseline.Comparison compared = input.baseline().compare(reported, subjects, new Fingerprints(input.folder()), input.shownPath());
            reported = compared.newFindings();
            comparison = Optional.of(compared.summary());
        }
        Optional<Baseline> current = baselineFolderToWrite.map(folder -> Baseline.of(findings, subjects, new Fingerprints(folder)));
        return new Compared(reported, comparison, current);
    }

    /** Attribution costs a pass over the inventory: it is made only when a waiver or a baseline asks for it. */
    private static Function<Finding, Subject> lazySubjects(Inventory inventory) {
        return new Function<>() {
            private Subjects subjects;

            @Override
            public Subject apply(Finding finding) {
                if (subjects == null) subjects = new Subjects(inventory);
                return subjects.of(finding);
            }
        };
    }
}
