package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    private static final Interpolation INTERPOLATION = new Interpolation(Map.of(
            "TAG", "1.27", "EMPTY", "", "HOST", "db", "INNER", "inner"));

    private static String value(String written) {
        return INTERPOLATION.apply(written).value();
    }

    private static List<Interpolation.Problem> problems(String written) {
        return INTERPOLATION.apply(written).problems();
    }

    @Test void textWithoutDollarIsUnchanged() { assertThat(value("nginx:latest")).isEqualTo("nginx:latest"); }
    @Test void bareName() { assertThat(value("nginx:$TAG")).isEqualTo("nginx:1.27"); }
    @Test void bareNameEndsAtTheFirstNonNameCharacter() { assertThat(value("$HOST-primary")).isEqualTo("db-primary"); }
    @Test void bracedName() { assertThat(value("nginx:${TAG}-alpine")).isEqualTo("nginx:1.27-alpine"); }
    @Test void colonDashDefaultWhenUnset() { assertThat(value("${NOPE:-5432}")).isEqualTo("5432"); }
    @Test void colonDashDefaultWhenEmpty() { assertThat(value("${EMPTY:-x}")).isEqualTo("x"); }
    @Test void colonDashKeepsASetValue() { assertThat(value("${TAG:-x}")).isEqualTo("1.27"); }
    @Test void dashDefaultWhenUnset() { assertThat(value("${NOPE-x}")).isEqualTo("x"); }
    @Test void dashDefaultKeepsAnEmptyValue() { assertThat(value("${EMPTY-x}")).isEmpty(); }
    @Test void defaultMayBeEmpty() { assertThat(value("a${NOPE:-}b")).isEqualTo("ab"); }
    @Test void defaultMayContainColons() { assertThat(value("${NOPE:-127.0.0.1:80}")).isEqualTo("127.0.0.1:80"); }
    @Test void nestedDefault() { assertThat(value("${NOPE:-${ALSO_NOPE:-x}}")).isEqualTo("x"); }
    @Test void nestedDefaultTakesTheInnerVariable() { assertThat(value("${NOPE:-${INNER}}/y")).isEqualTo("inner/y"); }
    @Test void plusReplacementWhenSet() { assertThat(value("${TAG:+set}")).isEqualTo("set"); }
    @Test void plusReplacementWhenUnset() { assertThat(value("${NOPE:+set}")).isEmpty(); }
    @Test void doubleDollarIsALiteralDollar() { assertThat(value("echo $$HOME")).isEqualTo("echo $HOME"); }
    @Test void doubleDollarBeforeABraceIsNotAReference() { assertThat(value("$${TAG}")).isEqualTo("${TAG}"); }
    @Test void dollarBeforeANonNameIsKept() { assertThat(value("cost: 5$ or $1")).isEqualTo("cost: 5$ or $1"); }
    @Test void trailingDollarIsKept() { assertThat(value("a$")).isEqualTo("a$"); }
    @Test void namesAreCaseSensitive() { assertThat(value("${tag:-lower}")).isEqualTo("lower"); }

    @Test
    void unsetVariableIsAWarningNamingItAndGivesAnEmptyString() {
        Interpolation.Result result = INTERPOLATION.apply("postgres:${DB_TAG}");
        assertThat(result.value()).isEqualTo("postgres:");
        assertThat(result.problems()).containsExactly(new Interpolation.Problem(Diagnostic.Level.WARNING,
                "variable DB_TAG is not set; using an empty string"));
    }

    @Test void unsetBareVariableIsAWarningToo() { assertThat(problems("$DB_TAG")).hasSize(1); }
    @Test void defaultsSilenceTheWarning() { assertThat(problems("${NOPE:-x} ${NOPE-y}")).isEmpty(); }
    @Test void anUnusedDefaultIsNotEvaluated() { assertThat(problems("${TAG:-${NOPE}}")).isEmpty(); }

    @Test
    void colonQuestionIsAWarningWithTheMessageWhenEmpty() {
        Interpolation.Result result = INTERPOLATION.apply("${EMPTY:?set EMPTY to a password}");
        assertThat(result.value()).isEmpty();
        assertThat(result.problems()).containsExactly(new Interpolation.Problem(Diagnostic.Level.WARNING,
                "required variable EMPTY is missing a value: set EMPTY to a password"
                        + " (judged with its value unknown; --strict-env makes this an error)"));
    }

    @Test
    void questionWithoutColonAcceptsAnEmptyValue() {
        assertThat(problems("${EMPTY?needed}")).isEmpty();
        assertThat(problems("${NOPE?needed}")).containsExactly(new Interpolation.Problem(Diagnostic.Level.WARNING,
                "required variable NOPE is missing a value: needed (judged with its value unknown; --strict-env makes this an error)"));
    }

    @Test
    void strictlyAnUnsetRequiredVariableIsAnError() {
        Interpolation strict = new Interpolation(java.util.Map.of("EMPTY", ""), true);
        assertThat(strict.apply("${EMPTY:?set EMPTY} ${NOPE?needed}").problems()).containsExactly(
                new Interpolation.Problem(Diagnostic.Level.ERROR, "required variable EMPTY is missing a value: set EMPTY"),
                new Interpolation.Problem(Diagnostic.Level.ERROR, "required variable NOPE is missing a value: needed"));
        // a plain unset variable stays a warning: Compose itself only warns about it
        assertThat(strict.apply("$NOPE").problems()).extracting(Interpolation.Problem::level).containsExactly(Diagnostic.Level.WARNING);
    }

    @Test void questionWithASetValueGivesIt() { assertThat(value("${TAG:?needed}")).isEqualTo("1.27"); }

    @Test
    void unsupportedOperatorIsAnErrorAndTheTextIsKept() {
        Interpolation.Result result = INTERPOLATION.apply("${TAG/1/2}");
        assertThat(result.value()).isEqualTo("${TAG/1/2}");
        assertThat(result.problems()).singleElement().extracting(Interpolation.Problem::level).isEqualTo(Diagnostic.Level.ERROR);
    }

    @Test void unclosedBraceIsAnError() { assertThat(problems("${TAG")).singleElement().extracting(Interpolation.Problem::level).isEqualTo(Diagnostic.Level.ERROR); }
    @Test void emptyBracesAreAnError() { assertThat(problems("${}")).hasSize(1); }

    @Test void referencesVariableForBareName() { assertThat(INTERPOLATION.apply("$TAG").referencesVariable()).isTrue(); }
    @Test void referencesVariableForBracedWithDefault() { assertThat(INTERPOLATION.apply("${NOPE:-x}").referencesVariable()).isTrue(); }
    @Test void noReferenceForEscapedDollar() { assertThat(INTERPOLATION.apply("$$TAG").referencesVariable()).isFalse(); }
    @Test void noReferenceForPlainText() { assertThat(INTERPOLATION.apply("secret").referencesVariable()).isFalse(); }
}
