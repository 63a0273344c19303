package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.rules.image.BuildVariables.Declaration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ARG/ENV declarations as written, and what a word expands to in a stage. */
class BuildVariablesTest {

    @Test
    void declarationsOfArgAndEnvInEveryForm() {
        Image image = Dockerfiles.image("""
                FROM alpine:3.20
                ARG A B=2 C="x y"
                ENV D=1 E="two words" F=$A
                ENV G the rest of the line
                """);
        var instructions = image.stages().getFirst().instructions();

        assertThat(BuildVariables.declarations(instructions.get(1)))
                .containsExactly(new Declaration("A", null), new Declaration("B", "2"), new Declaration("C", "x y"));
        assertThat(BuildVariables.declarations(instructions.get(2)))
                .containsExactly(new Declaration("D", "1"), new Declaration("E", "two words"), new Declaration("F", "$A"));
        assertThat(BuildVariables.declarations(instructions.get(3)))
                .containsExactly(new Declaration("G", "the rest of the line"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "plain                | plain",
            "$DIR/app             | target/app",
            "${DIR}/app           | target/app",
            "${EMPTY:-fallback}   | fallback",
            "${EMPTY-fallback}    | ~~",
            "${DIR:+set}          | set",
            "${NONE:-x}           | x",
            "${NAME}-${VERSION}   | app-1.2",
            "\\$DIR               | $DIR",
            "cost$                | cost$",
            "$GLOBAL_ONLY         |",
            "$REDECLARED          | from-global",
            "$UNKNOWN             |",
            "${UNKNOWN}           |",
            "${NONE:+x}           | ~~",
            "${DIR:?missing}      |",
            "${UNCLOSED           |",
            "$NO_DEFAULT          |",
            "$ENV_WINS            | from-env",
    })
    void expandsWhatItKnowsAndNothingElse(String word, String expected) {
        Image image = Dockerfiles.image("""
                ARG GLOBAL_ONLY=g
                ARG REDECLARED=from-global
                FROM alpine:3.20
                ARG REDECLARED
                ARG NO_DEFAULT
                ARG DIR=target NAME=app EMPTY=""
                ENV VERSION=1.2
                ENV ENV_WINS=from-env
                ARG ENV_WINS=from-arg
                """);
        BuildVariables scope = BuildVariables.global(image).stageScope();
        for (Instruction instruction : image.stages().getFirst().instructions()) scope.declare(instruction);

        assertThat(scope.expand(word)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void fromLinesSeeTheGlobalArgs() {
        Image image = Dockerfiles.image("ARG TAG=3.20\nARG UNSET\nFROM alpine:$TAG\n");

        assertThat(BuildVariables.global(image).expand("alpine:$TAG")).hasValue("alpine:3.20");
        assertThat(BuildVariables.global(image).expand("alpine:$UNSET")).isEmpty();
    }
}
