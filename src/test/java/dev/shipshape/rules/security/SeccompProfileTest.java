package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.model.SecurityOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeccompProfileTest {

    private static final String BLOCKS_ESCAPES = """
            {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mount","umount2","unshare","setns","pivot_root",
             "open_by_handle_at","init_module","finit_module","delete_module","kexec_load","kexec_file_load","bpf","ptrace",
             "keyctl","add_key","request_key","userfaultfd","perf_event_open"],"action":"SCMP_ACT_KILL_PROCESS"}]}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "scmp_act_allow", "SCMP_ACT_NOTIFY", "SCMP_ACT_TRACE"})
    void aDefaultThatLetsCallsThroughConfinesNothing(String action) {
        SeccompProfile profile = SeccompProfile.parse("{\"defaultAction\":\"" + action + "\"}").orElseThrow();
        assertThat(profile.confinesNothingThatMatters()).isTrue();
        assertThat(profile.letThrough()).isEqualTo(SeccompProfile.ESCAPE_CALLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_TRAP"})
    void aBlockingDefaultConfines(String action) {
        assertThat(SeccompProfile.parse("{\"defaultAction\":\"" + action + "\",\"syscalls\":[{\"names\":[\"read\"],"
                + "\"action\":\"SCMP_ACT_ALLOW\"}]}").orElseThrow().confinesNothingThatMatters()).isFalse();
    }

    @Test
    void anAllowingDefaultThatBlocksEveryEscapeCallConfines() {
        assertThat(SeccompProfile.parse(BLOCKS_ESCAPES).orElseThrow().confinesNothingThatMatters()).isFalse();
    }

    @Test
    void aRuleWithConditionsBlocksOnlySomeCalls() {
        String conditional = BLOCKS_ESCAPES.replace("\"action\":\"SCMP_ACT_KILL_PROCESS\"",
                "\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,\"value\":1,\"op\":\"SCMP_CMP_EQ\"}]");
        assertThat(SeccompProfile.parse(conditional).orElseThrow().letThrough()).isEqualTo(SeccompProfile.ESCAPE_CALLS);
    }

    @Test
    void whatItLetsThroughIsNamed() {
        String missing = BLOCKS_ESCAPES.replace("\"ptrace\",", "").replace(",\"perf_event_open\"", "");
        assertThat(SeccompProfile.parse(missing).orElseThrow().letThrough()).containsExactly("ptrace", "perf_event_open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "\"x\"", "{"})
    void textThatIsNotAProfileIsNotJudged(String text) {
        assertThat(SeccompProfile.parse(text)).isEmpty();
    }

    @Test
    void theProfileIsTheInlineValueOrTheFileRead() {
        Origin origin = Origin.live("container web (request)");
        assertThat(new SecurityOption(SecurityOption.Kind.SECCOMP, " {\"defaultAction\":\"SCMP_ACT_ALLOW\"}", origin).seccompProfile())
                .contains("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}");
        assertThat(new SecurityOption(SecurityOption.Kind.SECCOMP, "./p.json", origin, Optional.of("{}")).seccompProfile()).contains("{}");
        assertThat(new SecurityOption(SecurityOption.Kind.SECCOMP, "unconfined", origin).seccompProfile()).isEmpty();
        assertThat(new SecurityOption(SecurityOption.Kind.APPARMOR, "{}", origin).seccompProfile()).isEmpty();
    }
}
