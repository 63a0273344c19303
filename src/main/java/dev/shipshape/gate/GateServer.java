package dev.shipshape.gate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The gate's HTTP(S) server, on the JDK's built-in {@code com.sun.net.httpserver}: no dependency,
 * HTTP/1.1 with keep-alive, TLS through an {@link SSLContext}. It serves the doors it is given
 * (the Docker authorization plugin's methods, the Kubernetes admission endpoints) and on every
 * listener {@code /healthz} and {@code /readyz} (both answer {@code 200 {}}; readiness turns 503
 * while shutting down) and {@code /metrics}.
 *
 * <p>Every request gets an answer: a body over {@value #MAX_BODY} bytes is refused with 413
 * without being read, an unknown path gets 404, a wrong method 405, and anything unexpected a
 * JSON 500 with no stack trace; the server goes on serving.
 */
public final class GateServer implements AutoCloseable {

    /** The largest request body read: above the Docker daemon's 4 MiB (base64 adds a third) and a Kubernetes object and its old version. */
    public static final int MAX_BODY = 8 * 1024 * 1024;
    /** A too large body up to this size is read and dropped before the 413, so that the client sees the answer. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    static {
        // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm
        // and delayed ACKs add up to 40 ms to a keep-alive answer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The endpoints a listener serves. */
    public enum Door { DOCKER_PLUGIN, KUBERNETES }

    private static final String ACTIVATE = "/Plugin.Activate";
    private static final String AUTHZ_REQUEST = "/AuthZPlugin.AuthZReq";
    private static final String AUTHZ_RESPONSE = "/AuthZPlugin.AuthZRes";
    private static final String VALIDATE = "/validate";
    private static final String MUTATE = "/mutate";
    private static final String HEALTH = "/healthz";
    private static final String READY = "/readyz";
    private static final String METRICS = "/metrics";
    private static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Gate gate;
    private final Set<Door> doors;
    private final AuthzHandler authz;
    private final AdmissionHandler admission;
    private final Set<String> endpoints = new HashSet<>(Set.of(HEALTH, READY, METRICS));

    private GateServer(HttpServer server, ExecutorService executor, Gate gate, Set<Door> doors) {
        this.server = server;
        this.executor = executor;
        this.gate = gate;
        this.doors = EnumSet.copyOf(doors);
        this.authz = new AuthzHandler(gate.judge(), gate.log(), gate.metrics(), gate.observer());
        this.admission = new AdmissionHandler(gate.judge(), gate.log(), gate.metrics());
        if (doors.contains(Door.DOCKER_PLUGIN)) endpoints.addAll(Set.of(ACTIVATE, AUTHZ_REQUEST, AUTHZ_RESPONSE));
        if (doors.contains(Door.KUBERNETES)) endpoints.addAll(Set.of(VALIDATE, MUTATE));
    }

    /**
     * Starts serving.
     *
     * @param address where to listen (port 0: any free port, see {@link #address()})
     * @param tls     serve HTTPS with this context; plain HTTP when empty
     * @param threads how many requests are answered at once
     */
    public static GateServer start(InetSocketAddress address, Optional<SSLContext> tls, Set<Door> doors, Gate gate, int threads)
            throws IOException {
        if (doors.isEmpty()) throw new IllegalArgumentException("no door to serve");
        HttpServer server;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(address, 1024);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(address, 1024);
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads), namedThreads());
        GateServer gateServer = new GateServer(server, executor, gate, doors);
        server.createContext("/", gateServer::handle);
        server.setExecutor(executor);
        server.start();
        return gateServer;
    }

    /** The address it listens on, with the port it was given. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops listening, gives requests in flight up to a second to be answered, then stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        String endpoint = endpoints.contains(path) ? path : "other";
        Reply reply;
        try {
            reply = answer(exchange, path);
        } catch (IOException clientWentAway) {
            exchange.close();
            return;
        } catch (RuntimeException | StackOverflowError bug) {
            System.err.println("shipshape serve: internal error answering " + path + ": " + bug);
            reply = Reply.error(500, "internal error");
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            if (reply.status() == 413) exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException clientWentAway) {
            // nothing to answer to
        } finally {
            exchange.close();
            gate.metrics().request(endpoint, reply.status(), System.nanoTime() - started);
        }
    }

    private Reply answer(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        switch (path) {
            case HEALTH -> {
                return drained(exchange).orElse(Reply.json(200, Map.of()));
            }
            case READY -> {
                return drained(exchange).orElse(gate.ready().get() ? Reply.json(200, Map.of()) : Reply.error(503, "shutting down"));
            }
            case METRICS -> {
                return method.equals("GET") || method.equals("HEAD")
                        ? Reply.text(200, gate.metrics().render(), METRICS_TYPE)
                        : notAllowed(exchange, "GET");
            }
            default -> {
                if (!endpoints.contains(path)) return Reply.error(404, "no such endpoint: " + path);
                if (!method.equals("POST")) return notAllowed(exchange, "POST");
                Optional<byte[]> body = body(exchange);
                if (body.isEmpty()) return tooLarge();
                return switch (path) {
                    case ACTIVATE -> authz.activate();
                    case AUTHZ_REQUEST -> authz.request(body.get());
                    case AUTHZ_RESPONSE -> authz.response();
                    case VALIDATE -> admission.validate(body.get());
                    case MUTATE -> admission.mutate(body.get());
                    default -> Reply.error(404, "no such endpoint: " + path);
                };
            }
        }
    }

    private static Reply notAllowed(HttpExchange exchange, String allowed) {
        exchange.getResponseHeaders().set("Allow", allowed);
        return Reply.error(405, "use " + allowed);
    }

    private static Reply tooLarge() {
        return Reply.error(413, "the request body is larger than " + MAX_BODY + " bytes");
    }

    /** Reads and drops the body (so the connection can be reused); a 413 when it is too large. */
    private static Optional<Reply> drained(HttpExchange exchange) throws IOException {
        return body(exchange).isEmpty() ? Optional.of(tooLarge()) : Optional.empty();
    }

    /**
     * The body, or empty when it is larger than {@value #MAX_BODY} bytes. A too large body is read
     * and dropped up to {@value #DRAIN_LIMIT} bytes, so that the client can read the 413 and keep its
     * connection; a larger one is not read at all (the connection is closed after the answer).
     */
    private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
        long declared = -1;
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException malformed) {
                // the server itself rejects a malformed length; read what comes
            }
        }
        if (declared > DRAIN_LIMIT) return Optional.empty();
        InputStream in = exchange.getRequestBody();
        if (declared > MAX_BODY) {
            discard(in, declared);
            return Optional.empty();
        }
        if (declared >= 0) {
            // the common case: read exactly what was declared, into a buffer of its size
            byte[] body = in.readNBytes((int) declared);
            return Optional.of(body);
        }
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length <= MAX_BODY) return Optional.of(body);
        discard(in, DRAIN_LIMIT);
        return Optional.empty();
    }

    private static void discard(InputStream in, long limit) throws IOException {
        byte[] scratch = new byte[64 * 1024];
        long left = limit;
        while (left > 0) {
            int read = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (read < 0) return;
            left -= read;
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "shipshape-gate-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
