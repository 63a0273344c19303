package dev.shipshape.policy;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.report.Report.SuppressedFinding;
import dev.shipshape.report.Report.WaiverInfo;
import dev.shipshape.rules.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a project's waivers to findings. A waiver in force hides the findings of its rule about
 * its target; an expired one hides nothing, and each finding it would have hidden says which waiver
 * expired and when. Warnings, at the waiver's line: a waiver that ends within
 * {@value Waiver#EXPIRING_DAYS} days, and one that matches no finding although its rule ran.
 */
public final class Waivers {

    private Waivers() {
    }

    /** What one waiver did in a run. */
    public record Use(Waiver waiver, Waiver.Status status, int matched) {
    }

    /**
     * @param findings the findings left, expired waivers noted in their messages
     * @param waived   the findings hidden, each with its waiver
     * @param uses     every waiver with its status, in the configuration's order
     */
    public record Applied(List<Finding> findings, List<SuppressedFinding> waived, List<Diagnostic> diagnostics, List<Use> uses) {

        public Applied {
            findings = List.copyOf(findings);
            waived = List.copyOf(waived);
            diagnostics = List.copyOf(diagnostics);
            uses = List.copyOf(uses);
        }
    }

    /**
     * @param subjects what each finding is about (asked only when there are waivers)
     * @param rulesRun names of the rules that ran: a waiver of a rule that did not run is not called unused
     */
    public static Applied apply(List<Waiver> waivers, List<Finding> findings, Function<Finding, Subject> subjects,
            LocalDate today, Set<String> rulesRun) {
        if (waivers.isEmpty()) return new Applied(findings, List.of(), List.of(), List.of());
        Map<Waiver, Integer> matched = new IdentityHashMap<>();
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> waived = new ArrayList<>();
        for (Finding finding : findings) {
            List<Waiver> matching = waivers.stream().filter(waiver -> waiver.rule().equals(finding.rule().name())).toList();
            if (matching.isEmpty()) {
                kept.add(finding);
                continue;
            }
            Subject subject = subjects.apply(finding);
            Waiver inForce = null;
            Waiver expired = null;
            for (Waiver waiver : matching) {
                if (!waiver.target().matches(subject)) continue;
                matched.merge(waiver, 1, Integer::sum);
                if (!waiver.isExpired(today) && inForce == null) inForce = waiver;
                if (waiver.isExpired(today) && expired == null) expired = waiver;
            }
            if (inForce != null) {
                waived.add(new SuppressedFinding(finding, inForce.reason(), inForce.origin(),
                        new WaiverInfo(inForce.owner(), inForce.expires())));
            } else if (expired != null) {
                kept.add(new Finding(finding.rule(), finding.severity(), finding.origin(), finding.message()
                        + " (the waiver at %s:%d by %s expired on %s)".formatted(expired.origin().source(), expired.origin().line(),
                        expired.owner(), expired.expires())));
            } else {
                kept.add(finding);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Use> uses = new ArrayList<>();
        for (Waiver waiver : waivers) {
            int count = matched.getOrDefault(waiver, 0);
            boolean ran = rulesRun.contains(waiver.rule());
            Waiver.Status status = statusOf(waiver, today, ran ? count : -1);
            uses.add(new Use(waiver, status, count));
            switch (status) {
                case EXPIRING -> diagnostics.add(Diagnostic.warning(waiver.origin(), "%s (owner %s) expires on %s (%s); renew it or fix the finding"
                        .formatted(waiver.describe(), waiver.owner(), waiver.expires(), inDays(waiver.daysLeft(today)))));
                case UNUSED -> diagnostics.add(Diagnostic.warning(waiver.origin(),
                        "%s matches no finding; remove it if the problem is fixed, or correct its target".formatted(waiver.describe())));
                case EXPIRED -> {
                    if (count == 0 && ran) {
                        diagnostics.add(Diagnostic.warning(waiver.origin(), "%s expired on %s and matches no finding; remove it"
                                .formatted(waiver.describe(), waiver.expires())));
                    }
                }
                case ACTIVE -> {
                }
            }
        }
        return new Applied(kept, waived, diagnostics, uses);
    }

    /**
     * @param matched how many findings it matched, or -1 when that is not known (no scan, or its rule did not run)
     */
    public static Waiver.Status statusOf(Waiver waiver, LocalDate today, int matched) {
        if (waiver.isExpired(today)) return Waiver.Status.EXPIRED;
        if (matched == 0) return Waiver.Status.UNUSED;
        return waiver.statusOn(today);
    }

    private static String inDays(long days) {
        if (days == 0) return "today";
        return days == 1 ? "tomorrow" : "in " + days + " days";
    }
}
