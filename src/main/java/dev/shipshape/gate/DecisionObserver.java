package dev.shipshape.gate;

import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.GateInput;
import java.util.Optional;

/**
 * Watches the Docker authorization plugin in observe mode ({@code shipshape serve --docker-plugin
 * --observe}): the plugin still reads and judges every request, hands the decision it would have
 * made here, logs it as not enforced, and allows the request.
 */
@FunctionalInterface
public interface DecisionObserver {

    /**
     * @param request  the request, or empty when its envelope could not be read
     * @param input    what the gate made of it, or empty when it got no further than the envelope
     * @param decision what the gate would have answered
     */
    void observed(Optional<AuthzRequest> request, Optional<GateInput> input, Decision decision);
}
