package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.rules.image.Invocation.ScriptKind;
import dev.shipshape.rules.image.ShellScript.Word;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Peeling wrappers off a command, and where an interpreter reads its code. */
class InvocationTest {

    private static Optional<Invocation> invocation(String command) {
        return Invocation.of(ShellScript.parse(command).getFirst().commands().getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "apt-get install -y git                     | apt-get | ~~",
            "DEBIAN_FRONTEND=noninteractive apt-get x   | apt-get | ~~",
            "sudo apt-get update                        | apt-get | sudo",
            "sudo -E -u app bash -s                     | bash    | sudo",
            "sudo --user app -- make                    | make    | sudo",
            "sudo VAR=1 make                            | make    | sudo",
            "sudo -v                                    | sudo    | ~~",
            "env -u HOME X=1 /usr/bin/python3 -         | python3 | env",
            "nice -n 10 nohup time make                 | make    | nice nohup time",
            "timeout 30 sh -c x                         | sh      | timeout",
            "gosu app node server.js                    | node    | gosu",
            "busybox wget -qO- x                        | wget    | busybox",
            "exec \"$@\"                                | $@      | exec",
            "then sudo sh                               | sh      | sudo",
            "! grep -q x f                              | grep    | ~~",
    })
    void peelsAssignmentsControlWordsAndWrappers(String command, String program, String wrappers) {
        Invocation invocation = invocation(command).orElseThrow();
        assertThat(invocation.program()).isEqualTo(program);
        assertThat(String.join(" ", invocation.wrappers())).isEqualTo(wrappers);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "sh                           | STDIN |",
            "bash -                       | STDIN |",
            "bash -s -- --yes             | STDIN |",
            "sh -ex                       | STDIN |",
            "bash -o pipefail             | STDIN |",
            "bash /dev/stdin              | STDIN |",
            "sh install.sh                | FILE  | install.sh",
            "bash -e install.sh           | FILE  | install.sh",
            "bash -o pipefail -c 'a && b' | CODE  | a && b",
            "sh -ec 'make'                | CODE  | make",
            "sh -c                        | NONE  |",
            "python3                      | STDIN |",
            "python3 -                    | STDIN |",
            "python3 -u -                 | STDIN |",
            "python3 -c 'print(1)'        | CODE  | print(1)",
            "python3 -uc 'print(1)'       | CODE  | print(1)",
            "python3 -m pip install x     | NONE  |",
            "python3 -W ignore tool.py    | FILE  | tool.py",
            "perl -le 'print 1'           | CODE  | print 1",
            "perl - App::cpanminus        | STDIN |",
            "ruby -e 'p 1'                | CODE  | p 1",
            "node                         | STDIN |",
            "node -e 'x()'                | CODE  | x()",
            "node -r dotenv/config app.js | FILE  | app.js",
            "php -r 'echo 1;'             | CODE  | echo 1;",
            "eval \"$X\"                  | CODE  | $X",
            "source /etc/profile          | FILE  | /etc/profile",
            "su -c 'make' app             | CODE  | make",
            "make install                 | NONE  |",
    })
    void findsWhereTheCodeComesFrom(String command, ScriptKind kind, String word) {
        Invocation.Script script = invocation(command).orElseThrow().script();
        assertThat(script.kind()).isEqualTo(kind);
        assertThat(script.word() == null ? null : script.word().value()).isEqualTo(word);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X=1", "X=1 Y=2", "if", "then"})
    void onlyAssignmentsOrControlWordsRunNothing(String command) {
        assertThat(invocation(command)).isEmpty();
    }

    @Test
    void aWrapperWithNothingToWrapIsTheProgram() {
        assertThat(invocation("sudo -v").map(Invocation::program)).hasValue("sudo");
        assertThat(invocation("env").map(Invocation::program)).hasValue("env");
    }

    @Test
    void aWordIsKeptWithItsSubstitutions() {
        Word word = invocation("bash <(curl -s x)").orElseThrow().script().word();
        assertThat(word.processSubstitution()).isEqualTo("curl -s x");
    }
}
