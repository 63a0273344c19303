package dev.shipshape.report;

import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which findings a report shows ({@code --pillar}, {@code --severity}). Hidden findings are left out
 * of the counts too, and never fail the run.
 *
 * @param pillars    the pillars shown
 * @param severities the severities shown
 */
public record FindingFilter(Set<Pillar> pillars, Set<Severity> severities) {

    public static final FindingFilter ALL = new FindingFilter(EnumSet.allOf(Pillar.class), EnumSet.allOf(Severity.class));

    public FindingFilter {
        pillars = Set.copyOf(pillars);
        severities = Set.copyOf(severities);
    }

    /**
     * @param pillars    as given; none means all
     * @param severities as given: none means all, one is a floor ({@code medium}: medium and worse),
     *                   several are exactly those ({@code high,critical})
     */
    public static FindingFilter of(List<Pillar> pillars, List<Severity> severities) {
        Set<Pillar> shownPillars = pillars.isEmpty() ? EnumSet.allOf(Pillar.class) : EnumSet.copyOf(pillars);
        Set<Severity> shownSeverities = EnumSet.noneOf(Severity.class);
        if (severities.isEmpty()) {
            shownSeverities.addAll(EnumSet.allOf(Severity.class));
        } else if (severities.size() == 1) {
            for (Severity severity : Severity.values()) if (severity.isAtLeast(severities.getFirst())) shownSeverities.add(severity);
        } else {
            shownSeverities.addAll(severities);
        }
        return new FindingFilter(shownPillars, shownSeverities);
    }

    public boolean shows(Finding finding) {
        return pillars.contains(finding.rule().pillar()) && severities.contains(finding.severity());
    }

    /** The report with only the findings shown; the rules listed are those of the pillars shown. */
    public Report apply(Report report) {
        List<RuleInfo> rules = report.rules().stream().filter(rule -> pillars.contains(rule.pillar())).toList();
        return report.showing(
                report.findings().stream().filter(this::shows).toList(),
                report.suppressed().stream().filter(entry -> shows(entry.finding())).toList(),
                rules);
    }
}
