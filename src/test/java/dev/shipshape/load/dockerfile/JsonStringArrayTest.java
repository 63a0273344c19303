package dev.shipshape.load.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exec form or shell form, as BuildKit's parseJSON decides; one case a line. */
class JsonStringArrayTest {

    private static JsonStringArray.Result parse(String arguments) {
        return JsonStringArray.parse(arguments);
    }

    private static JsonStringArray.Result exec(String... elements) {
        return new JsonStringArray.ExecForm(List.of(elements));
    }

    @Test void strings() { assertThat(parse("[\"a\", \"b\"]")).isEqualTo(exec("a", "b")); }
    @Test void compact() { assertThat(parse("[\"a\",\"b\"]")).isEqualTo(exec("a", "b")); }
    @Test void leadingBlanks() { assertThat(parse("  [\"a\"]  ")).isEqualTo(exec("a")); }
    @Test void empty() { assertThat(parse("[]")).isEqualTo(exec()); }
    @Test void escapes() { assertThat(parse("[\"\\u0041\\n\\/\"]")).isEqualTo(exec("A\n/")); }
    @Test void singleQuotesAreShell() { assertThat(parse("['a']")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void trailingCommaIsShell() { assertThat(parse("[\"a\",]")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void unclosedIsShell() { assertThat(parse("[\"a\"")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void trailingTextIsShell() { assertThat(parse("[\"a\"] && b")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void twoArraysAreShell() { assertThat(parse("[\"a\"] [\"b\"]")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void notAnArrayIsShell() { assertThat(parse("echo [\"a\"]")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void rawTabInStringIsShell() { assertThat(parse("[\"a\tb\"]")).isEqualTo(new JsonStringArray.ShellForm()); }
    @Test void numbersAreNotStrings() { assertThat(parse("[\"a\", 1]")).isEqualTo(new JsonStringArray.NotStrings()); }
    @Test void nestedArrayIsNotStrings() { assertThat(parse("[[\"a\"], \"b\"]")).isEqualTo(new JsonStringArray.NotStrings()); }
    @Test void nullIsNotAString() { assertThat(parse("[null]")).isEqualTo(new JsonStringArray.NotStrings()); }
    @Test void invalidJsonWithNumbersIsShell() { assertThat(parse("[1, 2")).isEqualTo(new JsonStringArray.ShellForm()); }
}
