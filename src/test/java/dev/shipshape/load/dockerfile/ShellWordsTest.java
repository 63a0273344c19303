package dev.shipshape.load.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The word rules BuildKit applies to ENV, LABEL, ARG and the other arguments, one case a line. */
class ShellWordsTest {

    private static ShellWords.Word unquote(String word) {
        return ShellWords.unquote(word, '\\');
    }

    @Test void plainWord() { assertThat(unquote("abc")).isEqualTo(new ShellWords.Word("abc", false)); }
    @Test void doubleQuotes() { assertThat(unquote("\"a b\"")).isEqualTo(new ShellWords.Word("a b", false)); }
    @Test void singleQuotes() { assertThat(unquote("'a \\ b'")).isEqualTo(new ShellWords.Word("a \\ b", false)); }
    @Test void quotesInsideAWord() { assertThat(unquote("a\"b c\"d")).isEqualTo(new ShellWords.Word("ab cd", false)); }
    @Test void escapedSpace() { assertThat(unquote("a\\ b")).isEqualTo(new ShellWords.Word("a b", false)); }
    @Test void escapeInDoubleQuotesOnlyForSpecials() { assertThat(unquote("\"a\\nb\\\"c\"")).isEqualTo(new ShellWords.Word("a\\nb\"c", false)); }
    @Test void variable() { assertThat(unquote("$HOME")).isEqualTo(new ShellWords.Word("$HOME", true)); }
    @Test void bracedVariable() { assertThat(unquote("${A:-x}")).isEqualTo(new ShellWords.Word("${A:-x}", true)); }
    @Test void variableInDoubleQuotes() { assertThat(unquote("\"$A\"")).isEqualTo(new ShellWords.Word("$A", true)); }
    @Test void variableInSingleQuotesIsLiteral() { assertThat(unquote("'$A'")).isEqualTo(new ShellWords.Word("$A", false)); }
    @Test void escapedDollarIsLiteral() { assertThat(unquote("\\$A")).isEqualTo(new ShellWords.Word("$A", false)); }
    @Test void loneDollarIsLiteral() { assertThat(unquote("5$")).isEqualTo(new ShellWords.Word("5$", false)); }
    @Test void dollarBeforeSpaceIsLiteral() { assertThat(unquote("\"a $ b\"")).isEqualTo(new ShellWords.Word("a $ b", false)); }
    @Test void backtickEscape() { assertThat(ShellWords.unquote("c:\\dir` x", '`')).isEqualTo(new ShellWords.Word("c:\\dir x", false)); }

    @Test void quotedWordsKeepQuotes() { assertThat(ShellWords.quotedWords("a=\"x y\" b='1 2' c", '\\')).containsExactly("a=\"x y\"", "b='1 2'", "c"); }
    @Test void quotedWordsKeepEscapes() { assertThat(ShellWords.quotedWords("a=x\\ y b", '\\')).containsExactly("a=x\\ y", "b"); }
    @Test void quotedWordsKeepAnEmptyQuotedWord() { assertThat(ShellWords.quotedWords("\"\" x", '\\')).containsExactly("\"\"", "x"); }
    @Test void quotedWordsDropATrailingEscape() { assertThat(ShellWords.quotedWords("a\\", '\\')).containsExactly("a"); }
    @Test void quotedWordsOfBlanks() { assertThat(ShellWords.quotedWords("  \t ", '\\')).isEmpty(); }
    @Test void quotedWordsWithAnOpenQuote() { assertThat(ShellWords.quotedWords("a=\"x y", '\\')).containsExactly("a=\"x y"); }

    @Test void splitOnSeparators() { assertThat(ShellWords.splitOnSeparators("a  b\tc")).containsExactly("a", "b", "c"); }
    @Test void trimUsesGoSpaces() { assertThat(ShellWords.trim("\u00A0 a \u0085")).isEqualTo("a"); }
}
