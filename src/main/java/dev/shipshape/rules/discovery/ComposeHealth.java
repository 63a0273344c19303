package dev.shipshape.rules.discovery;

import dev.shipshape.model.Container;
import dev.shipshape.model.Image;
import dev.shipshape.model.Probe;
import java.util.Optional;

/**
 * Whether a Compose service's container reports its health: its own {@code healthcheck} wins,
 * else the HEALTHCHECK of the Dockerfile it is built from. An image pulled from a registry may
 * carry a HEALTHCHECK the scan cannot see; {@link #imageKnown()} says whether that is possible.
 */
record ComposeHealth(State state, boolean imageKnown) {

    enum State { CHECKED, SWITCHED_OFF, NONE }

    static ComposeHealth of(Container container) {
        Optional<Probe> own = container.probes().stream()
                .filter(probe -> probe.kind() == Probe.Kind.HEALTHCHECK)
                .reduce((first, last) -> last);
        Optional<Probe> effective = own.isPresent() ? own : container.builtFrom().flatMap(Image::healthcheck);
        State state = effective.map(probe -> probe.disabled() ? State.SWITCHED_OFF : State.CHECKED).orElse(State.NONE);
        return new ComposeHealth(state, container.builtFrom().isPresent());
    }

    boolean checked() {
        return state == State.CHECKED;
    }

    /** "has no health check", "has its health check switched off". */
    String absence() {
        return state == State.SWITCHED_OFF ? "has its health check switched off" : "has no health check";
    }
}
