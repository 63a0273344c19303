package dev.shipshape.gate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every listener of one {@code shipshape serve} shares: the judge (rules, policy,
 * enforcement), the decision log, the metrics, and whether it is ready to take requests.
 */
public record Gate(Judge judge, DecisionLog log, Metrics metrics, AtomicBoolean ready) {

    public Gate(Judge judge, DecisionLog log) {
        this(judge, log, new Metrics(), new AtomicBoolean(true));
    }
}
