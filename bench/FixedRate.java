import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * POSTs one body to one URL at a fixed offered rate, and measures each answer's latency from the
 * moment the request was <em>meant</em> to be sent (wrk2's correction of coordinated omission: a
 * request delayed because its connection was still busy, or because the server stalled, counts
 * the delay). Under saturation (wrk) p99 measures the queue; at a fixed rate below capacity it
 * measures what one request costs plus what the machine adds.
 *
 *   java bench/FixedRate.java URL BODY_FILE RATE SECONDS CONNECTIONS
 *
 * Request i is due at start + i/RATE and goes on connection i mod CONNECTIONS (HTTP/1.1
 * keep-alive, one request in flight per connection; https:// trusts any certificate). The first
 * second is sent but not recorded (connections opening). Prints one line:
 *
 *   RESULT <achieved requests/s> <p50 µs> <p99 µs> <p99.9 µs> <max µs> <non-2xx or failed> <recorded>
 *          <p99 of late wake-ups, µs> <sent, the first second included>
 *
 * The last figure is how late this program's threads woke for the due times they waited for (the
 * client's and the machine's share of the latency: it is in every figure measured on that machine).
 */
public class FixedRate {

    static final long WARMUP_NANOS = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: java bench/FixedRate.java URL BODY_FILE RATE SECONDS CONNECTIONS");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        double rate = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        int connections = Integer.parseInt(args[4]);
        boolean tls = url.getScheme().equals("https");
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);

        int total = (int) Math.round((seconds + WARMUP_NANOS / 1e9) * rate);
        long interval = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        long[] lateness = new long[total];
        Arrays.fill(latencies, -1);
        // only requests whose thread had to wait for their due time say how late it woke
        Arrays.fill(lateness, -1);
        AtomicInteger failed = new AtomicInteger();
        SSLContext context = tls ? trustingEverything() : null;
        Connection[] opened = new Connection[connections];
        for (int index = 0; index < connections; index++) {
            opened[index] = new Connection(new InetSocketAddress(url.getHost(), port), context);
        }
        long start = System.nanoTime() + 50_000_000L;
        Thread[] threads = new Thread[connections];
        for (int lane = 0; lane < connections; lane++) {
            int first = lane;
            Connection connection = opened[lane];
            threads[lane] = Thread.ofPlatform().name("fixed-rate-" + lane).start(() -> {
                for (int i = first; i < total; i += connections) {
                    long due = start + i * interval;
                    long now = System.nanoTime();
                    if (now < due) {
                        while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
                        lateness[i] = now - due;
                    }
                    try {
                        int status = connection.exchange(request);
                        if (status < 200 || status > 299) failed.incrementAndGet();
                    } catch (IOException broken) {
                        failed.incrementAndGet();
                        connection.reopen();
                    }
                    latencies[i] = System.nanoTime() - due;
                }
            });
        }
        for (Thread thread : threads) thread.join();
        long end = System.nanoTime();
        for (Connection connection : opened) connection.close();

        int skipped = (int) Math.min(total, Math.round(rate * WARMUP_NANOS / 1e9));
        long[] recorded = Arrays.stream(latencies, skipped, total).filter(latency -> latency >= 0).sorted().toArray();
        long[] late = Arrays.stream(lateness, skipped, total).filter(wake -> wake >= 0).sorted().toArray();
        double achieved = total / ((end - start) / 1e9);
        System.out.printf(Locale.ROOT, "RESULT %.1f %.1f %.1f %.1f %.1f %d %d %.1f %d%n", achieved,
                micros(recorded, 0.50), micros(recorded, 0.99), micros(recorded, 0.999), micros(recorded, 1.0),
                failed.get(), recorded.length, micros(late, 0.99), total);
    }

    /** The percentile of sorted nanoseconds, in microseconds (nearest rank). */
    static double micros(long[] sorted, double percentile) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(percentile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1000.0;
    }

    /** One keep-alive connection with one request in flight; opened again when the server closes it. */
    static final class Connection {

        private final InetSocketAddress server;
        private final SSLContext tls;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(InetSocketAddress server, SSLContext tls) throws IOException {
            this.server = server;
            this.tls = tls;
            open();
        }

        private void open() throws IOException {
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            plain.connect(server, 5000);
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, server.getHostString(), server.getPort(), true);
                secure.startHandshake();
                socket = secure;
            } else {
                socket = plain;
            }
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        void reopen() {
            close();
            try {
                open();
            } catch (IOException refused) {
                // the next exchange fails and is counted
            }
        }

        void close() {
            try {
                if (socket != null) socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        /** Sends the request and reads the whole answer; returns its status. */
        int exchange(byte[] request) throws IOException {
            if (socket == null || socket.isClosed()) throw new IOException("not connected");
            out.write(request);
            out.flush();
            String status = line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP answer: " + status);
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                if (colon < 0) continue;
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].strip(), 16)) > 0; ) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (closes) reopen();
            return Integer.parseInt(parts[1]);
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) throw new IOException("the answer ended early");
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) throw new IOException("the server closed the connection");
                if (b != '\r') line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }

    static SSLContext trustingEverything() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
