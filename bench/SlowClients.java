import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Holds COUNT idle or slow connections open against one listener of `shipshape serve`, the load
 * that must not slow real requests down (bench/serve.sh measures them meanwhile). When the server
 * closes one (its deadlines), it is opened again at once, as an attacker would.
 *
 *   java bench/SlowClients.java HOST PORT COUNT SECONDS [tls]
 *
 * The connections cycle through five kinds: connect and send nothing; send one request and keep
 * the connection idle; half a request line, then nothing; headers that never end (a byte a
 * second); complete headers, then a body a byte a second (to /healthz, served on every listener). With `tls`, the first kind sends the
 * first 3 bytes of a TLS record instead, and the others talk inside a TLS session. Connections
 * come from 127.0.1.1, 127.0.1.2 …, 10 per address, under the server's cap per client.
 * Prints how many are open every second, and at the end how many times the server closed one.
 */
public class SlowClients {

    static final int PER_ADDRESS = 10;
    static final AtomicInteger open = new AtomicInteger();
    static final AtomicInteger closedByServer = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java bench/SlowClients.java HOST PORT COUNT SECONDS [tls]");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        long until = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        boolean tls = args.length > 4 && args[4].equals("tls");
        SSLContext context = tls ? trustingEverything() : null;
        for (int index = 0; index < count; index++) {
            int number = index;
            Thread thread = new Thread(() -> keepOpen(server, number, context, until), "slow-" + index);
            thread.setDaemon(true);
            thread.start();
        }
        while (System.nanoTime() < until) {
            System.out.printf("slow clients: %d open, the server closed %d so far%n", open.get(), closedByServer.get());
            Thread.sleep(Math.min(1000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
        System.out.printf("slow clients: done; the server closed %d connections (deadlines), each opened again at once%n",
                closedByServer.get());
    }

    static void keepOpen(InetSocketAddress server, int number, SSLContext tls, long until) {
        String from = "127.0.1." + (1 + number / PER_ADDRESS);
        int kind = number % 5;
        while (System.nanoTime() < until) {
            try (Socket socket = connect(server, from, tls, kind)) {
                open.incrementAndGet();
                try {
                    hold(socket, kind, tls != null, until);
                } finally {
                    open.decrementAndGet();
                }
            } catch (IOException closed) {
                closedByServer.incrementAndGet();
                sleep(50);
            }
        }
    }

    static Socket connect(InetSocketAddress server, String from, SSLContext tls, int kind) throws IOException {
        Socket plain = new Socket();
        plain.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        plain.connect(server, 5000);
        if (tls == null || kind == 0) return plain;
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, server.getHostString(), server.getPort(), true);
        socket.startHandshake();
        return socket;
    }

    /** Sends this kind's bytes, then waits (trickling where the kind does) until the server closes or the time is up. */
    static void hold(Socket socket, int kind, boolean tlsTarget, long until) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        String opening = switch (kind) {
            case 0 -> tlsTarget ? "\u0016\u0003\u0001" : "";
            case 1 -> "GET /healthz HTTP/1.1\r\nHost: gate\r\n\r\n";
            case 2 -> "POST /AuthZPlugin.AuthZ";
            case 3 -> "POST /healthz HTTP/1.1\r\nHost: gate\r\nX-Padding: ";
            default -> "POST /healthz HTTP/1.1\r\nHost: gate\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
        };
        out.write(opening.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        boolean trickles = kind == 3 || kind == 4;
        socket.setSoTimeout(1000);
        while (System.nanoTime() < until) {
            try {
                if (in.read() < 0) throw new IOException("closed by the server");
                // the answer of kind 1, then an idle keep-alive connection: read it and go on waiting
            } catch (java.net.SocketTimeoutException nothingYet) {
                if (trickles) {
                    out.write(kind == 3 ? 'a' : ' ');
                    out.flush();
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The benchmark's server has a self-signed certificate made for the run. */
    static SSLContext trustingEverything() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, List.of(trustAll).toArray(TrustManager[]::new), null);
        return context;
    }
}
