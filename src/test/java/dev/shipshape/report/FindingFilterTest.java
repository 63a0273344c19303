package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingFilterTest {

    private static List<String> shown(FindingFilter filter) {
        return filter.apply(SampleReports.full()).findings().stream()
                .map(finding -> finding.rule().name() + "@" + finding.severity().label()).toList();
    }

    @Test
    void oneSeverityIsAFloor() {
        assertThat(shown(FindingFilter.of(List.of(), List.of(Severity.HIGH))))
                .containsExactly("privileged-container@critical", "host-network@high", "host-network@high");
    }

    @Test
    void severalSeveritiesAreExactlyThose() {
        assertThat(shown(FindingFilter.of(List.of(), List.of(Severity.CRITICAL, Severity.LOW))))
                .containsExactly("privileged-container@critical", "missing-healthcheck@low", "default-bridge-network@low");
    }

    @Test
    void pillarsNarrowFindingsAndTheRulesListed() {
        Report report = FindingFilter.of(List.of(Pillar.NETWORKING), List.of()).apply(SampleReports.full());

        assertThat(report.findings()).extracting(finding -> finding.rule().name())
                .containsExactly("host-network", "host-network", "default-bridge-network");
        assertThat(report.rules()).allMatch(rule -> rule.pillar() == Pillar.NETWORKING).isNotEmpty();
        assertThat(report.suppressed()).allMatch(entry -> entry.finding().rule().pillar() == Pillar.NETWORKING);
    }

    @Test
    void nothingGivenShowsEverything() {
        assertThat(FindingFilter.of(List.of(), List.of()).apply(SampleReports.full()).findings())
                .containsExactlyElementsOf(SampleReports.full().findings());
        assertThat(FindingFilter.ALL.shows(Finding.of(SampleReports.PRIVILEGED, dev.shipshape.model.Origin.at("a", 1, 1), "m"))).isTrue();
    }
}
