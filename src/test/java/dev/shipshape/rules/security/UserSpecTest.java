package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"root", "0", "000", "0:0", "0:1000", "root:root", "root:staff", " root ", "root:$GID",
            "+0", "-0", "00", "+00", "+0:+0", "-0:0", "00000000000000000000000", "0:0:extra", ":1000", ":0", ":", ":$GID"})
    void rootByNameOrUidZeroAsRuncReadsIt(String written) {
        assertThat(UserSpec.parse(written).isRoot()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "10001:10001", "app", "app:root", "1000:0", "Root", "rooter", "10", "",
            "-1", "+", "-", "+-0", "0x0", "0_0", "1e0", "+1", "-01", "4294967296", "toor"})
    void anyOtherUserIsNotRoot(String written) {
        assertThat(UserSpec.parse(written).isRoot()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$APP_USER", "${APP_USER}", "${UID:-0}", "$UID:$GID"})
    void aVariableIsUnknownNotRoot(String written) {
        UserSpec user = UserSpec.parse(written);
        assertThat(user.isVariable()).isTrue();
        assertThat(user.isRoot()).isFalse();
    }

    @Test
    void splitsAtTheFirstColon() {
        assertThat(UserSpec.parse("app:web:x")).isEqualTo(new UserSpec("app", "web:x"));
        assertThat(UserSpec.parse("app")).isEqualTo(new UserSpec("app", null));
        assertThat(UserSpec.parse(null)).isEqualTo(new UserSpec("", null));
    }
}
