package dev.shipshape.load.gate;

import dev.shipshape.policy.Enforcement;
import java.util.Optional;

/**
 * A Docker API request as the gate sees it.
 *
 * @param action   what it does, when it is one of the actions {@code allowed-users} can restrict
 * @param endpoint the Engine API endpoint dockerd routes it to; empty when it matches none ("unclassified")
 * @param object   the container, service, plugin… the path (or, for creations, the query) names; "" when none
 */
public record DockerRequest(Optional<Enforcement.Action> action, GateInput input, Optional<EngineEndpoints.Endpoint> endpoint,
        String object) {

    /** Whether the request is, or may be, one the gate judges or guards: one {@code failure: open} must never let through. */
    public boolean judgedOrGuarded() {
        return endpoint.isEmpty() || endpoint.get().handling() != EngineEndpoints.Handling.HARMLESS || action.isPresent();
    }
}
