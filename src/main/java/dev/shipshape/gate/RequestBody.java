package dev.shipshape.gate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads one request's body without holding a thread while the client is slow: each chunk is taken
 * as Jetty has it, and when none is there yet Jetty is asked to call back once bytes arrive (on a
 * pool thread, since the continuation decides). A body that came in with the headers, as dockerd's
 * and the API server's do, is whole on the first read, and the answer follows on the same thread.
 *
 * <p>A body over {@code limit} bytes is not kept: it is read and dropped up to {@code drainLimit}
 * bytes, so that the client can read the 413 and keep its connection; beyond that reading stops
 * (Jetty then closes the connection after the answer). The body deadline of {@link ConnectionGuard}
 * bounds the whole read: when it closes the connection, the read ends with the failure.
 */
final class RequestBody implements Runnable {

    private final Request request;
    private final int limit;
    private final long drainLimit;
    private final Consumer<Optional<byte[]>> whole;
    private final Consumer<Throwable> failed;
    private byte[] bytes;
    private int length;
    private long seen;

    private RequestBody(Request request, int limit, long drainLimit, Consumer<Optional<byte[]>> whole, Consumer<Throwable> failed) {
        this.request = request;
        this.limit = limit;
        this.drainLimit = drainLimit;
        this.whole = whole;
        this.failed = failed;
        long declared = request.getLength();
        this.bytes = new byte[declared >= 0 && declared <= limit ? (int) declared : Math.min(limit, 16 * 1024)];
    }

    /**
     * Starts reading; {@code whole} gets the body (empty when it was over {@code limit} bytes) or
     * {@code failed} the reason it could not be read (the client went away, or its deadline passed).
     * Either is called exactly once, on this thread or on the one that delivers the last bytes.
     */
    static void read(Request request, int limit, long drainLimit, Consumer<Optional<byte[]>> whole, Consumer<Throwable> failed) {
        // -1 for a chunked body; Jetty has refused a malformed length already
        if (request.getLength() > drainLimit) {
            whole.accept(Optional.empty());
            return;
        }
        new RequestBody(request, limit, drainLimit, whole, failed).run();
    }

    /** Takes every chunk there is; asks for a call back when there is none yet. */
    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failed.accept(chunk.getFailure());
                return;
            }
            boolean last = chunk.isLast();
            keep(chunk.getByteBuffer());
            chunk.release();
            if (last) {
                whole.accept(seen > limit ? Optional.empty() : Optional.of(length == bytes.length ? bytes : Arrays.copyOf(bytes, length)));
                return;
            }
            if (seen > drainLimit) {
                whole.accept(Optional.empty());
                return;
            }
        }
    }

    private void keep(ByteBuffer chunk) {
        int size = chunk.remaining();
        seen += size;
        if (seen > limit) {
            bytes = null;
            return;
        }
        if (length + size > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(length + size, 2L * bytes.length)));
        chunk.get(bytes, length, size);
        length += size;
    }
}
