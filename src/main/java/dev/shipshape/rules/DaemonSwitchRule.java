package dev.shipshape.rules;

import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Setting;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Template for a daemon rule about one boolean daemon.json key that must have a safe value
 * ({@code "icc": false}, {@code "live-restore": true} …): a finding at the key when it has the
 * other value, or at the configuration's top when it is not set at all.
 */
public abstract class DaemonSwitchRule implements DaemonRule {

    private final RuleInfo info;
    private final String key;
    private final boolean safeValue;
    private final Function<DaemonConfig, Setting<Boolean>> setting;
    private final String consequence;

    /**
     * @param consequence what the unsafe value lets happen, ending the message:
     *                    "containers on the default bridge can reach each other"
     */
    protected DaemonSwitchRule(RuleInfo info, String key, boolean safeValue,
            Function<DaemonConfig, Setting<Boolean>> setting, String consequence) {
        this.info = info;
        this.key = key;
        this.safeValue = safeValue;
        this.setting = setting;
        this.consequence = consequence;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final Stream<Finding> check(DaemonConfig daemon) {
        Setting<Boolean> value = setting.apply(daemon);
        if (value.isSet() && value.value() == safeValue) return Stream.empty();
        String message = value.isSet()
                ? "the Docker daemon sets `" + key + "` to " + !safeValue + ": " + consequence
                : "the Docker daemon does not set `" + key + "`" + (safeValue ? "" : " to false") + ": " + consequence;
        return Stream.of(Finding.of(info, value.isSet() ? value.origin() : daemon.origin(), message));
    }
}
