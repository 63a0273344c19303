package dev.shipshape.load.kubernetes;

import dev.shipshape.load.yaml.YamlNode;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a pod's or a container's {@code securityContext}. */
final class SecurityContextReader {

    private static final List<String> CONTAINER_ONLY =
            List.of("privileged", "allowPrivilegeEscalation", "capabilities", "readOnlyRootFilesystem");
    private static final List<String> SELINUX_FIELDS = List.of("user", "role", "type", "level");

    private final Problems problems;

    SecurityContextReader(Problems problems) {
        this.problems = problems;
    }

    /** A pod's context: only what containers inherit; container-only keys written here are reported. */
    SecurityContext readPod(Optional<Fields> securityContext) {
        if (securityContext.isEmpty()) return SecurityContext.NONE;
        Fields fields = securityContext.get();
        for (String key : CONTAINER_ONLY) {
            fields.entry(key).ifPresent(misplaced -> problems.warn(misplaced.origin(),
                    "'" + key + "' is not a pod-level setting and has no effect here; set it in each container's securityContext"));
        }
        return new SecurityContext(user(fields), fields.bool("runAsNonRoot").orElse(null),
                seccomp(fields), appArmor(fields), seLinux(fields),
                null, null, null, null, null);
    }

    SecurityContext readContainer(Optional<Fields> securityContext) {
        if (securityContext.isEmpty()) return SecurityContext.NONE;
        Fields fields = securityContext.get();
        Optional<Fields> capabilities = fields.mapping("capabilities");
        return new SecurityContext(user(fields), fields.bool("runAsNonRoot").orElse(null),
                seccomp(fields), appArmor(fields), seLinux(fields),
                fields.bool("privileged").orElse(null),
                fields.bool("allowPrivilegeEscalation").map(allowed -> Setting.of(!allowed.value(), allowed.origin())).orElse(null),
                capabilities.map(caps -> capabilityList(caps, "add")).orElse(null),
                capabilities.map(caps -> capabilityList(caps, "drop")).orElse(null),
                fields.bool("readOnlyRootFilesystem").orElse(null));
    }

    private Setting<String> user(Fields fields) {
        return fields.integer("runAsUser").map(uid -> Setting.of(Long.toString(uid.value()), uid.origin())).orElse(null);
    }

    private List<Setting<String>> capabilityList(Fields capabilities, String key) {
        if (capabilities.entry(key).isEmpty()) return null;
        List<Setting<String>> names = new ArrayList<>();
        for (YamlNode item : capabilities.list(key)) {
            Optional<String> name = item.text();
            if (name.isPresent()) {
                names.add(Setting.of(name.get(), item.origin()));
            } else {
                problems.warn(item.origin(), "a capability should be a name such as NET_ADMIN, not " + item.describeType());
            }
        }
        return names;
    }

    private SecurityOption seccomp(Fields fields) {
        return fields.mapping("seccompProfile").map(profile -> profile(profile, "seccompProfile", SecurityOption.Kind.SECCOMP)).orElse(null);
    }

    private SecurityOption appArmor(Fields fields) {
        return fields.mapping("appArmorProfile").map(profile -> profile(profile, "appArmorProfile", SecurityOption.Kind.APPARMOR)).orElse(null);
    }

    /**
     * A profile in the words of the annotations that came before the fields (and of Docker):
     * "unconfined", "runtime/default", "localhost/&lt;profile&gt;"; an unknown type as written.
     */
    private SecurityOption profile(Fields profile, String key, SecurityOption.Kind kind) {
        Optional<Setting<String>> type = profile.text("type");
        if (type.isEmpty()) {
            if (profile.entry("type").isEmpty()) problems.warn(profile.origin(), "'" + key + "' has no 'type'");
            return null;
        }
        String value = switch (type.get().value()) {
            case "Unconfined" -> "unconfined";
            case "RuntimeDefault" -> "runtime/default";
            case "Localhost" -> "localhost/" + profile.text("localhostProfile").map(Setting::value).orElse("");
            default -> type.get().value();
        };
        return new SecurityOption(kind, value, type.get().origin());
    }

    private List<SecurityOption> seLinux(Fields fields) {
        Optional<Fields> options = fields.mapping("seLinuxOptions");
        if (options.isEmpty()) return null;
        List<SecurityOption> written = new ArrayList<>();
        for (String field : SELINUX_FIELDS) {
            options.get().text(field).ifPresent(value ->
                    written.add(new SecurityOption(SecurityOption.Kind.SELINUX, field + ":" + value.value(), value.origin())));
        }
        return written;
    }
}
