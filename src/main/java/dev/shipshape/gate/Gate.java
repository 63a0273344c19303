package dev.shipshape.gate;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every listener of one {@code shipshape serve} shares: the judge (rules, policy,
 * enforcement), the decision log, the metrics, whether it is ready to take requests, and, in
 * observe mode, who watches the Docker plugin's decisions instead of enforcing them.
 */
public record Gate(Judge judge, DecisionLog log, Metrics metrics, AtomicReference<Readiness> readiness, Optional<DecisionObserver> observer) {

    public Gate(Judge judge, DecisionLog log) {
        this(judge, log, new Metrics(), new AtomicReference<>(Readiness.READY), Optional.empty());
    }

    /** This gate in observe mode: the Docker plugin allows every request and tells {@code observer} what it would have decided. */
    public Gate observedBy(DecisionObserver observer) {
        return new Gate(judge, log, metrics, readiness, Optional.of(observer));
    }

    public boolean isReady() {
        return readiness.get() == Readiness.READY;
    }

    /** Not ready until {@link #warmedUp()}. */
    public void warmingUp() {
        readiness.compareAndSet(Readiness.READY, Readiness.WARMING_UP);
    }

    /** Ready once warmed up; a gate already stopping stays so. */
    public void warmedUp() {
        readiness.compareAndSet(Readiness.WARMING_UP, Readiness.READY);
    }

    public void stopping() {
        readiness.set(Readiness.STOPPING);
    }
}
