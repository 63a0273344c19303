package dev.shipshape.load.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the text of a Dockerfile becomes instructions: directives, continuations, comments, forms, flags, heredocs. */
class DockerfileSyntaxTest {

    private static final String FILE = "Dockerfile";

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Image parse(String text) {
        return new DockerfileLoader().parse(FILE, text, diagnostics).orElseThrow();
    }

    /** Every instruction of every stage, FROMs included, in file order. */
    private List<Instruction> instructions(String text) {
        return parse(text).stages().stream().flatMap(stage -> stage.instructions().stream()).toList();
    }

    /** The one instruction after {@code FROM scratch}. */
    private Instruction second(String text) {
        List<Instruction> all = instructions(text);
        assertThat(all).hasSize(2);
        return all.get(1);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    @Nested
    class Directives {

        @Test
        void escapeBacktickMakesTheBacktickTheContinuation() {
            Instruction run = second("# escape=`\nFROM scratch\nRUN dir `\n    c:\\\n");

            assertThat(run.arguments()).isEqualTo("dir     c:\\");
            assertThat(diagnostics).isEmpty();
        }

        @Test
        void withTheBacktickEscapeABackslashDoesNotContinue() {
            List<Instruction> all = instructions("# escape=`\nFROM scratch\nCOPY a.txt c:\\\nRUN dir\n");

            assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "COPY", "RUN");
            assertThat(all.get(1).arguments()).isEqualTo("a.txt c:\\");
        }

        @Test
        void escapeDirectiveIsCaseInsensitiveAndMayHaveBlanks() {
            Instruction run = second("#  ESCAPE = `\nFROM scratch\nRUN a `\nb\n");

            assertThat(run.arguments()).isEqualTo("a b");
        }

        @Test
        void syntaxAndCheckDirectivesAreAcceptedBeforeEscape() {
            Instruction run = second("# syntax=docker/dockerfile:1\n# check=skip=all\n# escape=`\nFROM scratch\nRUN a `\nb\n");

            assertThat(run.arguments()).isEqualTo("a b");
            assertThat(diagnostics).isEmpty();
        }

        @Test
        void aDirectiveAfterAnOrdinaryCommentIsOnlyAComment() {
            List<Instruction> all = instructions("# a comment\n# escape=`\nFROM scratch\nRUN a `\nRUN b\n");

            assertThat(all).extracting(Instruction::arguments).containsExactly("scratch", "a `", "b");
        }

        @Test
        void aDirectiveAfterABlankLineIsOnlyAComment() {
            List<Instruction> all = instructions("\n# escape=`\nFROM scratch\nRUN a `\nRUN b\n");

            assertThat(all).extracting(Instruction::arguments).containsExactly("scratch", "a `", "b");
        }

        @Test
        void aDirectiveAfterTheFirstInstructionIsOnlyAComment() {
            List<Instruction> all = instructions("FROM scratch\n# escape=`\nRUN a `\nRUN b\n");

            assertThat(all).extracting(Instruction::arguments).containsExactly("scratch", "a `", "b");
            assertThat(diagnostics).isEmpty();
        }

        @Test
        void anUnknownDirectiveEndsTheDirectives() {
            List<Instruction> all = instructions("# foo=bar\n# escape=`\nFROM scratch\nRUN a `\nRUN b\n");

            assertThat(all).extracting(Instruction::arguments).containsExactly("scratch", "a `", "b");
        }

        @Test
        void anInvalidEscapeTokenIsAnErrorOnItsLine() {
            List<Instruction> all = instructions("# escape=x\nFROM scratch\nRUN a \\\nb\n");

            assertThat(all.get(1).arguments()).isEqualTo("a b");
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(1, 1), "invalid escape token 'x' does not match ` or \\"));
        }

        @Test
        void aRepeatedDirectiveIsAnErrorAndTheFirstOneHolds() {
            Instruction run = second("# escape=`\n# escape=\\\nFROM scratch\nRUN a `\nb\n");

            assertThat(run.arguments()).isEqualTo("a b");
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "only one escape parser directive can be used"));
        }
    }

    @Nested
    class ContinuationsAndComments {

        @Test
        void continuedLinesAreJoinedAsBuildKitJoinsThem() {
            Instruction run = second("FROM scratch\nRUN apt-get update && \\\n    apt-get install -y curl\n");

            assertThat(run.arguments()).isEqualTo("apt-get update &&     apt-get install -y curl");
            assertThat(run.origin()).isEqualTo(at(2, 1));
        }

        @Test
        void blanksAfterTheBackslashStillContinue() {
            Instruction run = second("FROM scratch\nRUN a \\  \t\n b\n");

            assertThat(run.arguments()).isEqualTo("a  b");
        }

        @Test
        void anEscapedBackslashDoesNotContinue() {
            List<Instruction> all = instructions("FROM scratch\nRUN echo \\\\\nRUN b\n");

            assertThat(all).extracting(Instruction::arguments).containsExactly("scratch", "echo \\\\", "b");
        }

        @Test
        void commentLinesInsideAContinuationAreDropped() {
            Instruction run = second("FROM scratch\nRUN a \\\n  # why b\n  && b \\\n# and c\n  && c\n");

            assertThat(run.arguments()).isEqualTo("a   && b   && c");
            assertThat(diagnostics).isEmpty();
        }

        @Test
        void aHashInsideALineIsNotAComment() {
            Instruction run = second("FROM scratch\nRUN echo a # b\n");

            assertThat(run.arguments()).isEqualTo("echo a # b");
        }

        @Test
        void indentedCommentsAndBlankLinesAreSkipped() {
            List<Instruction> all = instructions("\n   # comment\n\n\t\nFROM scratch\n\n  RUN a\n");

            assertThat(all).extracting(Instruction::origin).containsExactly(at(5, 1), at(7, 3));
        }

        @Test
        void anEmptyContinuationLineIsSkippedWithAWarning() {
            Instruction run = second("FROM scratch\nRUN a \\\n\n    b\n");

            assertThat(run.arguments()).isEqualTo("a     b");
            assertThat(diagnostics).containsExactly(Diagnostic.warning(at(3, 1),
                    "empty continuation line: Docker deprecates blank lines inside a continued instruction"));
        }

        @Test
        void aContinuationAtTheEndOfTheFileKeepsTheInstructionWithAWarning() {
            Instruction run = second("FROM scratch\nRUN echo hi \\");

            assertThat(run.arguments()).isEqualTo("echo hi");
            assertThat(diagnostics).containsExactly(Diagnostic.warning(at(2, 13),
                    "the file ends with a line continuation: the instruction is cut short"));
        }

        @Test
        void aContinuationFollowedOnlyByCommentsIsStillCutShort() {
            instructions("FROM scratch\nRUN echo hi \\\n# bye\n");

            assertThat(diagnostics).extracting(Diagnostic::origin).containsExactly(at(2, 13));
        }

        @Test
        void windowsLineEndingsAreTakenOff() {
            List<Instruction> all = instructions("FROM scratch\r\nRUN a \\\r\n  b\r\nUSER app\r\n");

            assertThat(all).extracting(Instruction::arguments).containsExactly("scratch", "a   b", "app");
        }

        @Test
        void aByteOrderMarkIsIgnored() {
            List<Instruction> all = instructions("\uFEFFFROM scratch\n");

            assertThat(all.getFirst().origin()).isEqualTo(at(1, 1));
        }

        @Test
        void theKeywordOnALaterLineIsWhereTheOriginPoints() {
            Instruction run = second("FROM scratch\n\\\n  RUN b\n");

            assertThat(run.keyword()).isEqualTo("RUN");
            assertThat(run.origin()).isEqualTo(at(3, 3));
        }
    }

    @Nested
    class KeywordsAndForms {

        @Test
        void keywordsAreCaseInsensitiveAndStoredInUpperCase() {
            List<Instruction> all = instructions("from scratch\nRuN a\nuser app\n");

            assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
        }

        @Test
        void tabsSeparateTheKeyword() {
            Instruction run = second("FROM scratch\nRUN\t\techo\n");

            assertThat(run.arguments()).isEqualTo("echo");
        }

        @Test
        void execFormIsTheJsonArray() {
            Instruction cmd = second("FROM scratch\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n");

            assertThat(cmd.execForm()).containsExactly("nginx", "-g", "daemon off;");
            assertThat(cmd.arguments()).isEqualTo("[\"nginx\", \"-g\", \"daemon off;\"]");
        }

        @Test
        void jsonEscapesAreDecoded() {
            Instruction entrypoint = second("FROM scratch\nENTRYPOINT [\"a\\tb\", \"\\u00e9\", \"c\\\"d\"]\n");

            assertThat(entrypoint.execForm()).containsExactly("a\tb", "é", "c\"d");
        }

        @Test
        void shellFormHasNoExecForm() {
            Instruction run = second("FROM scratch\nRUN echo [\"a\"]\n");

            assertThat(run.isExecForm()).isFalse();
            assertThat(run.execForm()).isNull();
        }

        @Test
        void invalidJsonFallsBackToShellForm() {
            Instruction cmd = second("FROM scratch\nCMD [\"a\", 'b']\n");

            assertThat(cmd.isExecForm()).isFalse();
            assertThat(cmd.arguments()).isEqualTo("[\"a\", 'b']");
            assertThat(diagnostics).isEmpty();
        }

        @Test
        void textAfterTheJsonArrayMakesItShellForm() {
            Instruction cmd = second("FROM scratch\nCMD [\"a\"] b\n");

            assertThat(cmd.isExecForm()).isFalse();
        }

        @Test
        void aJsonArrayOfNonStringsIsAnError() {
            Instruction cmd = second("FROM scratch\nCMD [\"a\", 1]\n");

            assertThat(cmd.isExecForm()).isFalse();
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1),
                    "when using JSON array syntax, arrays must be comprised of strings only"));
        }

        @Test
        void anEmptyJsonArrayIsAnEmptyExecForm() {
            Instruction cmd = second("FROM scratch\nCMD []\n");

            assertThat(cmd.execForm()).isEmpty();
        }

        @Test
        void copyAndVolumeTakeTheJsonFormToo() {
            List<Instruction> all = instructions("FROM scratch\nCOPY [\"a b\", \"/c\"]\nVOLUME [\"/data\"]\n");

            assertThat(all.get(1).execForm()).containsExactly("a b", "/c");
            assertThat(all.get(2).execForm()).containsExactly("/data");
        }

        @Test
        void jsonIsNotReadForInstructionsThatHaveNoExecForm() {
            Instruction user = second("FROM scratch\nUSER [\"app\"]\n");

            assertThat(user.execForm()).isNull();
        }

        @Test
        void healthcheckCommandMayBeJson() {
            Instruction healthcheck = second("FROM scratch\nHEALTHCHECK --interval=5s CMD [\"/bin/check\", \"-q\"]\n");

            assertThat(healthcheck.execForm()).containsExactly("/bin/check", "-q");
            assertThat(healthcheck.flags()).isEqualTo(Map.of("interval", "5s"));
            assertThat(healthcheck.arguments()).isEqualTo("CMD [\"/bin/check\", \"-q\"]");
        }

        @Test
        void anUnknownInstructionIsAnErrorOnItsLineAndTheRestIsRead() {
            List<Instruction> all = instructions("FROM scratch\n  RUNN make\nUSER app\n");

            assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "USER");
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 3), "unknown instruction: RUNN"));
        }
    }

    @Nested
    class Flags {

        @Test
        void flagsAreTakenOffTheArguments() {
            Instruction copy = second("FROM scratch\nCOPY --from=build --chown=app:app /out /app\n");

            assertThat(copy.flags()).isEqualTo(Map.of("from", "build", "chown", "app:app"));
            assertThat(copy.arguments()).isEqualTo("/out /app");
        }

        @Test
        void aFlagWithoutValueHasAnEmptyValue() {
            Instruction copy = second("FROM scratch\nCOPY --link a /b\n");

            assertThat(copy.flags()).isEqualTo(Map.of("link", ""));
        }

        @Test
        void quotesInFlagsAreRemoved() {
            Instruction copy = second("FROM scratch\nCOPY --chown=\"app user\" a /b\n");

            assertThat(copy.flags()).isEqualTo(Map.of("chown", "app user"));
        }

        @Test
        void aRepeatedFlagKeepsEveryValueOnItsOwnLine() {
            Instruction run = second("FROM scratch\nRUN --mount=type=cache,target=/a --mount=type=secret,id=npm make\n");

            assertThat(run.flags()).isEqualTo(Map.of("mount", "type=cache,target=/a\ntype=secret,id=npm"));
            assertThat(run.arguments()).isEqualTo("make");
        }

        @Test
        void flagsMaySpanContinuedLines() {
            Instruction run = second("FROM scratch\nRUN --network=none \\\n    --security=sandbox \\\n    make\n");

            assertThat(run.flags()).isEqualTo(Map.of("network", "none", "security", "sandbox"));
            assertThat(run.arguments()).isEqualTo("make");
        }

        @Test
        void aSingleDashIsAnArgument() {
            Instruction run = second("FROM scratch\nRUN -x --y\n");

            assertThat(run.flags()).isEmpty();
            assertThat(run.arguments()).isEqualTo("-x --y");
        }

        @Test
        void fromTakesAPlatformFlag() {
            Instruction from = instructions("FROM --platform=linux/arm64 alpine:3.20 AS base\n").getFirst();

            assertThat(from.flags()).isEqualTo(Map.of("platform", "linux/arm64"));
            assertThat(from.arguments()).isEqualTo("alpine:3.20 AS base");
        }
    }

    @Nested
    class Heredocs {

        @Test
        void runHeredocBodyIsReadUpToItsTerminator() {
            List<Instruction> all = instructions("FROM scratch\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n");

            assertThat(all.get(1).heredocs()).containsExactly("apt-get update\napt-get install -y curl\n");
            assertThat(all.get(1).arguments()).isEqualTo("<<EOF");
            assertThat(all.get(2).origin()).isEqualTo(at(6, 1));
        }

        @Test
        void aHeredocBodyLineThatLooksLikeAnInstructionIsBody() {
            List<Instruction> all = instructions("FROM scratch\nRUN <<EOF\nUSER root\n# not a comment\nEOF\n");

            assertThat(all).hasSize(2);
            assertThat(all.get(1).heredocs()).containsExactly("USER root\n# not a comment\n");
        }

        @Test
        void dashHeredocStripsLeadingTabsFromBodyAndTerminator() {
            Instruction run = second("FROM scratch\nRUN <<-EOT\n\techo a\n\t\techo b\n\tEOT\n");

            assertThat(run.heredocs()).containsExactly("echo a\necho b\n");
        }

        @Test
        void plainHeredocKeepsTabsAndNeedsAnUnindentedTerminator() {
            Instruction run = second("FROM scratch\nRUN <<EOT\n\techo a\n\tEOT\nEOT\n");

            assertThat(run.heredocs()).containsExactly("\techo a\n\tEOT\n");
        }

        @Test
        void quotedTerminatorsLoseTheirQuotes() {
            List<Instruction> all = instructions("FROM scratch\nRUN <<\"EOF\"\necho $HOME\nEOF\nRUN <<'END'\nx\nEND\n");

            assertThat(all.get(1).heredocs()).containsExactly("echo $HOME\n");
            assertThat(all.get(2).heredocs()).containsExactly("x\n");
        }

        @Test
        void severalHeredocsOnOneLineAreReadInOrder() {
            Instruction copy = second("FROM scratch\nCOPY <<FILE1 <<FILE2 /dest/\ncontent 1\nFILE1\ncontent 2\nFILE2\n");

            assertThat(copy.heredocs()).containsExactly("content 1\n", "content 2\n");
        }

        @Test
        void copyHeredocMakesAFile() {
            Instruction copy = second("FROM scratch\nCOPY <<EOF /etc/app.conf\nport = 8080\nEOF\n");

            assertThat(copy.heredocs()).containsExactly("port = 8080\n");
            assertThat(copy.arguments()).isEqualTo("<<EOF /etc/app.conf");
        }

        @Test
        void heredocWithACommandAfterIt() {
            Instruction run = second("FROM scratch\nRUN <<PY python3\nprint('hello')\nPY\n");

            assertThat(run.heredocs()).containsExactly("print('hello')\n");
        }

        @Test
        void heredocWithAFileDescriptorAndFlags() {
            Instruction run = second("FROM scratch\nRUN --mount=type=cache,target=/c 3<<EOF cat /dev/fd/3\nx\nEOF\n");

            assertThat(run.heredocs()).containsExactly("x\n");
            assertThat(run.flags()).isEqualTo(Map.of("mount", "type=cache,target=/c"));
        }

        @Test
        void anEmptyHeredoc() {
            Instruction run = second("FROM scratch\nRUN <<EMPTY\nEMPTY\n");

            assertThat(run.heredocs()).containsExactly("");
        }

        @Test
        void aQuotedHeredocMarkerIsNotAHeredoc() {
            List<Instruction> all = instructions("FROM scratch\nRUN echo \"<<EOF\"\nUSER app\n");

            assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
            assertThat(all.get(1).heredocs()).isEmpty();
        }

        @Test
        void execFormNeverHasHeredocs() {
            List<Instruction> all = instructions("FROM scratch\nRUN [\"cat\", \"<<EOF\"]\nUSER app\n");

            assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
        }

        @Test
        void instructionsOtherThanRunCopyAddHaveNoHeredocs() {
            List<Instruction> all = instructions("FROM scratch\nUSER <<INVALID\nINVALID\n");

            assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "USER");
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(3, 1), "unknown instruction: INVALID"));
        }

        @Test
        void heredocAfterAContinuedLine() {
            Instruction run = second("FROM scratch\nRUN --network=none \\\n  <<EOF\nmake\nEOF\n");

            assertThat(run.heredocs()).containsExactly("make\n");
        }

        @Test
        void anUnterminatedHeredocIsAnErrorAtItsInstructionAndKeepsWhatItRead() {
            Instruction run = second("FROM scratch\nRUN <<EOF\necho a\n");

            assertThat(run.heredocs()).containsExactly("echo a\n");
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1),
                    "unterminated heredoc: no line \"EOF\" ends it before the end of the file"));
        }

        @Test
        void onbuildTriggerMayHaveAHeredoc() {
            List<Instruction> all = instructions("FROM scratch\nONBUILD RUN <<EOF\nmake\nEOF\nUSER app\n");

            assertThat(all.get(1).heredocs()).containsExactly("make\n");
            assertThat(all.get(1).onbuild()).isTrue();
            assertThat(all.get(2).keyword()).isEqualTo("USER");
        }
    }

    @Nested
    class Onbuild {

        @Test
        void onbuildGivesTheTriggerWithItsOwnKeywordAndOrigin() {
            Instruction trigger = second("FROM scratch\nONBUILD COPY --chown=app . /src\n");

            assertThat(trigger).isEqualTo(new Instruction("COPY", ". /src", null, Map.of("chown", "app"),
                    List.of(), true, at(2, 9)));
        }

        @Test
        void onbuildKeywordIsCaseInsensitive() {
            Instruction trigger = second("FROM scratch\nonbuild run make\n");

            assertThat(trigger.keyword()).isEqualTo("RUN");
            assertThat(trigger.onbuild()).isTrue();
        }

        @Test
        void onbuildTriggerOnTheNextLineGetsThatLinesOrigin() {
            Instruction trigger = second("FROM scratch\nONBUILD \\\n  USER root\n");

            assertThat(trigger.origin()).isEqualTo(at(3, 3));
        }

        @Test
        void onbuildOnbuildIsAnError() {
            List<Instruction> all = instructions("FROM scratch\nONBUILD ONBUILD RUN x\n");

            assertThat(all).hasSize(1);
            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 9), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"));
        }

        @Test
        void onbuildFromIsAnError() {
            instructions("FROM scratch\nONBUILD FROM alpine\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 9), "FROM isn't allowed as an ONBUILD trigger"));
        }

        @Test
        void onbuildWithoutTriggerIsAnError() {
            instructions("FROM scratch\nONBUILD\n");

            assertThat(diagnostics).containsExactly(Diagnostic.error(at(2, 1), "ONBUILD requires at least one argument"));
        }
    }

    @Test
    void stagesHoldTheirFromFirst() {
        List<Stage> stages = parse("FROM a AS one\nRUN x\nFROM b\nRUN y\n").stages();

        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN");
        assertThat(stages.get(1).instructions()).extracting(Instruction::origin).containsExactly(at(3, 1), at(4, 1));
    }
}
