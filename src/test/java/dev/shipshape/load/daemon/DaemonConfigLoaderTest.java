package dev.shipshape.load.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DaemonConfigLoaderTest {

    private static final String FILE = "/etc/docker/daemon.json";

    private static LoadResult load(String text) {
        return new DaemonConfigLoader().load(FILE, text);
    }

    private static DaemonConfig config(LoadResult result) {
        assertThat(result.inventory().daemons()).hasSize(1);
        return result.inventory().daemons().getFirst();
    }

    /** Loads text that must give no diagnostics. */
    private static DaemonConfig clean(String text) {
        LoadResult result = load(text);
        assertThat(result.diagnostics()).isEmpty();
        return config(result);
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    private static String resource(String name) {
        try (InputStream in = DaemonConfigLoaderTest.class.getResourceAsStream("/load/daemon/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aHardenedDaemonJsonIndentedWithTabs() {
        DaemonConfig config = clean(resource("hardened.daemon.json"));

        assertThat(config).isEqualTo(new DaemonConfig(at(1, 1),
                List.of(Setting.of("unix:///var/run/docker.sock", at(7, 12)), Setting.of("tcp://0.0.0.0:2376", at(7, 43))),
                Setting.of(true, at(8, 2)),
                Setting.of(true, at(9, 2)),
                Setting.of("default", at(3, 2)),
                Setting.of(false, at(2, 2)),
                Setting.of(true, at(4, 2)),
                Setting.of(true, at(5, 2)),
                List.of(Setting.of("shipshape", at(13, 28)))));
    }

    @Test
    void everySettingIsUnsetAtTheOpeningBraceWhenAbsent() {
        DaemonConfig config = clean("\n  {\"debug\": true}\n");

        Origin brace = at(2, 3);
        assertThat(config).isEqualTo(new DaemonConfig(brace, List.of(), Setting.unset(brace), Setting.unset(brace),
                Setting.unset(brace), Setting.unset(brace), Setting.unset(brace), Setting.unset(brace), List.of()));
    }

    @Nested
    class Keys {

        @Test void icc() { assertThat(clean("{\"icc\": false}").icc()).isEqualTo(Setting.of(false, at(1, 2))); }
        @Test void tls() { assertThat(clean("{\"tls\": true}").tls()).isEqualTo(Setting.of(true, at(1, 2))); }
        @Test void tlsverify() { assertThat(clean("{\"tlsverify\": false}").tlsVerify()).isEqualTo(Setting.of(false, at(1, 2))); }
        @Test void usernsRemap() { assertThat(clean("{\"userns-remap\": \"dockremap:dockremap\"}").usernsRemap()).isEqualTo(Setting.of("dockremap:dockremap", at(1, 2))); }
        @Test void noNewPrivileges() { assertThat(clean("{\"no-new-privileges\": true}").noNewPrivileges()).isEqualTo(Setting.of(true, at(1, 2))); }
        @Test void liveRestore() { assertThat(clean("{\"live-restore\": true}").liveRestore()).isEqualTo(Setting.of(true, at(1, 2))); }
        @Test void hostsEachAtItsItem() {
            assertThat(clean("{\"hosts\": [\n  \"fd://\",\n  \"tcp://127.0.0.1:2375\"\n]}").hosts())
                    .containsExactly(Setting.of("fd://", at(2, 3)), Setting.of("tcp://127.0.0.1:2375", at(3, 3)));
        }
        @Test void authorizationPlugins() {
            assertThat(clean("{\"authorization-plugins\":[\"a\",\"b\"]}").authorizationPlugins())
                    .containsExactly(Setting.of("a", at(1, 27)), Setting.of("b", at(1, 31)));
        }
        @Test void emptyHostsList() { assertThat(clean("{\"hosts\": []}").hosts()).isEmpty(); }
        @Test void keysAreCaseSensitive() { assertThat(clean("{\"ICC\": false}").icc()).isEqualTo(Setting.unset(at(1, 1))); }
        @Test void unknownKeysAreAccepted() { assertThat(clean("{\"storage-driver\": \"overlay2\", \"x-custom\": 1}").icc().isSet()).isFalse(); }
        @Test void nullIsIgnoredAsDockerdIgnoresIt() { assertThat(clean("{\"icc\": null}").icc()).isEqualTo(Setting.unset(at(1, 2))); }
        @Test void nullListIsEmpty() { assertThat(clean("{\"hosts\": null}").hosts()).isEmpty(); }
    }

    @Nested
    class JsonThatYamlMustRead {

        @Test void unicodeEscapes() { assertThat(clean("{\"userns-remap\": \"r\\u00e9mi\"}").usernsRemap().value()).isEqualTo("rémi"); }
        @Test void surrogatePairEscape() { assertThat(clean("{\"userns-remap\": \"\\ud83d\\ude00\"}").usernsRemap().value()).isEqualTo("\uD83D\uDE00"); }
        @Test void escapedSolidusAndTab() { assertThat(clean("{\"userns-remap\": \"a\\/b\\tc\"}").usernsRemap().value()).isEqualTo("a/b\tc"); }
        @Test void tabsBeforeTheObject() { assertThat(clean("\t{\"icc\": true}").icc()).isEqualTo(Setting.of(true, at(1, 3))); }
        @Test void tabsOnTheLineBeforeTheObject() { assertThat(clean("\t\n\t{\"icc\": true}").origin()).isEqualTo(at(2, 2)); }
        @Test void tabsAfterTheColon() { assertThat(clean("{\"icc\":\tfalse}").icc()).isEqualTo(Setting.of(false, at(1, 2))); }
        @Test void windowsLineEndings() { assertThat(clean("{\r\n  \"icc\": false\r\n}\r\n").icc()).isEqualTo(Setting.of(false, at(2, 3))); }
        @Test void minified() { assertThat(clean("{\"icc\":false,\"tls\":true}").tls()).isEqualTo(Setting.of(true, at(1, 14))); }
        @Test void astralCharacterBeforeAValueKeepsColumns() {
            assertThat(clean("{\"labels\": [\"\uD83D\uDE00\"], \"icc\": false}").icc()).isEqualTo(Setting.of(false, at(1, 19)));
        }
    }

    @Nested
    class WrongTypes {

        @Test
        void aStringWhereABooleanBelongsIsAnErrorAndLeavesItUnset() {
            LoadResult result = load("{\n  \"icc\": \"no\"\n}");

            assertThat(config(result).icc()).isEqualTo(Setting.unset(at(2, 3)));
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(2, 3),
                    "'icc' must be a boolean (true or false), not the string \"no\"; dockerd will not start with this file"));
        }

        @Test
        void theStringTrueIsNotABoolean() {
            LoadResult result = load("{\"live-restore\": \"true\"}");

            assertThat(config(result).liveRestore().isSet()).isFalse();
            assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
                    "'live-restore' must be a boolean (true or false), not the string \"true\"; dockerd will not start with this file");
        }

        @Test
        void aNumberWhereABooleanBelongs() {
            LoadResult result = load("{\"tls\": 1}");

            assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
                    "'tls' must be a boolean (true or false), not the number 1; dockerd will not start with this file");
        }

        @Test
        void aBooleanWhereAStringBelongs() {
            LoadResult result = load("{\"userns-remap\": true}");

            assertThat(config(result).usernsRemap()).isEqualTo(Setting.unset(at(1, 2)));
            assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
                    "'userns-remap' must be a string, not the boolean true; dockerd will not start with this file");
        }

        @Test
        void aStringWhereAListBelongs() {
            LoadResult result = load("{\"hosts\": \"tcp://0.0.0.0:2375\"}");

            assertThat(config(result).hosts()).isEmpty();
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(1, 2),
                    "'hosts' must be a list of strings, not the string \"tcp://0.0.0.0:2375\"; dockerd will not start with this file"));
        }

        @Test
        void aNonStringListItemIsAnErrorAtTheItemAndTheOthersStay() {
            LoadResult result = load("{\"authorization-plugins\": [\"authz\", {\"name\": \"x\"}]}");

            assertThat(config(result).authorizationPlugins()).containsExactly(Setting.of("authz", at(1, 28)));
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(1, 37),
                    "'authorization-plugins' must be a list of strings; this entry is an object"));
        }

        @Test
        void aRepeatedKeyIsAnErrorAndTheLastOneCountsAsInDockerd() {
            LoadResult result = load("{\"icc\": true,\n \"icc\": false}");

            assertThat(config(result).icc()).isEqualTo(Setting.of(false, at(2, 2)));
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(2, 2),
                    "'icc' is given more than once (first at line 1); dockerd takes the last, other readers may not: give each key once"));
        }

        @Test
        void aWrongTypeInAnEarlierRepeatIsStillReported() {
            LoadResult result = load("{\"icc\": \"no\",\n \"icc\": false}");

            assertThat(config(result).icc()).isEqualTo(Setting.of(false, at(2, 2)));
            assertThat(result.diagnostics()).extracting(Diagnostic::origin).containsExactlyInAnyOrder(at(1, 2), at(2, 2));
        }
    }

    @Nested
    class NotAnObject {

        @Test
        void aListIsAnError() {
            LoadResult result = load("[\"icc\"]");

            assertThat(result.inventory().daemons()).isEmpty();
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(1, 1), "daemon.json must hold a JSON object ({…}), not a list"));
        }

        @Test
        void aStringIsAnError() {
            LoadResult result = load("\"icc\"");

            assertThat(result.inventory().daemons()).isEmpty();
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(1, 1), "daemon.json must hold a JSON object ({…}), not a scalar"));
        }

        @Test
        void aSyntaxErrorIsAnErrorWithItsPlace() {
            LoadResult result = load("{\"icc\": false,,}");

            assertThat(result.inventory().daemons()).isEmpty();
            assertThat(result.diagnostics()).hasSize(1);
            assertThat(result.diagnostics().getFirst().level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(result.diagnostics().getFirst().origin().line()).isEqualTo(1);
        }

        @Test
        void yamlInsteadOfJsonIsAnErrorAndNoDaemonIsJudged() {
            LoadResult result = load("icc: false\n");

            assertThat(result.inventory().daemons()).isEmpty();
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(at(1, 1), "not valid JSON: unexpected 'icc': "
                    + "a JSON value is a \"string\", a number, an {object}, an [array], true, false or null"));
        }

        @Test
        void anEmptyFileIsAnEmptyConfiguration() {
            assertThat(clean("  \n").origin()).isEqualTo(at(1, 1));
        }

        @Test
        void jsonNullIsAnEmptyConfiguration() {
            assertThat(clean("null").icc().isSet()).isFalse();
        }
    }

    /** What dockerd's JSON decoder refuses is an error at its place, and no daemon is judged from the file. */
    @Nested
    class StrictJsonAsDockerdReadsIt {

        private void refused(String text, Origin where, String message) {
            LoadResult result = load(text);
            assertThat(result.inventory().daemons()).isEmpty();
            assertThat(result.diagnostics()).containsExactly(Diagnostic.error(where, message));
        }

        @Test void aLineComment() { refused("{\n  // hardened\n  \"icc\": false\n}", at(2, 3), "not valid JSON: a comment; JSON has no comments"); }
        @Test void aBlockComment() { refused("{\"icc\": false /* off */}", at(1, 15), "not valid JSON: a comment; JSON has no comments"); }
        @Test void aHashComment() { refused("# docker\n{\"icc\": false}", at(1, 1), "not valid JSON: a comment; JSON has no comments"); }
        @Test void aTrailingCommaInAnObject() { refused("{\"icc\": false,\n}", at(2, 1), "not valid JSON: a comma before '}'; JSON allows no trailing comma"); }
        @Test void aTrailingCommaInAList() { refused("{\"hosts\": [\"unix:///x\",]}", at(1, 24), "not valid JSON: a comma before ']'; JSON allows no trailing comma"); }
        @Test void singleQuotes() { refused("{'icc': false}", at(1, 2), "not valid JSON: a string in single quotes; JSON strings take double quotes"); }
        @Test void anUnquotedKey() { refused("{icc: false}", at(1, 2), "not valid JSON: a key without double quotes"); }
        @Test void aSecondValue() { refused("{\"icc\": false}\n{\"tls\": true}", at(2, 1), "not valid JSON: a second value after the first; a JSON file holds one"); }
        @Test void anUnfinishedObject() { refused("{\"icc\": false", at(1, 14), "not valid JSON: the file ends before the JSON value does"); }

        @Test
        void theLastOfRepeatedKeysCountsInEveryObject() {
            LoadResult result = load("{\"icc\": false, \"tls\": true, \"icc\": true}");

            assertThat(config(result).icc()).isEqualTo(Setting.of(true, at(1, 29)));
            assertThat(result.diagnostics()).extracting(Diagnostic::level).containsExactly(Diagnostic.Level.ERROR);
        }

        @Test
        void nestingDeeperThanTheReaderTakesIsAnErrorNotACrash() {
            LoadResult result = load("{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}");

            assertThat(result.inventory().daemons()).isEmpty();
            assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly("not valid JSON: nested too deeply or too long to read");
        }
    }
}
