package dev.shipshape.rules.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A seccomp profile in Docker's JSON format, judged by what it lets through: its
 * {@code defaultAction} and the system calls its rules still block. A profile whose default
 * allows (or only logs, or hands to a user-space agent) and that does not block every system call
 * of {@link #ESCAPE_CALLS} confines nothing that matters: it is as good as {@code unconfined}.
 *
 * @param defaultAction the profile's {@code defaultAction}, upper case
 * @param letThrough    the escape system calls it does not block, in {@link #ESCAPE_CALLS}' order
 */
record SeccompProfile(String defaultAction, List<String> letThrough) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Actions that let a system call run. */
    private static final Set<String> ALLOWING = Set.of("SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY", "SCMP_ACT_TRACE");

    /**
     * System calls that Docker's default profile blocks and that container escapes are made of:
     * mounting, new namespaces, kernel modules and new kernels, file handles, BPF, tracing other
     * processes and the kernel keyring.
     */
    static final List<String> ESCAPE_CALLS = List.of("mount", "umount2", "unshare", "setns", "pivot_root",
            "open_by_handle_at", "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load",
            "bpf", "ptrace", "keyctl", "add_key", "request_key", "userfaultfd", "perf_event_open");

    /** The profile, or empty when the text is not a JSON object (the engine refuses such a profile). */
    static Optional<SeccompProfile> parse(String text) {
        JsonNode profile;
        try {
            profile = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
        if (profile == null || !profile.isObject()) return Optional.empty();
        String defaultAction = profile.path("defaultAction").asText("").strip().toUpperCase(Locale.ROOT);
        Set<String> blocked = new HashSet<>();
        for (JsonNode rule : profile.path("syscalls")) {
            String action = rule.path("action").asText("").strip().toUpperCase(Locale.ROOT);
            // a rule with conditions blocks only some calls of its names; only an unconditional one blocks them
            if (ALLOWING.contains(action) || action.isEmpty() || hasConditions(rule)) continue;
            rule.path("names").forEach(name -> blocked.add(name.asText("")));
            if (rule.path("name").isTextual()) blocked.add(rule.path("name").asText());
        }
        List<String> letThrough = ALLOWING.contains(defaultAction)
                ? ESCAPE_CALLS.stream().filter(call -> !blocked.contains(call)).toList()
                : List.of();
        return Optional.of(new SeccompProfile(defaultAction, letThrough));
    }

    private static boolean hasConditions(JsonNode rule) {
        return (rule.path("args").isArray() && !rule.path("args").isEmpty())
                || rule.path("includes").size() > 0 || rule.path("excludes").size() > 0;
    }

    /** True when the default lets calls through and some escape call is not blocked. */
    boolean confinesNothingThatMatters() {
        return !letThrough.isEmpty();
    }
}
