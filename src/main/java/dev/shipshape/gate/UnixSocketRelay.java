package dev.shipshape.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the gate on a unix socket ({@code /run/docker/plugins/shipshape.sock}, where dockerd
 * looks for plugins first) by relaying each connection to the gate's loopback HTTP listener: the
 * gate's server (Jetty's unix-socket connector is not in Jetty 12.1's server module) speaks TCP only.
 * The socket file is created at start and removed at close; a stale one (nobody answers on it) is
 * replaced, a live one is an error.
 *
 * <p>The relay holds no deadline of its own: the listener behind it closes a connection whose
 * client is too slow ({@link ConnectionLimits}), and the relay then closes the client's side too.
 * Give that listener {@link ConnectionLimits#uncapped()} limits, since every connection it sees
 * comes from the relay; only root can connect to the socket in {@code /run/docker/plugins}.
 */
public final class UnixSocketRelay implements AutoCloseable {

    private final Path socket;
    private final InetSocketAddress target;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private UnixSocketRelay(Path socket, InetSocketAddress target, ServerSocketChannel server) {
        this.socket = socket;
        this.target = target;
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("shipshape-unix-socket").unstarted(this::accept);
    }

    public static UnixSocketRelay start(Path socket, InetSocketAddress target) throws IOException {
        Path folder = socket.toAbsolutePath().getParent();
        if (folder != null) Files.createDirectories(folder);
        if (Files.exists(socket)) {
            boolean live;
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                live = true;
            } catch (IOException nobodyAnswers) {
                live = false;
            }
            if (live) throw new IOException(socket + " is in use: another plugin answers on it");
            Files.delete(socket);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        // connecting needs write permission on the socket: only its owner (root, as dockerd) may
        Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        UnixSocketRelay relay = new UnixSocketRelay(socket, target, server);
        relay.acceptor.start();
        return relay;
    }

    public Path socket() {
        return socket;
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread.ofVirtual().start(() -> relay(client));
        }
    }

    private void relay(SocketChannel client) {
        try (client; SocketChannel upstream = SocketChannel.open(target)) {
            upstream.socket().setTcpNoDelay(true);
            Thread back = Thread.ofVirtual().start(() -> {
                pump(upstream, client);
                // the server ended the connection (an answer with Connection: close, or a deadline): so does the client's side
                closeQuietly(client);
                closeQuietly(upstream);
            });
            pump(client, upstream);
            back.join();
        } catch (IOException | InterruptedException gone) {
            // one connection ends; the relay goes on
        }
    }

    /** Copies until the source ends, then passes the end on (half-close), so HTTP keep-alive and close both work. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) to.write(buffer);
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException closed) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException alreadyClosed) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
