package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Dependency;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compose {@code depends_on}: the short list {@code [db, cache]} (each dependency at its item,
 * condition unset) and the long mapping {@code {db: {condition: service_healthy}}} (each at its
 * service key, the condition at the {@code condition} key). A service name merged from the short
 * form into the long one (override files, {@code extends}) has a null value: it states no condition.
 */
final class DependencySyntax {

    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");

    private DependencySyntax() {
    }

    static List<Dependency> read(ComposeNode value, SettingReader reader) {
        List<Dependency> dependencies = new ArrayList<>();
        switch (value) {
            case Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    reader.itemText(item, "a depends_on entry").map(String::trim).ifPresent(service -> {
                        if (service.isEmpty()) {
                            reader.error(item.origin(), "a depends_on entry must name a service");
                        } else {
                            dependencies.add(new Dependency(service, Setting.unset(item.origin()), item.origin()));
                        }
                    });
                }
            }
            case Mapping mapping -> {
                for (Member service : mapping.members()) dependencies.add(longForm(service, reader));
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(value.origin(), "'depends_on' must be a list or a mapping, not " + value.describeType());
        }
        return dependencies;
    }

    private static Dependency longForm(Member service, SettingReader reader) {
        Setting<String> condition = Setting.unset(service.keyOrigin());
        switch (service.value()) {
            case Mapping settings -> {
                condition = reader.string(settings, "condition", service.keyOrigin());
                settings.get("condition").ifPresent(written -> checkCondition(written, reader));
                if (condition.isSet() && condition.value().isBlank()) condition = Setting.unset(service.keyOrigin());
            }
            case Scalar scalar when scalar.isNull() -> { }
            default -> reader.error(service.value().origin(), "the depends_on entry '" + service.key()
                    + "' must be a mapping (condition, required, restart), not " + service.value().describeType());
        }
        return new Dependency(service.key(), condition, service.keyOrigin());
    }

    /** Compose refuses a condition it does not know; the value is still kept as written. */
    private static void checkCondition(ComposeNode written, SettingReader reader) {
        if (!(written instanceof Scalar scalar) || scalar.isNull() || CONDITIONS.contains(scalar.text())) return;
        if (scalar.interpolated() && scalar.text().isBlank()) return;
        reader.error(scalar.origin(), "unknown depends_on condition \"" + scalar.text()
                + "\": use service_started, service_healthy or service_completed_successfully");
    }
}
