package dev.shipshape.systems;

import java.util.List;
import java.util.Optional;

/**
 * How a system switches a protection (authentication, TLS, encryption) on or off.
 *
 * @param defaultOn     what a container that states none of the settings gets; empty when unknown
 * @param whenPublished the protection only matters when the client port is published on the host
 * @param serverOnly    only server (voting) members serve what the protection guards
 * @param on            settings that switch it on
 * @param peerOn        settings that switch it on for peer traffic (empty: peers are not judged apart)
 * @param off           settings that switch it off, whatever else is set
 * @param unknown       settings that hand the decision to something shipshape cannot read (a configuration file)
 */
public record Protection(Optional<Boolean> defaultOn, boolean whenPublished, boolean serverOnly,
        List<SettingPattern> on, List<SettingPattern> peerOn, List<SettingPattern> off, List<SettingPattern> unknown) {

    public static final Protection NONE = new Protection(Optional.empty(), false, false, List.of(), List.of(), List.of(), List.of());

    public Protection {
        on = List.copyOf(on);
        peerOn = List.copyOf(peerOn);
        off = List.copyOf(off);
        unknown = List.copyOf(unknown);
    }

    /** True when the catalogue says anything about it. */
    public boolean isKnown() {
        return defaultOn.isPresent() || !on.isEmpty() || !off.isEmpty();
    }
}
