package dev.shipshape.scan;

import dev.shipshape.report.Report;
import dev.shipshape.rules.Severity;
import java.util.Optional;

/**
 * A finished scan: the report, and the failing threshold the configuration file sets
 * ({@code fail-on:}), which {@code --fail-on} overrides.
 */
public record ScanOutcome(Report report, Optional<Severity> configuredFailOn) {
}
