package dev.shipshape.load.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Image;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Setting;
import dev.shipshape.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a Dockerfile's stages leave in the image: USER, HEALTHCHECK, EXPOSE, VOLUME, LABEL, ENV, ARG. */
class DockerfileImageTest {

    private static final String FILE = "app/Dockerfile";

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Image parse(String text) {
        return new DockerfileLoader().parse(FILE, text, diagnostics).orElseThrow();
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    private static EnvVar literal(String name, String value, boolean interpolated, int line) {
        return EnvVar.literal(name, value, interpolated, at(line, 1));
    }

    @Nested
    class Stages {

        @Test
        void fromGivesTheBaseImageAsWritten() {
            Stage stage = parse("FROM ${REGISTRY}/app:1.2 AS Build\n").stages().getFirst();

            assertThat(stage.baseImage()).isEqualTo("${REGISTRY}/app:1.2");
            assertThat(stage.name()).isEqualTo("Build");
            assertThat(stage.origin()).isEqualTo(at(1, 1));
        }

        @Test
        void asIsCaseInsensitive() {
            assertThat(parse("FROM alpine as base\n").stages().getFirst().name()).isEqualTo("base");
        }

        @Test
        void aStageWithoutNameHasNullName() {
            assertThat(parse("FROM alpine\n").stages().getFirst().name()).isNull();
        }

        @Test
        void fromWithoutImageIsAnErrorAndTheStageIsKept() {
            Image image = parse("FROM\nRUN make\n");

            assertThat(image.stages()).extracting(Stage::baseImage).containsExactly("");
            assertThat(image.stages().getFirst().instructions()).hasSize(2);
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(1, 1), "FROM requires an image (or an earlier stage's name)"));
        }

        @Test
        void fromWithTwoArgumentsIsAnError() {
            parse("FROM alpine base\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(1, 1), "FROM requires either one or three arguments"));
        }

        @Test
        void aStageNameWithSymbolsIsAnError() {
            parse("FROM alpine AS 1st\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(1, 1),
                    "invalid name for build stage: \"1st\", name can't start with a number or contain symbols"));
        }

        @Test
        void aRepeatedStageNameIsAWarning() {
            parse("FROM alpine AS a\nFROM alpine AS A\n");

            assertThat(diagnostics).containsExactly(Diagnostic.warning(at(2, 1),
                    "duplicate stage name \"A\": later references mean this stage"));
        }
    }

    @Nested
    class Arguments {

        @Test
        void argsBeforeTheFirstFromAreGlobal() {
            Image image = parse("ARG VERSION=3.20\nARG REGISTRY\nFROM alpine:${VERSION}\nARG TARGETARCH\n");

            assertThat(image.globalArgs()).containsExactly(
                    literal("VERSION", "3.20", false, 1), literal("REGISTRY", null, false, 2));
            assertThat(image.args()).containsExactly(literal("TARGETARCH", null, false, 4));
        }

        @Test
        void argValuesLoseTheirQuotesAndReferencesAreInterpolated() {
            Image image = parse("FROM alpine\nARG A=\"x y\" B=$HOME/bin C='$literal' D=\\$E\n");

            assertThat(image.args()).containsExactly(literal("A", "x y", false, 2), literal("B", "$HOME/bin", true, 2),
                    literal("C", "$literal", false, 2), literal("D", "$E", false, 2));
        }

        @Test
        void argsOfAnEarlierStageAreNotTheFinalStages() {
            Image image = parse("FROM alpine AS a\nARG ONE=1\nFROM a\nARG TWO=2\n");

            assertThat(image.args()).containsExactly(literal("TWO", "2", false, 4));
        }

        @Test
        void aBlankArgNameIsAnError() {
            Image image = parse("FROM alpine\nARG =x\n");

            assertThat(image.args()).isEmpty();
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "ARG names can not be blank"));
        }
    }

    @Nested
    class Environment {

        @Test
        void envPairsShareTheInstructionsOrigin() {
            Image image = parse("FROM alpine\nENV A=1 B=\"two words\" \\\n    C=${A}x\n");

            assertThat(image.environment()).containsExactly(literal("A", "1", false, 2),
                    literal("B", "two words", false, 2), literal("C", "${A}x", true, 2));
        }

        @Test
        void oldFormTakesTheRestOfTheLineAsTheValue() {
            Image image = parse("FROM alpine\nENV PATH /usr/local/bin:$PATH\nENV GREETING hello  world\n");

            assertThat(image.environment()).containsExactly(literal("PATH", "/usr/local/bin:$PATH", true, 2),
                    literal("GREETING", "hello  world", false, 3));
        }

        @Test
        void escapedQuotesAndSpacesStayInTheValue() {
            Image image = parse("FROM alpine\nENV A=a\\ b B=\"say \\\"hi\\\"\"\n");

            assertThat(image.environment()).extracting(EnvVar::value).containsExactly("a b", "say \"hi\"");
        }

        @Test
        void anEmptyValueIsKept() {
            assertThat(parse("FROM alpine\nENV A= B=\"\"\n").environment())
                    .containsExactly(literal("A", "", false, 2), literal("B", "", false, 2));
        }

        @Test
        void envWithoutValueIsAnError() {
            Image image = parse("FROM alpine\nENV A\n");

            assertThat(image.environment()).isEmpty();
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "ENV must have two arguments"));
        }

        @Test
        void aWordWithoutEqualsAfterAPairIsAnError() {
            parse("FROM alpine\nENV A=1 B\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1),
                    "Syntax error - can't find = in \"B\". Must be of the form: name=value"));
        }

        @Test
        void onlyTheFinalStageCountsWhenItDoesNotInherit() {
            Image image = parse("FROM alpine AS build\nENV SECRET=x\nFROM alpine\nENV MODE=prod\n");

            assertThat(image.environment()).containsExactly(literal("MODE", "prod", false, 4));
        }
    }

    @Nested
    class Labels {

        @Test
        void severalLabelsPerLineWithQuotedValues() {
            Image image = parse("FROM alpine\nLABEL a=1 \"b.c\"=\"x y\" d='$z'\n");

            assertThat(image.labels()).containsExactly(new KeyValue("a", "1", at(2, 1)),
                    new KeyValue("b.c", "x y", at(2, 1)), new KeyValue("d", "$z", at(2, 1)));
        }

        @Test
        void oldLabelForm() {
            assertThat(parse("FROM alpine\nLABEL maintainer ops@example.com\n").labels())
                    .containsExactly(new KeyValue("maintainer", "ops@example.com", at(2, 1)));
        }

        @Test
        void repeatedKeysAreKept() {
            assertThat(parse("FROM alpine\nLABEL a=1\nLABEL a=2\n").labels())
                    .containsExactly(new KeyValue("a", "1", at(2, 1)), new KeyValue("a", "2", at(3, 1)));
        }
    }

    @Nested
    class User {

        @Test
        void theLastUserOfTheFinalStageCounts() {
            assertThat(parse("FROM alpine\nUSER root\nRUN make\nUSER app:app\n").user())
                    .isEqualTo(Setting.of("app:app", at(4, 1)));
        }

        @Test
        void noUserIsUnsetAtTheLastFrom() {
            assertThat(parse("FROM alpine AS build\nUSER builder\nFROM alpine\nRUN make\n").user())
                    .isEqualTo(Setting.unset(at(3, 1)));
        }

        @Test
        void quotesAroundTheUserAreRemoved() {
            assertThat(parse("FROM alpine\nUSER \"1000:1000\"\n").user().value()).isEqualTo("1000:1000");
        }

        @Test
        void aUserReferenceStaysAsWritten() {
            assertThat(parse("FROM alpine\nARG UID=1000\nUSER ${UID}\n").user().value()).isEqualTo("${UID}");
        }

        @Test
        void userWithoutArgumentIsAnErrorAndLeavesTheUserUnset() {
            Image image = parse("FROM alpine\nUSER\n");

            assertThat(image.user()).isEqualTo(Setting.unset(at(1, 1)));
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "USER requires exactly one argument"));
        }

        @Test
        void anOnbuildUserDoesNotSetThisImagesUser() {
            assertThat(parse("FROM alpine\nONBUILD USER app\n").user()).isEqualTo(Setting.unset(at(1, 1)));
        }
    }

    @Nested
    class Healthcheck {

        @Test
        void healthcheckCmd() {
            assertThat(parse("FROM alpine\nHEALTHCHECK --interval=30s CMD wget -qO- localhost/health\n").healthcheck())
                    .contains(new Probe(Probe.Kind.HEALTHCHECK, false, at(2, 1)));
        }

        @Test
        void healthcheckNoneIsDisabled() {
            assertThat(parse("FROM alpine\nhealthcheck none\n").healthcheck())
                    .contains(new Probe(Probe.Kind.HEALTHCHECK, true, at(2, 1)));
        }

        @Test
        void theLastHealthcheckCounts() {
            assertThat(parse("FROM alpine\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n").healthcheck())
                    .contains(new Probe(Probe.Kind.HEALTHCHECK, true, at(3, 1)));
        }

        @Test
        void noHealthcheckIsEmpty() {
            assertThat(parse("FROM alpine\n").healthcheck()).isEmpty();
        }

        @Test
        void healthcheckNoneWithArgumentsIsAnError() {
            Image image = parse("FROM alpine\nHEALTHCHECK NONE now\n");

            assertThat(image.healthcheck()).isEmpty();
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "HEALTHCHECK NONE takes no arguments"));
        }

        @Test
        void healthcheckOfUnknownTypeIsAnError() {
            parse("FROM alpine\nHEALTHCHECK RUN true\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "Unknown type \"RUN\" in HEALTHCHECK (try CMD)"));
        }

        @Test
        void healthcheckCmdWithoutCommandIsAnError() {
            Image image = parse("FROM alpine\nHEALTHCHECK CMD\n");

            assertThat(image.healthcheck()).isEmpty();
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "Missing command after HEALTHCHECK CMD"));
        }
    }

    @Nested
    class ExposeAndVolume {

        @Test
        void eachExposedPortIsItsOwnSetting() {
            assertThat(parse("FROM alpine\nEXPOSE 80/tcp 443\nEXPOSE 53/udp\n").exposedPorts()).containsExactly(
                    Setting.of("80/tcp", at(2, 1)), Setting.of("443", at(2, 1)), Setting.of("53/udp", at(3, 1)));
        }

        @Test
        void volumesInJsonForm() {
            assertThat(parse("FROM alpine\nVOLUME [\"/data\", \"/var/log/app\"]\n").volumes())
                    .containsExactly(Setting.of("/data", at(2, 1)), Setting.of("/var/log/app", at(2, 1)));
        }

        @Test
        void volumesAsASpaceSeparatedList() {
            assertThat(parse("FROM alpine\nVOLUME /data /cache\n").volumes())
                    .containsExactly(Setting.of("/data", at(2, 1)), Setting.of("/cache", at(2, 1)));
        }

        @Test
        void anEmptyJsonVolumeIsAnError() {
            Image image = parse("FROM alpine\nVOLUME [\"\"]\n");

            assertThat(image.volumes()).isEmpty();
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "VOLUME specified can not be an empty string"));
        }
    }

    @Nested
    class Inheritance {

        private static final String BASE_THEN_FINAL = """
                FROM debian:12-slim AS base
                USER app
                HEALTHCHECK CMD curl -f localhost
                EXPOSE 8080
                VOLUME /data
                LABEL team=core
                ENV MODE=prod
                ARG BUILD_ONLY=1

                FROM base
                LABEL tier=web
                """;

        @Test
        void aFinalStageFromAnEarlierStageInheritsItsConfiguration() {
            Image image = parse(BASE_THEN_FINAL);

            assertThat(image.user()).isEqualTo(Setting.of("app", at(2, 1)));
            assertThat(image.healthcheck()).contains(new Probe(Probe.Kind.HEALTHCHECK, false, at(3, 1)));
            assertThat(image.exposedPorts()).containsExactly(Setting.of("8080", at(4, 1)));
            assertThat(image.volumes()).containsExactly(Setting.of("/data", at(5, 1)));
            assertThat(image.labels()).containsExactly(new KeyValue("team", "core", at(6, 1)), new KeyValue("tier", "web", at(11, 1)));
            assertThat(image.environment()).containsExactly(literal("MODE", "prod", false, 7));
            assertThat(image.args()).isEmpty();
        }

        @Test
        void theFinalStagesOwnUserWins() {
            assertThat(parse(BASE_THEN_FINAL + "USER root\n").user()).isEqualTo(Setting.of("root", at(12, 1)));
        }

        @Test
        void inheritanceFollowsAChain() {
            Image image = parse("FROM alpine AS a\nUSER one\nFROM a AS b\nEXPOSE 80\nFROM b\n");

            assertThat(image.user()).isEqualTo(Setting.of("one", at(2, 1)));
            assertThat(image.exposedPorts()).containsExactly(Setting.of("80", at(4, 1)));
        }

        @Test
        void stageNamesMatchTheLowerCasedName() {
            assertThat(parse("FROM alpine AS Base\nUSER app\nFROM base\n").user()).isEqualTo(Setting.of("app", at(2, 1)));
        }

        @Test
        void aBaseNameInOtherCaseIsAnImageNotTheStage() {
            assertThat(parse("FROM alpine AS base\nUSER app\nFROM Base\n").user()).isEqualTo(Setting.unset(at(3, 1)));
        }

        @Test
        void aGlobalArgMayNameTheStage() {
            Image image = parse("ARG FLAVOR=hardened\nFROM alpine AS hardened\nUSER app\nFROM ${FLAVOR}\n");

            assertThat(image.user()).isEqualTo(Setting.of("app", at(3, 1)));
        }

        @Test
        void aGlobalArgDefaultInTheReferenceMayNameTheStage() {
            Image image = parse("ARG FLAVOR\nFROM alpine AS slim\nUSER app\nFROM ${FLAVOR:-slim}\n");

            assertThat(image.user()).isEqualTo(Setting.of("app", at(3, 1)));
        }

        @Test
        void aLaterStageIsNotInherited() {
            Image image = parse("FROM base AS first\nFROM alpine AS base\nUSER app\nFROM first\n");

            assertThat(image.user()).isEqualTo(Setting.unset(at(4, 1)));
        }
    }

    @Nested
    class Errors {

        @Test
        void noFromAtAllIsAnErrorAndNoImage() {
            List<Diagnostic> found = new ArrayList<>();
            Optional<Image> image = new DockerfileLoader().parse(FILE, "# just a comment\nRUN make\nUSER app\n", found);

            assertThat(image).isEmpty();
            assertThat(found).containsExactly(Diagnostic.error(at(2, 1),
                    "no FROM instruction: a Dockerfile must begin its first build stage with FROM"));
        }

        @Test
        void anEmptyFileIsAnError() {
            List<Diagnostic> found = new ArrayList<>();

            assertThat(new DockerfileLoader().parse(FILE, "\n# nothing\n", found)).isEmpty();
            assertThat(found).containsExactly(Diagnostic.error(at(1, 1), "the Dockerfile has no instructions"));
        }

        @Test
        void anInstructionBeforeTheFirstFromIsAnErrorAndTheRestIsRead() {
            Image image = parse("ARG V=1\nRUN make\nFROM alpine\nUSER app\n");

            assertThat(image.user()).isEqualTo(Setting.of("app", at(4, 1)));
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1),
                    "RUN before the first FROM: only ARG may come before it"));
        }

        @Test
        void errorsOnSeveralLinesAreAllReported() {
            parse("FROM alpine\nFOO bar\nUSER\nHEALTHCHECK NONE x\nBAR\n");

            assertThat(diagnostics).extracting(Diagnostic::origin).containsExactly(at(2, 1), at(3, 1), at(4, 1), at(5, 1));
        }

        @Test
        void shellInShellFormIsAnError() {
            parse("FROM alpine\nSHELL /bin/bash -c\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "SHELL requires the arguments to be in JSON form"));
        }
    }
}
