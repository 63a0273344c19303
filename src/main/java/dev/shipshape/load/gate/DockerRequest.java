package dev.shipshape.load.gate;

import dev.shipshape.policy.Enforcement;
import java.util.Optional;

/**
 * A Docker API request as the gate sees it.
 *
 * @param action what it does, when it is one of the actions {@code allowed-users} can restrict
 */
public record DockerRequest(Optional<Enforcement.Action> action, GateInput input) {
}
