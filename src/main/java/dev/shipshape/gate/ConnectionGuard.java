package dev.shipshape.gate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Keeps one listener's connections within its {@link ConnectionLimits}: refuses a client's
 * connection beyond its cap (with a warning, at most one a minute per client), and closes a
 * connection whose handshake, headers, body or idle wait outlasts its deadline.
 *
 * <p>A connection goes handshake (TLS only) → headers → body → idle → body → idle …; each phase
 * arms one deadline on the server's scheduler, which closes the connection unless the next phase
 * re-armed it first. Jetty cannot tell when the first byte of a kept-alive connection's next request
 * arrives, so the idle wait and that request's headers share one deadline ({@code idle + headers}).
 */
final class ConnectionGuard implements Connection.Listener, SslHandshakeListener {

    /** The phase a deadline guards; the metric and the tests name it. */
    enum Phase {
        HANDSHAKE, HEADERS, BODY, IDLE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final long WARN_EVERY = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final ConnectionLimits limits;
    private final boolean tls;
    private final Scheduler scheduler;
    private final Metrics metrics;
    private final Consumer<String> warnings;
    private final String listener;
    private final Map<EndPoint, Watch> watches = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, Refusals> refusals = new ConcurrentHashMap<>();

    ConnectionGuard(ConnectionLimits limits, boolean tls, Scheduler scheduler, Metrics metrics, Consumer<String> warnings, String listener) {
        this.limits = limits;
        this.tls = tls;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.warnings = warnings;
        this.listener = listener;
    }

    /** One connection's deadline: the phase it is in and the task that closes it when the phase lasts too long. */
    private final class Watch {
        final EndPoint endPoint;
        final InetAddress client;
        private Phase phase;
        private long generation;
        private Scheduler.Task task;

        Watch(EndPoint endPoint, InetAddress client) {
            this.endPoint = endPoint;
            this.client = client;
        }

        synchronized void arm(Phase next, Duration within) {
            if (task != null) task.cancel();
            phase = next;
            long armed = ++generation;
            task = scheduler.schedule(() -> expire(armed), within.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized void disarm() {
            if (task != null) task.cancel();
            task = null;
            generation++;
        }

        private void expire(long armed) {
            Phase expired;
            synchronized (this) {
                if (armed != generation) return;
                expired = phase;
                task = null;
            }
            metrics.connectionTimedOut(listener, expired.label());
            endPoint.close();
        }
    }

    /** Refusals of one client since its last warning. */
    private static final class Refusals {
        long lastWarned;
        int since;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint network = network(connection.getEndPoint());
        if (watches.containsKey(network)) return; // the HTTP connection inside a TLS connection: already watched
        InetAddress client = client(network.getRemoteSocketAddress());
        Watch watch = new Watch(network, client);
        if (watches.putIfAbsent(network, watch) != null) return;
        int holding = open.computeIfAbsent(client, key -> new AtomicInteger()).incrementAndGet();
        if (limits.perClient() > 0 && holding > limits.perClient()) {
            refused(client);
            network.close();
            return;
        }
        if (tls) {
            watch.arm(Phase.HANDSHAKE, limits.handshake());
        } else {
            watch.arm(Phase.HEADERS, limits.headers());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Watch watch = watches.remove(network(connection.getEndPoint()));
        if (watch == null) return;
        watch.disarm();
        open.computeIfPresent(watch.client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Override
    public void handshakeSucceeded(Event event) {
        Watch watch = watch(event.getEndPoint());
        if (watch != null) watch.arm(Phase.HEADERS, limits.headers());
    }

    /** The request's headers are read: the body and the answer must follow within the body deadline. */
    void requestStarted(EndPoint endPoint) {
        Watch watch = watch(endPoint);
        if (watch != null) watch.arm(Phase.BODY, limits.body());
    }

    /** The answer is sent: the connection may wait for its next request. */
    void answered(EndPoint endPoint) {
        Watch watch = watch(endPoint);
        if (watch != null) watch.arm(Phase.IDLE, limits.idle().plus(limits.headers()));
    }

    private Watch watch(EndPoint endPoint) {
        return endPoint == null ? null : watches.get(network(endPoint));
    }

    private void refused(InetAddress client) {
        metrics.connectionRefused(listener);
        // many refused addresses (a spread IPv6 range) must not grow this without end; forgetting only repeats a warning
        if (refusals.size() > MAX_REMEMBERED) refusals.clear();
        Refusals since = refusals.computeIfAbsent(client, key -> new Refusals());
        String warning = null;
        synchronized (since) {
            since.since++;
            long now = System.nanoTime();
            if (since.lastWarned == 0 || now - since.lastWarned >= WARN_EVERY) {
                warning = "shipshape serve: warning: refused %d connection%s from %s on the %s listener: it already holds %d, the cap per client (--max-connections-per-client)"
                        .formatted(since.since, since.since == 1 ? "" : "s", client.getHostAddress(), listener, limits.perClient());
                since.lastWarned = now;
                since.since = 0;
            }
        }
        if (warning != null) warnings.accept(warning);
    }

    private static EndPoint network(EndPoint endPoint) {
        EndPoint current = endPoint;
        while (current instanceof EndPoint.Wrapper wrapper) current = wrapper.unwrap();
        return current;
    }

    private static InetAddress client(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }
}
