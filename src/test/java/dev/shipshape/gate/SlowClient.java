package dev.shipshape.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client that holds a connection without finishing its request, the way an attacker starves a
 * server: it connects, sends the opening of {@link Kind}, then trickles (one byte at a time, slower
 * than any server should wait for) until it is closed. Its bytes go out on a virtual thread.
 */
final class SlowClient implements AutoCloseable {

    /** What the client sends before it stalls or trickles. */
    enum Kind {
        /** connects and sends nothing */
        NOTHING("", ""),
        /** half a request line, then nothing */
        HALF_REQUEST_LINE("POST /AuthZPlugin.AuthZ", ""),
        /** a request line and headers that never end: one more header byte every 200 ms */
        ENDLESS_HEADERS("POST /validate HTTP/1.1\r\nHost: gate\r\nContent-Type: application/json\r\nX-Padding: ", "a"),
        /** complete headers announcing 100,000 bytes, then the body at a byte every 1.5 s */
        SLOW_BODY("POST /AuthZPlugin.AuthZReq HTTP/1.1\r\nHost: gate\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", " "),
        /** the first 3 bytes of a TLS record (a handshake record's type and version), then nothing */
        TLS_RECORD_START("\u0016\u0003\u0001", "");

        final String opening;
        final String trickle;

        Kind(String opening, String trickle) {
            this.opening = opening;
            this.trickle = trickle;
        }

        Duration trickleEvery() {
            return this == SLOW_BODY ? Duration.ofMillis(1500) : Duration.ofMillis(200);
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private final java.io.Closeable connection;
    private final Thread trickler;

    private SlowClient(InputStream in, OutputStream out, java.io.Closeable connection, Kind kind) {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.trickler = Thread.ofVirtual().unstarted(() -> trickle(kind));
    }

    /** Connects from {@code from} (any 127.x.y.z address is this host's loopback too) to {@code server}. */
    static SlowClient tcp(String from, InetSocketAddress server, Kind kind) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(server, 5000);
        socket.setTcpNoDelay(true);
        return start(new SlowClient(socket.getInputStream(), socket.getOutputStream(), socket, kind), kind);
    }

    /** Completes a TLS handshake first, then behaves as {@code kind} inside the TLS session. */
    static SlowClient tls(String from, InetSocketAddress server, javax.net.ssl.SSLContext context, Kind kind) throws IOException {
        Socket plain = new Socket();
        plain.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        plain.connect(server, 5000);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(plain, server.getHostString(), server.getPort(), true);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        socket.setSoTimeout(0);
        return start(new SlowClient(socket.getInputStream(), socket.getOutputStream(), socket, kind), kind);
    }

    static SlowClient unix(Path socket, Kind kind) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return start(new SlowClient(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel, kind), kind);
    }

    private static SlowClient start(SlowClient client, Kind kind) throws IOException {
        client.out.write(kind.opening.getBytes(StandardCharsets.ISO_8859_1));
        client.out.flush();
        client.trickler.start();
        return client;
    }

    private void trickle(Kind kind) {
        if (kind.trickle.isEmpty()) return;
        byte[] one = kind.trickle.getBytes(StandardCharsets.ISO_8859_1);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(kind.trickleEvery());
                out.write(one);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the server (or the test) ended the connection
        }
    }

    /**
     * How long until the server ends the connection: reads (and drops whatever the server says)
     * until the end of the stream or a reset, for at most {@code limit}.
     *
     * @return the time it took, or {@code null} when the connection was still open after {@code limit}
     */
    Duration closedWithin(Duration limit, Socket socketForTimeout) throws IOException {
        long started = System.nanoTime();
        if (socketForTimeout != null) socketForTimeout.setSoTimeout((int) limit.toMillis());
        try {
            while (in.read() >= 0) {
                if (System.nanoTime() - started > limit.toNanos()) return null;
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (IOException reset) {
            // a reset ends it too
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** For TCP clients: how long until the server ends the connection, or {@code null} if still open after {@code limit}. */
    Duration closedWithin(Duration limit) throws IOException {
        return closedWithin(limit, connection instanceof Socket socket ? socket : null);
    }

    @Override
    public void close() throws IOException {
        trickler.interrupt();
        connection.close();
    }

    static void closeAll(Iterable<SlowClient> clients) {
        for (SlowClient client : clients) {
            try {
                client.close();
            } catch (IOException alreadyClosed) {
                // fine
            }
        }
    }

    /** Reads everything the peer sends until it closes; a helper for unix-socket exchanges. */
    static String readAll(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (channel.read(buffer) >= 0) {
            if (!buffer.hasRemaining()) break;
        }
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }
}
