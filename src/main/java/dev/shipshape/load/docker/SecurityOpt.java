package dev.shipshape.load.docker;

import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.Locale;

/**
 * One {@code HostConfig.SecurityOpt} entry as the engine stores it: {@code seccomp=unconfined},
 * {@code apparmor=unconfined}, {@code label=disable}, {@code no-new-privileges[:true]}; older
 * clients wrote {@code :} instead of {@code =}.
 */
final class SecurityOpt {

    private SecurityOpt() {
    }

    static void apply(String written, Origin origin, ContainerBuilder container) {
        if (written.equals("disable")) {
            // the engine takes a bare "disable" as label=disable
            container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SELINUX, "disable", origin));
            return;
        }
        int separator = firstSeparator(written);
        String key = (separator < 0 ? written : written.substring(0, separator)).strip().toLowerCase(Locale.ROOT);
        String value = separator < 0 ? "" : written.substring(separator + 1).strip();
        switch (key) {
            case "no-new-privileges" -> container.noNewPrivileges =
                    Setting.of(value.isEmpty() || value.equalsIgnoreCase("true"), origin);
            case "seccomp" -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SECCOMP, value, origin));
            case "apparmor" -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.APPARMOR, value, origin));
            case "label" -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SELINUX, value, origin));
            default -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.OTHER, written, origin));
        }
    }

    private static int firstSeparator(String text) {
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        if (equals < 0) return colon;
        if (colon < 0) return equals;
        return Math.min(equals, colon);
    }
}
