package dev.shipshape.load.compose;

import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import java.util.Locale;

/**
 * One {@code security_opt} entry: {@code seccomp:…} (a profile file is read, as Compose reads it),
 * {@code apparmor:…}, {@code label:…} (a colon or an equals sign), {@code systempaths=unconfined}
 * (Compose sends empty masked and read-only path lists), and {@code no-new-privileges[:true|false]},
 * which also sets the container's no-new-privileges setting.
 */
final class SecurityOptSyntax {

    private SecurityOptSyntax() {
    }

    static void apply(String written, Origin origin, ContainerBuilder container, SettingReader reader,
            SeccompProfileFiles profiles) {
        String text = written.trim();
        if (text.equals("systempaths=unconfined")) {
            container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS, "unconfined", origin));
            return;
        }
        int separator = firstSeparator(text);
        String name = (separator < 0 ? text : text.substring(0, separator)).trim().toLowerCase(Locale.ROOT);
        String value = separator < 0 ? null : text.substring(separator + 1).trim();
        switch (name) {
            case "seccomp" -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SECCOMP, orEmpty(value), origin,
                    profiles.read(orEmpty(value), origin)));
            case "apparmor" -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.APPARMOR, orEmpty(value), origin));
            case "label" -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.SELINUX, orEmpty(value), origin));
            case "no-new-privileges" -> {
                String normalized = value == null ? "true" : value.toLowerCase(Locale.ROOT);
                if (!normalized.equals("true") && !normalized.equals("false")) {
                    reader.error(origin, "no-new-privileges takes true or false, not \"" + value + "\"");
                    return;
                }
                container.noNewPrivileges = Setting.of(normalized.equals("true"), origin);
                container.securityOptions.add(new SecurityOption(SecurityOption.Kind.NO_NEW_PRIVILEGES, normalized, origin));
            }
            default -> container.securityOptions.add(new SecurityOption(SecurityOption.Kind.OTHER, text, origin));
        }
    }

    private static int firstSeparator(String text) {
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == ':' || c == '=') return at;
        }
        return -1;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
