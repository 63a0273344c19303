package dev.shipshape.scan;

import dev.shipshape.policy.Baseline;
import dev.shipshape.policy.Waivers;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished scan: the report, and the failing threshold the configuration file sets
 * ({@code fail-on:}), which {@code --fail-on} overrides.
 *
 * @param configuredFailOn the threshold of the one policy that governed the run; empty when none set one,
 *                         or when several policies did (then {@code failOnByFile} says)
 * @param waivers          every waiver of the configuration and what it did in this scan
 * @param baselineToWrite  this scan's findings as a baseline, when {@code --write-baseline} asked for one
 * @param failOnByFile     per file, the threshold of the policy that governs it, for files whose policy sets one
 */
public record ScanOutcome(Report report, Optional<Severity> configuredFailOn, List<Waivers.Use> waivers, Optional<Baseline> baselineToWrite,
        Map<String, Severity> failOnByFile) {

    public ScanOutcome {
        waivers = List.copyOf(waivers);
        failOnByFile = Map.copyOf(failOnByFile);
    }

    public ScanOutcome(Report report, Optional<Severity> configuredFailOn, List<Waivers.Use> waivers, Optional<Baseline> baselineToWrite) {
        this(report, configuredFailOn, waivers, baselineToWrite, Map.of());
    }

    public ScanOutcome(Report report, Optional<Severity> configuredFailOn) {
        this(report, configuredFailOn, List.of(), Optional.empty());
    }

    /** The threshold the policy governing this finding's file sets, if it sets one. */
    public Optional<Severity> configuredFailOn(Finding finding) {
        Severity perFile = failOnByFile.get(finding.origin().source());
        return perFile != null ? Optional.of(perFile) : configuredFailOn;
    }
}
