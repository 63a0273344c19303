package dev.shipshape.gate.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 over the daemon's unix socket, written by hand so that the bytes of a request line and
 * body reach dockerd exactly as the corpus wrote them: no client library re-encodes a target,
 * reorders keys or drops a duplicate. One request per connection ({@code Connection: close}).
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 60;

    private final Path socket;

    RawHttp(Path socket) {
        this.socket = socket;
    }

    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new IllegalStateException("the daemon answered " + status + " with a body that is not JSON: " + body);
            }
        }
    }

    Response send(String method, String target, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        String head = method + " " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: shipshape-differential\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "Connection: close\r\n\r\n";
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) request.writeBytes(body);
        return exchange(request.toByteArray());
    }

    /** Sends {@code request} byte for byte: head, framing and body as the caller wrote them. */
    Response sendRaw(byte[] request) {
        return exchange(request);
    }

    /** A GET whose answer must be a 2xx JSON document. */
    JsonNode get(String path) {
        Response response = send("GET", path, null);
        if (!response.ok()) throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
        return response.json();
    }

    private Response exchange(byte[] request) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a unix socket: " + e.getMessage(), e);
        }
        Thread.ofVirtual().start(() -> {
            try (channel) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                ByteBuffer out = ByteBuffer.wrap(request);
                try {
                    while (out.hasRemaining()) channel.write(out);
                } catch (IOException answeredEarly) {
                    // dockerd may refuse before it has read a large body, and close: its answer is still there to read
                }
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                ByteBuffer in = ByteBuffer.allocate(65536);
                try {
                    while (channel.read(in) >= 0) {
                        received.write(in.array(), 0, in.position());
                        in.clear();
                    }
                } catch (IOException reset) {
                    // closing with bytes of ours unread resets the connection, after the answer it sent
                    if (received.size() == 0) throw reset;
                }
                answer.complete(received.toByteArray());
            } catch (IOException | RuntimeException failed) {
                answer.completeExceptionally(failed);
            }
        });
        try {
            return parse(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException slow) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is how the reader is stopped
            }
            throw new IllegalStateException("the daemon did not answer within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException failed) {
            throw new IllegalStateException("cannot talk to the daemon on " + socket + ": " + failed.getCause().getMessage(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) throw new IllegalStateException("not an HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
        String[] head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        boolean chunked = Arrays.stream(head).skip(1)
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked"));
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        return new Response(status, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        while (at < body.length) {
            int lineEnd = indexOf(body, crlf, at);
            if (lineEnd < 0) break;
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) break;
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
