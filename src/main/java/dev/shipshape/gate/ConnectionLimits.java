package dev.shipshape.gate;

import java.time.Duration;

/**
 * How long a listener waits for each part of a request, and how many connections one client may
 * hold, so that clients which connect and then send nothing, or send slowly, cannot hold the
 * listener. Each wait is a deadline for the whole part, not a limit on silence: a client that sends
 * one byte a second still meets it.
 *
 * @param handshake         from accepting a TLS connection to the end of its handshake
 * @param headers           for the request line and headers of the first request on a connection (after
 *                          the handshake on TLS)
 * @param body              from the end of the headers until the answer is sent: reading the body,
 *                          deciding, writing the answer
 * @param idle              how long a kept-alive connection may wait for its next request; that request's
 *                          headers must then arrive within {@code headers} more. Longer than the clients'
 *                          own idle timeout (the API server's is 90 s, dockerd's unlimited), so that the
 *                          client closes first and never sends on a connection being closed
 * @param perClient         connections one client address may hold open at once; 0 for no cap (the unix
 *                          socket relay's private listener, whose every connection comes from the relay)
 */
public record ConnectionLimits(Duration handshake, Duration headers, Duration body, Duration idle, int perClient) {

    /**
     * Generous for dockerd and the API server on a busy host (a handshake takes milliseconds, a
     * request of a few MiB well under a second on a cluster network), short enough that a client
     * holding a connection without a request loses it within seconds.
     */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(120), 128);

    public ConnectionLimits {
        for (Duration duration : new Duration[] {handshake, headers, body, idle}) {
            if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("a connection timeout must be positive");
        }
        if (perClient < 0) throw new IllegalArgumentException("the connection cap per client must be 0 (none) or positive");
    }

    /** The same limits without the per-client cap. */
    public ConnectionLimits uncapped() {
        return new ConnectionLimits(handshake, headers, body, idle, 0);
    }
}
