package dev.shipshape.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A security profile setting: a seccomp or AppArmor profile, an SELinux label option, or the
 * masking of kernel paths under /proc and /sys.
 *
 * @param value   as written: {@code unconfined}, a profile name or path, inline profile JSON
 *                ({@code seccomp=<JSON>}: the docker CLI inlines a profile file), {@code type:spc_t}
 * @param profile the profile file's text when {@code value} names a file the loader could read
 *                (Compose reads {@code seccomp:<path>} relative to the Compose file, as Compose does); empty otherwise
 */
public record SecurityOption(Kind kind, String value, Origin origin, Optional<String> profile) {

    /**
     * {@code SYSTEM_PATHS}: {@code unconfined} for {@code systempaths=unconfined} (the docker CLI and
     * Compose send empty {@code MaskedPaths} and {@code ReadonlyPaths}), or the paths left unmasked
     * or writable, when a container states its own lists.
     */
    public enum Kind { SECCOMP, APPARMOR, SELINUX, NO_NEW_PRIVILEGES, SYSTEM_PATHS, OTHER }

    public SecurityOption(Kind kind, String value, Origin origin) {
        this(kind, value, origin, Optional.empty());
    }

    /** The seccomp profile's JSON text, inline or read from its file; empty for a name such as {@code unconfined} or {@code default}. */
    public Optional<String> seccompProfile() {
        if (kind != Kind.SECCOMP) return Optional.empty();
        if (profile.isPresent()) return profile;
        return value != null && value.strip().startsWith("{") ? Optional.of(value.strip()) : Optional.empty();
    }

    /**
     * True when the option switches the protection off by name: seccomp/AppArmor {@code unconfined},
     * SELinux labels disabled or the super-privileged type {@code spc_t}, system paths unmasked. A
     * seccomp profile that allows everything is judged from its text, by the rules.
     */
    public boolean isUnconfined() {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case SECCOMP, APPARMOR -> normalized.equals("unconfined");
            case SELINUX -> normalized.equals("disable") || isSuperPrivilegedType(normalized);
            case SYSTEM_PATHS -> !normalized.isEmpty();
            case NO_NEW_PRIVILEGES, OTHER -> false;
        };
    }

    /** {@code type:spc_t} (and {@code type:unconfined_t}): SELinux does not confine the process at all. */
    private static boolean isSuperPrivilegedType(String normalized) {
        if (!normalized.startsWith("type")) return false;
        String type = normalized.substring("type".length()).strip();
        if (type.isEmpty() || (type.charAt(0) != ':' && type.charAt(0) != '=')) return false;
        type = type.substring(1).strip();
        return type.equals("spc_t") || type.equals("unconfined_t");
    }
}
