package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Map<String, String> parse(String text, Map<String, String> environment) {
        return DotEnvFile.parse(text, "app/.env", environment, diagnostics);
    }

    private Map<String, String> parse(String text) {
        return parse(text, Map.of());
    }

    @Test
    void readsPlainAssignmentsInOrder() {
        assertThat(parse("B=2\nA=1\n")).containsExactly(entry("B", "2"), entry("A", "1"));
        assertThat(diagnostics).isEmpty();
    }

    @Test void skipsCommentsAndBlankLines() { assertThat(parse("# a comment\n\n  # indented\nA=1\n")).containsExactly(entry("A", "1")); }
    @Test void exportPrefixIsAccepted() { assertThat(parse("export A=1")).containsExactly(entry("A", "1")); }
    @Test void yamlStyleColonIsAccepted() { assertThat(parse("A: 1")).containsExactly(entry("A", "1")); }
    @Test void blanksAroundTheEqualsSignAreTrimmed() { assertThat(parse("A = spaced value  ")).containsExactly(entry("A", "spaced value")); }
    @Test void inlineCommentNeedsABlankBeforeIt() { assertThat(parse("A=x #comment\nB=y#not")).containsExactly(entry("A", "x"), entry("B", "y#not")); }
    @Test void emptyValue() { assertThat(parse("A=")).containsExactly(entry("A", "")); }
    @Test void valueMayContainEqualsSigns() { assertThat(parse("URL=postgres://u:p@db/x?a=b")).containsExactly(entry("URL", "postgres://u:p@db/x?a=b")); }
    @Test void singleQuotesAreLiteral() { assertThat(parse("A='${HOME} #x \\n'")).containsExactly(entry("A", "${HOME} #x \\n")); }
    @Test void doubleQuotesKeepTheHashAndUnescape() { assertThat(parse("A=\"x #y\\n\\\"z\\\"\"")).containsExactly(entry("A", "x #y\n\"z\"")); }
    @Test void crlfLineEndings() { assertThat(parse("A=1\r\nB=2\r\n")).containsExactly(entry("A", "1"), entry("B", "2")); }
    @Test void bareNameDefinesNothing() { assertThat(parse("A\nB=2")).containsExactly(entry("B", "2")); }

    @Test
    void doubleQuotedValueMaySpanLinesAndLineNumbersFollow() {
        assertThat(parse("KEY=\"-----BEGIN\nabc\n-----END\"\nBAD LINE\n")).containsExactly(entry("KEY", "-----BEGIN\nabc\n-----END"));
        assertThat(diagnostics).containsExactly(Diagnostic.warning(Origin.at("app/.env", 4, 1), "not a KEY=VALUE line; ignored"));
    }

    @Test
    void interpolatesFromTheEnvironmentBeforeEarlierLines() {
        Map<String, String> parsed = parse("HOST=file\nURL=http://${HOST}:${PORT:-80}\nRAW='${HOST}'", Map.of("HOST", "shell"));
        assertThat(parsed).containsEntry("URL", "http://shell:80").containsEntry("RAW", "${HOST}");
    }

    @Test void interpolatesFromEarlierLines() { assertThat(parse("A=1\nB=${A}2")).containsEntry("B", "12"); }

    @Test
    void unsetVariableIsAWarningAtItsLine() {
        parse("A=1\nB=${MISSING}");
        assertThat(diagnostics).containsExactly(Diagnostic.warning(Origin.at("app/.env", 2, 1), "variable MISSING is not set; using an empty string"));
    }

    @Test
    void unclosedQuoteStopsWithAWarning() {
        assertThat(parse("A=1\nB=\"open\nC=3")).containsExactly(entry("A", "1"));
        assertThat(diagnostics).singleElement().extracting(Diagnostic::level).isEqualTo(Diagnostic.Level.WARNING);
    }
}
