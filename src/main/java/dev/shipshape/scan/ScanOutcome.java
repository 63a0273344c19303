package dev.shipshape.scan;

import dev.shipshape.policy.Baseline;
import dev.shipshape.policy.Waivers;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A finished scan: the report, and the failing threshold the configuration file sets
 * ({@code fail-on:}), which {@code --fail-on} overrides.
 *
 * @param waivers          every waiver of the configuration and what it did in this scan
 * @param baselineToWrite  this scan's findings as a baseline, when {@code --write-baseline} asked for one
 */
public record ScanOutcome(Report report, Optional<Severity> configuredFailOn, List<Waivers.Use> waivers, Optional<Baseline> baselineToWrite) {

    public ScanOutcome {
        waivers = List.copyOf(waivers);
    }

    public ScanOutcome(Report report, Optional<Severity> configuredFailOn) {
        this(report, configuredFailOn, List.of(), Optional.empty());
    }
}
