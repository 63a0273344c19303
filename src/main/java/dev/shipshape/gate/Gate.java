package dev.shipshape.gate;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every listener of one {@code shipshape serve} shares: the judge (rules, policy,
 * enforcement), the decision log, the metrics, whether it is ready to take requests, and, in
 * observe mode, who watches the Docker plugin's decisions instead of enforcing them.
 */
public record Gate(Judge judge, DecisionLog log, Metrics metrics, AtomicBoolean ready, Optional<DecisionObserver> observer) {

    public Gate(Judge judge, DecisionLog log) {
        this(judge, log, new Metrics(), new AtomicBoolean(true), Optional.empty());
    }

    /** This gate in observe mode: the Docker plugin allows every request and tells {@code observer} what it would have decided. */
    public Gate observedBy(DecisionObserver observer) {
        return new Gate(judge, log, metrics, ready, Optional.of(observer));
    }
}
