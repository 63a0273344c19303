package dev.shipshape.report;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.scan.Coverage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a reporter writes: the findings that count, the ones the user suppressed or waived
 * (with why), the problems with the input, what was covered, and how the findings compare with a
 * baseline when one was given.
 *
 * @param findings   after policy (disabled rules removed, severities overridden, waivers and
 *                   suppressions applied; with a baseline, only the new ones), sorted by location
 * @param suppressed findings hidden by a suppression or a waiver, each with the reason given
 * @param rules      every rule that ran (SARIF lists their metadata)
 * @param baseline   how the findings compare with the baseline file, when one was given
 * @param policies   the policy files that governed the run, as shown to the user; empty when the defaults did
 * @param identities what each finding (shown, suppressed or in the baseline) is about and its stable
 *                   fingerprint; a finding missing here (a report built by hand) has neither
 * @param inventory  what the run read (workloads, networks, services…), for reports that draw it; empty when not given
 */
public record Report(
        List<Finding> findings,
        List<SuppressedFinding> suppressed,
        List<Diagnostic> diagnostics,
        Coverage coverage,
        List<RuleInfo> rules,
        Optional<BaselineComparison> baseline,
        List<String> policies,
        Map<Finding, Identity> identities,
        Inventory inventory) {

    public Report {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        diagnostics = List.copyOf(diagnostics);
        rules = List.copyOf(rules);
        policies = List.copyOf(policies);
        identities = Map.copyOf(identities);
        Objects.requireNonNull(inventory, "inventory");
    }

    /** A report that draws on no inventory. */
    public Report(List<Finding> findings, List<SuppressedFinding> suppressed, List<Diagnostic> diagnostics, Coverage coverage,
            List<RuleInfo> rules, Optional<BaselineComparison> baseline, List<String> policies, Map<Finding, Identity> identities) {
        this(findings, suppressed, diagnostics, coverage, rules, baseline, policies, identities, Inventory.empty());
    }

    /** A report whose findings carry no fingerprint or object, and that draws on no inventory. */
    public Report(List<Finding> findings, List<SuppressedFinding> suppressed, List<Diagnostic> diagnostics, Coverage coverage,
            List<RuleInfo> rules, Optional<BaselineComparison> baseline, List<String> policies) {
        this(findings, suppressed, diagnostics, coverage, rules, baseline, policies, Map.of());
    }

    /** A report that names no policy file. */
    public Report(List<Finding> findings, List<SuppressedFinding> suppressed, List<Diagnostic> diagnostics, Coverage coverage,
            List<RuleInfo> rules, Optional<BaselineComparison> baseline) {
        this(findings, suppressed, diagnostics, coverage, rules, baseline, List.of());
    }

    /** A report without a baseline. */
    public Report(List<Finding> findings, List<SuppressedFinding> suppressed, List<Diagnostic> diagnostics, Coverage coverage,
            List<RuleInfo> rules) {
        this(findings, suppressed, diagnostics, coverage, rules, Optional.empty());
    }

    /** The same report showing only {@code shown} of its findings and suppressed findings (identities are kept). */
    public Report showing(List<Finding> shown, List<SuppressedFinding> shownSuppressed, List<RuleInfo> shownRules) {
        return new Report(shown, shownSuppressed, diagnostics, coverage, shownRules, baseline, policies, identities, inventory);
    }

    /** What the finding is about and its fingerprint, when the run worked them out. */
    public Optional<Identity> identity(Finding finding) {
        return Optional.ofNullable(identities.get(finding));
    }

    /** The finding's fix in the terms of the source it came from (a Kubernetes key, a Compose key, a docker run flag). */
    public String remediation(Finding finding) {
        Identity identity = identities.get(finding);
        return finding.rule().remediation(identity == null ? null : identity.kind());
    }

    /**
     * A finding's stable name and object.
     *
     * @param fingerprint see {@code Fingerprints}: rule id, file, object and offending value, never the line
     * @param object      what it is about: {@code services.web}, {@code Deployment/prod/web/app}, {@code container:web},
     *                    {@code daemon}; empty when only its file is known
     * @param kind        the kind of source the object comes from; null when unknown
     */
    public record Identity(String fingerprint, String object, SourceKind kind) {
    }

    /**
     * A finding the user chose to hide, and the reason and place: an inline suppression in the
     * scanned file, or a waiver in the configuration file (then {@code waiver} says who accepted
     * the risk and until when).
     */
    public record SuppressedFinding(Finding finding, String reason, Origin suppressedAt, WaiverInfo waiver) {

        /** A finding hidden by a suppression in the scanned input. */
        public SuppressedFinding(Finding finding, String reason, Origin suppressedAt) {
            this(finding, reason, suppressedAt, null);
        }

        public boolean isWaived() {
            return waiver != null;
        }
    }

    /** Who accepted a waived finding's risk, and the last day the waiver holds. */
    public record WaiverInfo(String owner, LocalDate expires) {
    }

    /**
     * The findings of this run against a baseline file.
     *
     * @param file      the baseline as given on the command line
     * @param unchanged findings that are in the baseline (not counted as findings of this run)
     * @param fixed     baseline entries no finding matches any more
     */
    public record BaselineComparison(String file, List<Finding> unchanged, List<FixedFinding> fixed) {

        public BaselineComparison {
            unchanged = List.copyOf(unchanged);
            fixed = List.copyOf(fixed);
        }
    }

    /** A baseline entry that no longer matches a finding: fixed, or its file was not scanned. */
    public record FixedFinding(String fingerprint, String ruleId, String rule, String file, String object, String message) {
    }
}
