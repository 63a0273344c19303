package dev.shipshape.gate;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gate's HTTP(S) server, on Jetty: HTTP/1.1 with keep-alive, TLS through an {@link SSLContext}.
 * It serves the doors it is given (the Docker authorization plugin's methods, the Kubernetes
 * admission endpoints) and on every listener {@code /healthz} and {@code /readyz} (both answer
 * {@code 200 {}}; readiness turns 503 while shutting down) and {@code /metrics}.
 *
 * <p>It cannot be starved by clients that connect and then send nothing, half a request or a TLS
 * handshake, or a body a byte at a time: Jetty waits for their headers and bodies without holding
 * a thread ({@link RequestBody}), only a whole request is decided, on a small pool of platform
 * threads, each connection's phases have deadlines, and one client
 * address may hold only so many connections ({@link ConnectionLimits}, kept by {@link ConnectionGuard}).
 * The JDK's own server could not: it reads the TLS handshake and the headers on its executor's
 * threads, its only deadline is one JVM-wide system property, and it has no per-client cap.
 *
 * <p>Every request gets an answer: a body over {@value #MAX_BODY} bytes is refused with 413
 * without being kept, an unknown path gets 404, a wrong method 405, a malformed request Jetty's
 * status with {@code {"error":"<reason phrase>"}}, and anything unexpected a JSON 500 with no
 * exception text (which goes to the warnings, as one line); the server goes on serving.
 */
public final class GateServer implements AutoCloseable {

    /** The largest request body read: above the Docker daemon's 4 MiB (base64 adds a third) and a Kubernetes object and its old version. */
    public static final int MAX_BODY = 8 * 1024 * 1024;
    /** A too large body up to this size is read and dropped before the 413, so that the client sees the answer. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    /** Jetty's acceptor and selector hold a thread each; the rest read bodies and decide, none of them waiting on a client. */
    private static final int MIN_PLATFORM_THREADS = 8;
    private static final Reply HEALTHY = Reply.json(200, Map.of());

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

    private final Server server;
    private final ServerConnector connector;
    private final ConnectionGuard guard;
    private final Gate gate;
    private final AuthzHandler authz;
    private final AdmissionHandler admission;
    private final Consumer<String> warnings;
    private final Set<String> endpoints = new HashSet<>(Set.of(HEALTH, READY, METRICS));

    private GateServer(Server server, ServerConnector connector, ConnectionGuard guard, Gate gate, Set<Door> doors, Consumer<String> warnings) {
        this.server = server;
        this.connector = connector;
        this.guard = guard;
        this.gate = gate;
        this.warnings = warnings;
        this.authz = new AuthzHandler(gate.judge(), gate.log(), gate.metrics(), gate.observer());
        this.admission = new AdmissionHandler(gate.judge(), gate.log(), gate.metrics());
        if (doors.contains(Door.DOCKER_PLUGIN)) endpoints.addAll(Set.of(ACTIVATE, AUTHZ_REQUEST, AUTHZ_RESPONSE));
        if (doors.contains(Door.KUBERNETES)) endpoints.addAll(Set.of(VALIDATE, MUTATE));
    }

    /** Starts serving with the {@linkplain ConnectionLimits#DEFAULT default limits}, warnings to standard error. */
    public static GateServer start(InetSocketAddress address, Optional<SSLContext> tls, Set<Door> doors, Gate gate, int threads)
            throws IOException {
        return start(address, tls, doors, gate, threads, ConnectionLimits.DEFAULT, System.err::println);
    }

    /**
     * Starts serving.
     *
     * @param address  where to listen (port 0: any free port, see {@link #address()})
     * @param tls      serve HTTPS with this context; plain HTTP when empty
     * @param threads  platform threads (at least {@value #MIN_PLATFORM_THREADS}): Jetty's acceptor and selector,
     *                 and those that read bodies and decide. No thread waits on a slow client, so a few per
     *                 core are enough: more would only let decisions share the cores and all finish later
     * @param limits   deadlines per connection phase, and the cap of connections per client
     * @param warnings where a line goes when a client hits its cap or an answer fails unexpectedly
     */
    public static GateServer start(InetSocketAddress address, Optional<SSLContext> tls, Set<Door> doors, Gate gate, int threads,
            ConnectionLimits limits, Consumer<String> warnings) throws IOException {
        if (doors.isEmpty()) throw new IllegalArgumentException("no door to serve");
        QueuedThreadPool threadPool = new QueuedThreadPool(Math.max(MIN_PLATFORM_THREADS, threads));
        threadPool.setName("shipshape-gate");
        threadPool.setDaemon(true);
        Server server = new Server(threadPool);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (tls.isPresent()) {
            // Jetty's default would refuse (400) a Host that the certificate does not name: kubelet's probes
            // and Prometheus call the pod's IP, and TLS clients check the certificate themselves
            http.addCustomizer(new SecureRequestCustomizer(false));
        }
        ConnectionFactory plain = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (tls.isPresent()) {
            SslContextFactory.Server context = new SslContextFactory.Server();
            context.setSslContext(tls.get());
            connector = new ServerConnector(server, new SslConnectionFactory(context, plain.getProtocol()), plain);
        } else {
            connector = new ServerConnector(server, plain);
        }
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setAcceptQueueSize(1024);
        // the guard's deadlines are the real limits; Jetty's own silence limit only backs them up
        connector.setIdleTimeout(limits.idle().plus(limits.headers()).plus(limits.body()).toMillis());
        ConnectionGuard guard = new ConnectionGuard(limits, tls.isPresent(), server.getScheduler(), gate.metrics(), warnings, listenerName(doors));
        connector.addBean(guard);
        server.addConnector(connector);

        GateServer gateServer = new GateServer(server, connector, guard, gate, doors, warnings);
        server.setHandler(new GracefulHandler(gateServer.new Answering()));
        server.setErrorHandler(new PlainErrors());
        server.setStopTimeout(1000);
        try {
            server.start();
        } catch (Exception cannotStart) {
            stopQuietly(server);
            String where = address.getHostString() + ":" + address.getPort();
            if (cannotStart.getCause() instanceof BindException || cannotStart instanceof BindException) {
                throw new IOException("cannot listen on " + where + ": the address is in use or not this host's");
            }
            throw new IOException("cannot listen on " + where, cannotStart);
        }
        return gateServer;
    }

    /** The address it listens on, with the port it was given. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Stops listening, gives requests in flight up to a second to be answered, then stops. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception alreadyStopping) {
            // nothing left to stop
        }
    }

    private static String listenerName(Set<Door> doors) {
        if (doors.size() > 1) return "gate";
        return doors.contains(Door.DOCKER_PLUGIN) ? "docker-plugin" : "webhook";
    }

    /**
     * Answers one request. Its body is read as it arrives ({@link RequestBody}), holding no thread
     * while the client is slow; the decision runs on one of Jetty's platform threads once the body
     * is whole, which for the bodies dockerd and the API server send is at once, on the thread
     * that read the headers.
     */
    private final class Answering extends org.eclipse.jetty.server.Handler.Abstract {

        Answering() {
            super(InvocationType.BLOCKING);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long started = System.nanoTime();
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            guard.requestStarted(endPoint);
            String path = request.getHttpURI().getPath();
            String endpoint = endpoints.contains(path) ? path : "other";
            Consumer<Reply> send = reply -> send(reply, response, callback, endPoint, endpoint, started);
            Route route;
            try {
                route = route(request.getMethod(), response, path);
            } catch (RuntimeException bug) {
                send.accept(internalError(path, bug));
                return true;
            }
            switch (route) {
                case Route.Now(Reply reply) -> send.accept(reply);
                case Route.AfterBody(Function<byte[], Reply> answer) -> RequestBody.read(request, MAX_BODY, DRAIN_LIMIT, body -> {
                    Reply reply;
                    try {
                        reply = body.isEmpty() ? tooLarge() : answer.apply(body.get());
                    } catch (RuntimeException | StackOverflowError bug) {
                        reply = internalError(path, bug);
                    }
                    send.accept(reply);
                }, clientWentAway -> {
                    // the client hung up, or its deadline closed the connection: nobody to answer
                    callback.failed(clientWentAway);
                });
            }
            return true;
        }
    }

    /** What a request gets: an answer now, or one made from its body once it is read. */
    private sealed interface Route {
        record Now(Reply reply) implements Route {
        }

        record AfterBody(Function<byte[], Reply> answer) implements Route {
        }
    }

    private Reply internalError(String path, Throwable bug) {
        warnings.accept("shipshape serve: internal error answering " + path + " (" + bug.getClass().getSimpleName() + ")");
        return Reply.error(500, "internal error");
    }

    private void send(Reply reply, Response response, Callback callback, EndPoint endPoint, String endpoint, long started) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        if (reply.status() == 413) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        int status = reply.status();
        response.write(true, ByteBuffer.wrap(reply.body()), Callback.from(() -> {
            guard.answered(endPoint);
            gate.metrics().request(endpoint, status, System.nanoTime() - started);
            callback.succeeded();
        }, callback::failed));
    }

    /** Jetty's own refusals (a malformed request line, headers too large …): the status and its reason phrase, as JSON. */
    private static final class PlainErrors implements Request.Handler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() > 0 ? response.getStatus() : 500;
            String reason = Optional.ofNullable(HttpStatus.getMessage(status)).orElse("error").toLowerCase(Locale.ROOT);
            byte[] body = ("{\"error\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON_TYPE);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }

    /**
     * The answer to {@code method path}. A body is read (and dropped where it is not needed, so that
     * the connection can be reused) for the health endpoints and every POST to a door.
     */
    private Route route(String method, Response response, String path) {
        switch (path) {
            case HEALTH -> {
                return new Route.AfterBody(body -> HEALTHY);
            }
            case READY -> {
                return new Route.AfterBody(body -> gate.isReady() ? HEALTHY : Reply.error(503, gate.readiness().get().words()));
            }
            case METRICS -> {
                return new Route.Now(method.equals("GET") || method.equals("HEAD")
                        ? Reply.text(200, gate.metrics().render(), METRICS_TYPE)
                        : notAllowed(response, "GET"));
            }
            default -> {
                if (!endpoints.contains(path)) return new Route.Now(Reply.error(404, "no such endpoint: " + path));
                if (!method.equals("POST")) return new Route.Now(notAllowed(response, "POST"));
                return new Route.AfterBody(switch (path) {
                    case ACTIVATE -> body -> authz.activate();
                    case AUTHZ_REQUEST -> authz::request;
                    case AUTHZ_RESPONSE -> body -> authz.response();
                    case VALIDATE -> admission::validate;
                    case MUTATE -> admission::mutate;
                    default -> body -> Reply.error(404, "no such endpoint: " + path);
                });
            }
        }
    }

    private static Reply notAllowed(Response response, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        return Reply.error(405, "use " + allowed);
    }

    private static Reply tooLarge() {
        return Reply.error(413, "the request body is larger than " + MAX_BODY + " bytes");
    }
}
