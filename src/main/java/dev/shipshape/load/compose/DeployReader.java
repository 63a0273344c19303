package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Rollout;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a service is rolled out and placed, from its {@code deploy} section: {@code update_config}
 * (Swarm always updates a service replica by replica, so a written update_config is a "rolling"
 * strategy at its key), {@code mode}, and {@code placement} preferences and constraints.
 */
final class DeployReader {

    private final SettingReader reader;

    DeployReader(SettingReader reader) {
        this.reader = reader;
    }

    /**
     * Without {@code update_config} everything is unset at the service key; with it, what it does
     * not state is unset at the {@code update_config} key. Swarm has no maxUnavailable.
     */
    Rollout rollout(Optional<Mapping> deploy, Origin service) {
        Optional<Member> updateConfig = deploy.flatMap(settings -> settings.member("update_config"));
        if (updateConfig.isEmpty()) return Rollout.unset(service);
        Optional<Mapping> settings = reader.mapping(deploy.get(), "update_config");
        boolean empty = updateConfig.get().value() instanceof Scalar scalar && scalar.isNull();
        if (settings.isEmpty() && !empty) return Rollout.unset(service);
        Origin at = updateConfig.get().keyOrigin();
        return new Rollout(Setting.of("rolling", at), Setting.unset(at),
                settings.map(config -> reader.string(config, "order", at)).orElse(Setting.unset(at)),
                settings.map(config -> reader.string(config, "failure_action", at)).orElse(Setting.unset(at)));
    }

    Scheduling scheduling(Optional<Mapping> deploy, Origin service) {
        if (deploy.isEmpty()) return Scheduling.unset(service);
        Setting<String> mode = reader.string(deploy.get(), "mode", service);
        Optional<Mapping> placement = reader.mapping(deploy.get(), "placement");
        List<Setting<String>> preferences = new ArrayList<>();
        List<Setting<String>> constraints = new ArrayList<>();
        if (placement.isPresent()) {
            for (ComposeNode item : reader.list(placement.get(), "preferences", false)) readPreference(item, preferences);
            for (ComposeNode item : reader.list(placement.get(), "constraints", false)) {
                reader.itemText(item, "a placement constraint").map(String::trim).filter(text -> !text.isEmpty())
                        .ifPresent(text -> constraints.add(Setting.of(text, item.origin())));
            }
        }
        return new Scheduling(mode, false, false, preferences, constraints);
    }

    /** {@code - spread: node.labels.zone} as "spread=node.labels.zone" at the item; spread is the only preference Swarm has. */
    private void readPreference(ComposeNode item, List<Setting<String>> into) {
        if (!(item instanceof Mapping preference)) {
            reader.error(item.origin(), "a placement preference must be a mapping such as {spread: node.labels.zone}, not " + item.describeType());
            return;
        }
        for (Member member : preference.members()) {
            if (!member.key().equals("spread")) {
                reader.error(member.keyOrigin(), "unknown placement preference '" + member.key() + "': Swarm knows only spread");
                continue;
            }
            if (!(member.value() instanceof Scalar over)) {
                reader.error(member.value().origin(), "'spread' must be a single value, not " + member.value().describeType());
            } else if (!over.isNull() && !over.text().isBlank()) {
                into.add(Setting.of("spread=" + over.text().trim(), item.origin()));
            }
        }
    }
}
