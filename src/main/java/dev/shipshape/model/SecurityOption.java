package dev.shipshape.model;

import java.util.Locale;

/** A security profile setting: a seccomp or AppArmor profile, or an SELinux label option. */
public record SecurityOption(Kind kind, String value, Origin origin) {

    public enum Kind { SECCOMP, APPARMOR, SELINUX, NO_NEW_PRIVILEGES, OTHER }

    /** True when the option switches the protection off: seccomp/AppArmor unconfined, SELinux labels disabled. */
    public boolean isUnconfined() {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case SECCOMP, APPARMOR -> normalized.equals("unconfined");
            case SELINUX -> normalized.equals("disable");
            case NO_NEW_PRIVILEGES, OTHER -> false;
        };
    }
}
