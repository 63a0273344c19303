package dev.shipshape.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The audit trail of the gate: one JSON object per line for every request it answers, allowed,
 * warned or denied, so that a security team can see who did what and why it was let through or
 * stopped.
 *
 * <pre>{@code
 * {"time":"2026-11-28T10:15:30.123Z","door":"docker","user":"alice","method":"POST",
 *  "uri":"/v1.41/containers/create?name=web","endpoint":"POST /containers/create","object":"web",
 *  "action":"container-create","bodySha256":"9f86d0…","decision":"denied","rules":["privileged-container"],
 *  "findings":[{"rule":"privileged-container","outcome":"denied","message":"container 'web' runs privileged"}],
 *  "message":"shipshape denied: …"}
 * }</pre>
 * {@code endpoint} is the Engine API endpoint the request was judged as (its method and mux path
 * template), or {@code unclassified} when it matches none; {@code findings} lists every denial and
 * warning with its rule (or gate check) and message.
 * {@code enforced} is false for a Kubernetes dry run (answered, but nothing was admitted or
 * refused); {@code error} says why a request could not be decided.
 *
 * <p>Lines are formatted and written by a thread of their own, in batches, so that a slow disk never holds up an
 * answer (a flush per request stalled answers for tens of milliseconds during write-back). Nothing
 * is dropped: when the writer falls {@value #BACKLOG} lines behind, answers wait for it. Once the
 * log cannot be written, every further {@link #write} fails, and the gate answers by its failure stance.
 */
public final class DecisionLog implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int BACKLOG = 65_536;
    /** How long the writer lets lines gather after the first of a burst; a line is on disk at most this much later. */
    private static final long GATHER_MILLIS = 2;
    /** Queued by {@link #close()}: the writer writes what came before it, then stops. */
    private static final Pending END = new Pending(null, null);

    private final Writer out;
    private final boolean closeOut;
    private final Clock clock;
    private final BlockingQueue<Pending> lines = new ArrayBlockingQueue<>(BACKLOG);
    private final Thread writer;
    private final Object progress = new Object();
    private long queued;
    private long written;
    private volatile IOException failure;
    private volatile boolean closed;

    private DecisionLog(Writer out, boolean closeOut, Clock clock) {
        this.out = out;
        this.closeOut = closeOut;
        this.clock = clock;
        this.writer = Thread.ofPlatform().daemon().name("shipshape-decision-log").start(this::writeLines);
    }

    /** Appends to {@code file}, creating it (and its folder) when missing. */
    public static DecisionLog toFile(Path file, Clock clock) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) Files.createDirectories(folder);
        return new DecisionLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), true, clock);
    }

    /** Writes to a stream the caller owns. */
    public static DecisionLog to(OutputStream stream, Clock clock) {
        return to(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), clock);
    }

    /** Writes to a writer the caller owns (the command's standard output); closing the log only flushes it. */
    public static DecisionLog to(Writer writer, Clock clock) {
        return new DecisionLog(writer, false, clock);
    }

    /**
     * One request and its answer.
     *
     * @param door       docker or kubernetes
     * @param method     the HTTP method (Docker) or the operation (Kubernetes)
     * @param uri        the request URI as the client sent it (Docker) or the resource's API path (Kubernetes)
     * @param endpoint   the Engine API endpoint judged ({@code POST /containers/{name:.*}/exec}), {@code unclassified}
     *                   for a request that matches none, "" when there is none to name (Kubernetes, an unreadable envelope)
     * @param object     what the request names (the container, service, plugin…), "" when nothing
     * @param action     the Docker action, when the request is one {@code allowed-users} can restrict
     * @param bodySha256 the request body's SHA-256 in hex, "" without a body
     * @param enforced   false for a dry run
     */
    public record Entry(String door, String user, String method, String uri, String endpoint, String object, Optional<String> action,
            String bodySha256, Decision decision, boolean enforced) {

        /** An entry that names no endpoint, object or body (the Kubernetes door). */
        public Entry(String door, String user, String method, String uri, Optional<String> action, Decision decision, boolean enforced) {
            this(door, user, method, uri, "", "", action, "", decision, enforced);
        }
    }

    /** An entry and when it was decided, waiting for the writer (which formats it, off the answer's path). */
    private record Pending(Entry entry, Instant time) {
    }

    /** Queues the entry; fails when the log can no longer be written (or is closed). */
    public void write(Entry entry) {
        if (failure != null) throw new UncheckedIOException("cannot write the decision log: " + failure.getMessage(), failure);
        if (closed) throw new IllegalStateException("the decision log is closed");
        Pending line = new Pending(entry, clock.instant());
        try {
            synchronized (progress) {
                queued++;
            }
            lines.put(line);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging a decision");
        }
    }

    /** Waits until every line queued so far is written and flushed (tests, and shutdown). */
    public void sync() {
        synchronized (progress) {
            long target = queued;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (written < target && failure == null && writer.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String line(Entry entry, Instant time) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", time.toString());
            json.writeStringField("door", entry.door());
            json.writeStringField("user", entry.user());
            json.writeStringField("method", entry.method());
            json.writeStringField("uri", entry.uri());
            if (!entry.endpoint().isEmpty()) json.writeStringField("endpoint", entry.endpoint());
            if (!entry.object().isEmpty()) json.writeStringField("object", entry.object());
            if (entry.action().isPresent()) json.writeStringField("action", entry.action().get());
            if (!entry.bodySha256().isEmpty()) json.writeStringField("bodySha256", entry.bodySha256());
            json.writeStringField("decision", entry.decision().outcome().label());
            json.writeArrayFieldStart("rules");
            for (String rule : entry.decision().rules()) json.writeString(rule);
            json.writeEndArray();
            if (!entry.decision().denials().isEmpty() || !entry.decision().warnings().isEmpty()) {
                json.writeArrayFieldStart("findings");
                findings(json, entry.decision().denials(), "denied");
                findings(json, entry.decision().warnings(), "warned");
                json.writeEndArray();
            }
            if (!entry.enforced()) json.writeBooleanField("enforced", false);
            if (!entry.decision().allows()) json.writeStringField("message", entry.decision().message());
            if (entry.decision().error().isPresent()) json.writeStringField("error", entry.decision().error().get());
            json.writeEndObject();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return line.append('\n').toString();
    }

    private static void findings(JsonGenerator json, List<Decision.Reason> reasons, String outcome) throws IOException {
        for (Decision.Reason reason : reasons) {
            json.writeStartObject();
            json.writeStringField("rule", reason.rule());
            json.writeStringField("outcome", outcome);
            json.writeStringField("message", reason.message());
            json.writeEndObject();
        }
    }

    private void writeLines() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(lines.take());
            } catch (InterruptedException interrupted) {
                return;
            }
            // let a burst gather for a moment: one write and flush per burst, and answers rarely wake this thread
            // (a wake-up and a flush per line cost a busy server more CPU than formatting the line)
            if (batch.getFirst() != END) {
                try {
                    Thread.sleep(GATHER_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt(); // write what was taken; the next take() stops the writer
                }
            }
            lines.drainTo(batch, 4096);
            boolean end = batch.remove(END);
            try {
                for (Pending pending : batch) out.write(line(pending.entry(), pending.time()));
                out.flush();
            } catch (IOException cannotWrite) {
                failure = cannotWrite;
                System.err.println("shipshape serve: cannot write the decision log: " + cannotWrite.getMessage());
            } catch (RuntimeException bug) {
                // a line that cannot be formatted: stop logging rather than lose lines silently
                Incident incident = Incident.report("writing the decision log", bug);
                failure = new IOException("internal error (incident " + incident.id() + ")");
            }
            synchronized (progress) {
                written += batch.size();
                progress.notifyAll();
            }
            batch.clear();
            if (end) return;
        }
    }

    /** Writes what is queued, then closes the file (a stream the caller owns is only flushed). */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            lines.put(END);
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        if (closeOut) out.close();
    }
}
