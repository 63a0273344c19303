package dev.shipshape.cli;

import dev.shipshape.rules.Severity;

/** {@code critical, high, medium, low, info} for {@code --severity} and {@code --fail-on}. */
final class SeverityChoice extends EnumChoice<Severity> {

    SeverityChoice() {
        super(Severity.class);
    }
}
