package dev.shipshape.gate.differential;

import dev.shipshape.gate.Decision;
import dev.shipshape.gate.DecisionObserver;
import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.GateInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps what the plugin observed, in order, until the test takes it; and passes each observation on. */
final class RecordingObserver implements DecisionObserver {

    record Observed(Optional<AuthzRequest> request, Optional<GateInput> input, Decision decision) {

        String method() {
            return request.map(AuthzRequest::method).orElse("");
        }
    }

    private final DecisionObserver next;
    private final List<Observed> observed = new ArrayList<>();

    RecordingObserver(DecisionObserver next) {
        this.next = next;
    }

    @Override
    public void observed(Optional<AuthzRequest> request, Optional<GateInput> input, Decision decision) {
        synchronized (observed) {
            observed.add(new Observed(request, input, decision));
        }
        next.observed(request, input, decision);
    }

    /** Everything observed since the last call. */
    List<Observed> take() {
        synchronized (observed) {
            List<Observed> taken = List.copyOf(observed);
            observed.clear();
            return taken;
        }
    }
}
