package dev.shipshape.rules;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, from worst to mildest. */
public enum Severity {
    CRITICAL(9.5),
    HIGH(8.0),
    MEDIUM(5.5),
    LOW(3.0),
    INFO(0.5);

    private final double securitySeverity;

    Severity(double securitySeverity) {
        this.securitySeverity = securitySeverity;
    }

    /** The CVSS-like score GitHub code scanning buckets SARIF results by. */
    public double securitySeverity() {
        return securitySeverity;
    }

    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) return Optional.empty();
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(text.trim())) return Optional.of(severity);
        }
        return Optional.empty();
    }
}
