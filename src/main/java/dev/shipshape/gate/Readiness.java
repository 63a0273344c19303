package dev.shipshape.gate;

/**
 * Whether the listeners of one {@code shipshape serve} should be sent requests: {@code /readyz}
 * answers 200 only when {@link #READY}, and says why not otherwise. Requests are decided in every
 * state; readiness is what a load balancer or the API server's endpoints act on.
 */
public enum Readiness {
    /** The decision path is being compiled on sample requests ({@link WarmUp}). */
    WARMING_UP("warming up"),
    READY("ready"),
    /** Draining before the listeners close. */
    STOPPING("shutting down");

    private final String words;

    Readiness(String words) {
        this.words = words;
    }

    /** What {@code /readyz} says in this state. */
    public String words() {
        return words;
    }
}
