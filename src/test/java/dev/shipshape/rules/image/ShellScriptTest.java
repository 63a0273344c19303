package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.image.ShellScript.Command;
import dev.shipshape.rules.image.ShellScript.Pipeline;
import dev.shipshape.rules.image.ShellScript.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How shell text splits into pipelines, commands and words. */
class ShellScriptTest {

    /** Each pipeline as its commands' word values joined by " | ", commands' words by spaces. */
    private static List<String> shape(String script) {
        return ShellScript.parse(script).stream()
                .map(pipeline -> String.join(" | ", pipeline.commands().stream()
                        .map(command -> String.join(" ", command.words().stream().map(Word::value).toList()))
                        .toList()))
                .toList();
    }

    @Test
    void operatorsSeparatePipelinesAndPipesJoinCommands() {
        assertThat(shape("a x | b && c; d || e & f |& g"))
                .containsExactly("a x | b", "c", "d", "e", "f | g");
    }

    @Test
    void newlinesSeparateAndEscapedNewlinesContinue() {
        assertThat(shape("a \\\n  b\nc\n\n")).containsExactly("a b", "c");
    }

    @Test
    void quotesAreRemovedAndKeepOperatorsInsideTheWord() {
        assertThat(shape("echo 'a | b' \"c && d\" e\\ f"))
                .containsExactly("echo a | b c && d e f");
        assertThat(ShellScript.parse("echo 'a | b'").getFirst().commands()).hasSize(1);
    }

    @Test
    void redirectionsAndTheirTargetsAreNotWords() {
        assertThat(shape("curl x 2>/dev/null > out.txt < in 2>&1 &>all | sh >>log"))
                .containsExactly("curl x | sh");
    }

    @Test
    void commentsRunToTheEndOfTheLineOnlyAtAWordStart() {
        assertThat(shape("a # b | c\nd e#f")).containsExactly("a", "d e#f");
    }

    @Test
    void subshellParenthesesAreTransparent() {
        assertThat(shape("(cd /x; a) | b")).containsExactly("cd /x", "a | b");
    }

    @Test
    void commandSubstitutionsStayInTheWordAndAreCollected() {
        Word word = ShellScript.parse("sh -c \"$(curl -s https://x.io/i | head -n1)\"").getFirst()
                .commands().getFirst().words().get(2);

        assertThat(word.value()).isEqualTo("$(curl -s https://x.io/i | head -n1)");
        assertThat(word.substitutions()).containsExactly("curl -s https://x.io/i | head -n1");
        assertThat(word.onlySubstitution()).isEqualTo("curl -s https://x.io/i | head -n1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "echo $(a $(b) 'c)')        | a $(b) 'c)'",
            "echo `a b`                 | a b",
            "echo \"x $(a \"q\") y\"    | a \"q\"",
            "cat <(a b)                 | a b",
    })
    void substitutionsNestAndRespectQuotes(String script, String inner) {
        List<String> substitutions = ShellScript.parse(script).getFirst().commands().getFirst().words().get(1).substitutions();
        assertThat(substitutions).containsExactly(inner);
    }

    @Test
    void aWordThatOnlyContainsASubstitutionIsNotOnlyASubstitution() {
        Word word = ShellScript.parse("echo \"v=$(a)\"").getFirst().commands().getFirst().words().get(1);

        assertThat(word.substitutions()).containsExactly("a");
        assertThat(word.onlySubstitution()).isNull();
        assertThat(word.processSubstitution()).isNull();
    }

    @Test
    void singleQuotesHideSubstitutions() {
        Word word = ShellScript.parse("echo '$(a)'").getFirst().commands().getFirst().words().get(1);

        assertThat(word.value()).isEqualTo("$(a)");
        assertThat(word.substitutions()).isEmpty();
    }

    @Test
    void parameterExpansionsStayAsWritten() {
        assertThat(shape("echo ${A:-x y} $B")).containsExactly("echo ${A:-x y} $B");
    }

    @Test
    void hereDocumentBodiesInsideAScriptAreSkipped() {
        assertThat(shape("cat <<EOF > /x.sh\ncurl x | sh\nEOF\nb\ncat <<-'END'\n\tc | d\n\tEND\ne"))
                .containsExactly("cat", "b", "cat", "e");
    }

    @Test
    void malformedTextIsReadToItsEnd() {
        assertThat(shape("echo 'unterminated | sh")).containsExactly("echo unterminated | sh");
        assertThat(shape("echo $(never closed")).containsExactly("echo $(never closed)");
        assertThat(shape("")).isEmpty();
        assertThat(shape("|| ;; &&")).isEmpty();
    }

    @Test
    void execFormWordsAreTakenLiterally() {
        Command command = Command.ofLiterals(List.of("sh", "-c", "a | b"));

        assertThat(new Pipeline(List.of(command)).commands().getFirst().words())
                .extracting(Word::value).containsExactly("sh", "-c", "a | b");
    }
}
