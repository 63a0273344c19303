package dev.shipshape.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    /** Nine aliases of nine aliases …: 81 aliases, a few hundred bytes, 9^9 nodes expanded. */
    private static String billionLaughs() {
        StringBuilder text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            text.append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + (char) (name - 1)))).append("]\n");
        }
        return text.toString();
    }

    @Test
    void aBillionLaughsDocumentIsRefusedAtTheAliasThatExplodes() {
        YamlDocuments.Parsed parsed = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> YamlDocuments.parse("bomb.yaml", billionLaughs()));

        assertThat(parsed.documents()).isEmpty();
        // g holds 9^7 = 4,782,969 nodes, the first entry over the limit; its own items (9^6 each) are under it
        assertThat(parsed.diagnostics()).containsExactly(Diagnostic.error(Origin.at("bomb.yaml", 7, 1),
                "aliases here expand the document by more than 1,000,000 nodes (a \"billion laughs\" document?); the document is not read"));
    }

    @Test
    void manyAliasesThatExpandModestlyAreFine() {
        StringBuilder text = new StringBuilder("x-defaults: &defaults {restart: always, read_only: true}\nservices:\n");
        for (int service = 0; service < 500; service++) text.append("  s").append(service).append(": {<<: *defaults, image: nginx}\n");

        YamlDocuments.Parsed parsed = YamlDocuments.parse("compose.yaml", text.toString());

        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.documents().getFirst().at("services", "s499", "restart").flatMap(YamlNode::text)).contains("always");
    }

    @Test
    void aNodeThatContainsItselfIsRefusedNotWalkedForever() {
        YamlDocuments.Parsed parsed = YamlDocuments.parse("loop.yaml", "kind: List\nitems: &items\n  - *items\n");

        assertThat(parsed.documents()).isEmpty();
        assertThat(parsed.diagnostics()).containsExactly(Diagnostic.error(Origin.at("loop.yaml", 2, 8),
                "this node contains itself through an alias, so it has no end; the document is not read"));
    }

    @Test
    void theExpansionLimitIsForTheWholeFileNotEachDocument() {
        String medium = "a: &a [" + String.join(", ", Collections.nCopies(1000, "x")) + "]\nb: [" + String.join(", ", Collections.nCopies(600, "*a")) + "]\n";

        YamlDocuments.Parsed parsed = YamlDocuments.parse("twice.yaml", medium + "---\n" + medium);

        assertThat(parsed.documents()).hasSize(1);
        assertThat(parsed.diagnostics()).extracting(Diagnostic::origin).containsExactly(Origin.at("twice.yaml", 5, 1));
    }

    @Test
    void deepNestingStopsAtTheLimitWhereItIsInsteadOfScanningForMinutes() {
        String text = "services: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";

        // a hang guard, not a speed figure: before the limit this took half a minute
        YamlDocuments.Parsed parsed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> YamlDocuments.parse("deep.yaml", text));

        assertThat(parsed.documents()).isEmpty();
        assertThat(parsed.diagnostics()).containsExactly(Diagnostic.error(Origin.at("deep.yaml", 1, 11 + 999),
                "YAML syntax error: collections are nested more than 1000 levels deep here; the rest is not read"));
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        String text = "[".repeat(NestingLimitedParser.MAX_DEPTH) + "x" + "]".repeat(NestingLimitedParser.MAX_DEPTH) + "\n";

        YamlDocuments.Parsed parsed = YamlDocuments.parse("deep.yaml", text);

        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.documents()).hasSize(1);
    }

    @Test
    void aScalarOfMegabytesIsReadWhole() {
        String value = "a".repeat(9_000_000);

        // a hang guard: the engine's reader copied its growing window per buffer, over a minute for this
        YamlDocuments.Parsed parsed = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> YamlDocuments.parse("long.yaml", "data:\n  k: \"" + value + "\"\n  plain: " + value + "\n"));

        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.documents().getFirst().at("data", "k").flatMap(YamlNode::text)).contains(value);
        assertThat(parsed.documents().getFirst().at("data", "plain").flatMap(YamlNode::text)).contains(value);
    }
}
