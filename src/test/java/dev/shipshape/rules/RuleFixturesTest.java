package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each rule alone over its fixture folder and demands exactly the findings of its
 * {@code expected.txt}: every expected one found, nothing else found (error-prone's both-ways check).
 */
class RuleFixturesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.shipshape.rules.RuleFixtures#ruleFolders")
    void findsExactlyTheExpectedFindings(String ruleName) throws IOException {
        Rule rule = BuiltInRules.byName(ruleName)
                .orElseThrow(() -> new AssertionError("fixture folder " + ruleName + " names no built-in rule"));
        Path folder = RuleFixtures.ROOT.resolve(ruleName);
        SourceLoader loader = new SourceLoader(RuleFixtures.ENVIRONMENT);

        List<Finding> actual = new ArrayList<>();
        for (RuleFixtures.FixtureFile fixture : RuleFixtures.filesOf(folder)) {
            LoadResult loaded = loader.load(fixture.path(), fixture.shownPath(), fixture.kind());
            assertThat(loaded.diagnostics())
                    .as("fixture %s must load cleanly", fixture.shownPath())
                    .filteredOn(diagnostic -> diagnostic.level() != Diagnostic.Level.INFO)
                    .isEmpty();
            actual.addAll(RuleEngine.only(rule).run(loaded.inventory()));
        }
        List<ExpectedFinding> expected = ExpectedFinding.read(folder.resolve("expected.txt"));

        List<String> missing = expected.stream()
                .filter(want -> actual.stream().noneMatch(want::matches))
                .map(ExpectedFinding::toString).toList();
        List<String> unexpected = actual.stream()
                .filter(got -> expected.stream().noneMatch(want -> want.matches(got)))
                .map(got -> got.origin() + " " + got.rule().name() + " \"" + got.message() + "\"").toList();
        assertThat(missing).as("expected findings of %s that were not found", ruleName).isEmpty();
        assertThat(unexpected).as("findings of %s that expected.txt does not list", ruleName).isEmpty();
    }
}
