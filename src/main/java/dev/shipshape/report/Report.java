package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.scan.Coverage;
import java.util.List;

/**
 * Everything a reporter writes: the findings that count, the ones the user suppressed (with
 * why), the problems with the input, and what was covered.
 *
 * @param findings   after policy (disabled rules removed, severities overridden), sorted by location
 * @param suppressed findings hidden by a suppression, each with the reason given
 * @param rules      every rule that ran (SARIF lists their metadata)
 */
public record Report(
        List<Finding> findings,
        List<SuppressedFinding> suppressed,
        List<Diagnostic> diagnostics,
        Coverage coverage,
        List<RuleInfo> rules) {

    public Report {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        diagnostics = List.copyOf(diagnostics);
        rules = List.copyOf(rules);
    }

    /** A finding the user chose to hide, and the suppression's reason and place. */
    public record SuppressedFinding(Finding finding, String reason, dev.shipshape.model.Origin suppressedAt) {
    }
}
