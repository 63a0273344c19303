package dev.shipshape.systems;

import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Looks for the catalogue's settings in one container: its environment, its command (each item
 * split into words at white space, so that {@code sh -c "redis-server --requirepass x"} is read
 * too), its mounts and its published ports.
 */
public final class ContainerSettings {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final Container container;
    private final List<Setting<String>> words;

    public ContainerSettings(Container container) {
        this.container = container;
        this.words = words(container.command());
    }

    /**
     * A setting found: what was written ({@code --requirepass}, {@code POSTGRES_HOST_AUTH_METHOD=trust}),
     * its value (null when it comes from elsewhere, "" for a flag without one) and where.
     */
    public record Found(String written, String value, Origin origin) {
    }

    /** True when every one of {@code patterns} is found (and there is at least one). */
    public boolean findsAll(List<SettingPattern> patterns) {
        return !patterns.isEmpty() && patterns.stream().allMatch(pattern -> find(pattern).isPresent());
    }

    /** The first of {@code patterns} found, in their order. */
    public Optional<Found> findAny(List<SettingPattern> patterns) {
        for (SettingPattern pattern : patterns) {
            Optional<Found> found = find(pattern);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    public Optional<Found> find(SettingPattern pattern) {
        return switch (pattern.where()) {
            case ENV -> environment(pattern);
            case FLAG -> flag(pattern);
            case TEXT -> argument(pattern).or(() -> environmentText(pattern));
            case ARGUMENT -> argument(pattern);
            case MOUNT -> mount(pattern);
            case PUBLISHED -> published(pattern);
        };
    }

    private Optional<Found> environment(SettingPattern pattern) {
        for (EnvVar variable : container.environment().reversed()) {
            if (variable.name().equals(pattern.name())) {
                return pattern.accepts(variable.value())
                        ? Optional.of(new Found(variable.value() == null ? variable.name()
                                : variable.name() + "=" + (variable.value().isEmpty() ? "\"\"" : variable.value()),
                                pattern.meaning(variable.value()), variable.origin()))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Found> environmentText(SettingPattern pattern) {
        for (EnvVar variable : container.environment()) {
            if (variable.value() != null && variable.value().contains(pattern.name())) {
                return Optional.of(new Found(pattern.name() + " in " + variable.name(), variable.value(), variable.origin()));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> flag(SettingPattern pattern) {
        String wanted = withoutDashes(pattern.name());
        for (int at = 0; at < words.size(); at++) {
            String word = words.get(at).value();
            if (!word.startsWith("-")) continue;
            int equals = word.indexOf('=');
            String name = withoutDashes(equals < 0 ? word : word.substring(0, equals));
            if (!name.equals(wanted)) continue;
            // null: a flag alone ("--auth"), which reads as true; "" is a value written empty (--save "")
            String value = equals >= 0 ? word.substring(equals + 1)
                    : at + 1 < words.size() && !words.get(at + 1).value().startsWith("-") ? words.get(at + 1).value()
                    : null;
            if (pattern.accepts(value == null ? "true" : value)) {
                String written = equals >= 0 || value == null ? word : word + " " + value;
                return Optional.of(new Found(pattern.prefix() == null ? word : written, value == null ? "" : pattern.meaning(value),
                        words.get(at).origin()));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> argument(SettingPattern pattern) {
        for (Setting<String> item : container.command()) {
            if (item.value().contains(pattern.name())) return Optional.of(new Found(pattern.name(), item.value(), item.origin()));
        }
        return Optional.empty();
    }

    private Optional<Found> mount(SettingPattern pattern) {
        String path = pattern.name();
        return container.mounts().stream()
                .filter(mount -> mount.target() != null)
                .filter(mount -> mount.target().equals(path) || mount.target().startsWith(path + "/"))
                .findFirst()
                .map(mount -> new Found("a mount at " + mount.target(), mount.target(), mount.origin()));
    }

    private Optional<Found> published(SettingPattern pattern) {
        return container.ports().stream()
                .filter(port -> pattern.name().equals(containerPortNumber(port)) && publishedOnEveryInterface(port))
                .findFirst()
                .map(port -> new Found("port " + port.containerPort() + " published on all interfaces", port.hostPort(), port.origin()));
    }

    /** True when a port is published and its host interface is every interface (unset, 0.0.0.0 or ::). */
    public static boolean publishedOnEveryInterface(Port port) {
        if (!port.isPublished()) return false;
        String hostIp = port.hostIp().orElse("").strip();
        return hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::") || hostIp.equals("[::]");
    }

    /** The container port's number without a protocol ({@code 6379/tcp} is 6379). */
    public static String containerPortNumber(Port port) {
        String written = port.containerPort() == null ? "" : port.containerPort();
        int slash = written.indexOf('/');
        return slash < 0 ? written : written.substring(0, slash);
    }

    private static String withoutDashes(String name) {
        int at = 0;
        while (at < name.length() && name.charAt(at) == '-') at++;
        return name.substring(at);
    }

    private static List<Setting<String>> words(List<Setting<String>> command) {
        List<Setting<String>> words = new ArrayList<>();
        for (Setting<String> item : command) {
            if (item.value().isEmpty()) words.add(item);
            for (String word : WHITE_SPACE.split(item.value().strip())) {
                String unquoted = word.replace("\"", "").replace("'", "");
                // a word that was only quotes is an empty argument (--save "")
                if (!word.isEmpty()) words.add(Setting.of(unquoted, item.origin()));
            }
        }
        return words;
    }
}
