package dev.shipshape.report.html;

import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Severity;
import java.util.Collection;

/**
 * Whether a pillar or an application is ready for production, decided by one rule that the page
 * states ({@link #RULE}): the worst shown finding decides. Suppressed and waived findings, and
 * findings a baseline already holds, do not count: the policy accepted them.
 */
enum Verdict {
    NOT_READY("not ready", "not-ready"),
    AT_RISK("at risk", "at-risk"),
    READY("ready", "ready"),
    NOT_ASSESSED("not assessed", "not-assessed");

    /** The rule, as written on the page. */
    static final String RULE = "not ready: any critical or high finding; at risk: any medium finding (and no critical or high); "
            + "ready: only low or info findings, or none. A pillar is judged only where one of its rules applies to what "
            + "was scanned; otherwise it is not assessed.";

    private final String label;
    private final String cssClass;

    Verdict(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    String label() {
        return label;
    }

    String cssClass() {
        return cssClass;
    }

    /** The verdict for these findings, where the pillar or application is assessed at all. */
    static Verdict of(Collection<Finding> findings, boolean assessed) {
        if (!assessed) return NOT_ASSESSED;
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
        return switch (worst) {
            case CRITICAL, HIGH -> NOT_READY;
            case MEDIUM -> AT_RISK;
            case LOW, INFO -> READY;
        };
    }

    /** The worse of two verdicts; "not assessed" yields to any verdict. */
    Verdict worse(Verdict other) {
        if (this == NOT_ASSESSED) return other;
        if (other == NOT_ASSESSED) return this;
        return compareTo(other) <= 0 ? this : other;
    }
}
