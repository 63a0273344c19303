package dev.shipshape.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md must be exactly what RuleDocs renders from the rules and their fixtures today
 * (kube-linter's "git diff on generated docs", as a test). With {@code -Dshipshape.updateDocs=true}
 * it rewrites the file instead; {@link RuleDocs#REGENERATE_COMMAND} is the whole command.
 */
class RulesDocTest {

    private static final Path DOC = Path.of("docs/rules.md");

    @Test
    void docsRulesMdIsUpToDate() throws IOException {
        String generated = new RuleDocs(
                BuiltInRules.all().stream().map(Rule::info).toList(),
                RuleExamples.inFolder(Path.of("src/test/resources/rules"))).markdown();
        if (Boolean.getBoolean("shipshape.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        if (!Files.exists(DOC)) fail("docs/rules.md is missing; generate it with: " + RuleDocs.REGENERATE_COMMAND);
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            fail("docs/rules.md is stale (%s); regenerate it with:%n  %s".formatted(firstDifference(committed, generated),
                    RuleDocs.REGENERATE_COMMAND));
        }
        assertThat(committed).isEqualTo(generated);
    }

    private static String firstDifference(String committed, String generated) {
        String[] was = committed.split("\n", -1);
        String[] now = generated.split("\n", -1);
        for (int i = 0; i < Math.min(was.length, now.length); i++) {
            if (!was[i].equals(now[i])) {
                return "first difference at line %d: file has \"%s\", generated \"%s\"".formatted(i + 1, was[i], now[i]);
            }
        }
        return "the file has %d lines, the generated text %d".formatted(was.length, now.length);
    }
}
