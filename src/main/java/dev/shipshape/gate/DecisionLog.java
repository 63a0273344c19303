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
import java.util.Optional;

/**
 * The audit trail of the gate: one JSON object per line for every request it answers, allowed,
 * warned or denied, so that a security team can see who did what and why it was let through or
 * stopped. Each line is written out before the answer is sent.
 *
 * <pre>{@code
 * {"time":"2026-11-28T10:15:30.123Z","door":"docker","user":"alice","method":"POST",
 *  "uri":"/v1.41/containers/create?name=web","action":"container-create","decision":"denied",
 *  "rules":["privileged-container"],"message":"shipshape denied: privileged-container: …"}
 * }</pre>
 * {@code enforced} is false for a Kubernetes dry run (answered, but nothing was admitted or
 * refused); {@code error} says why a request could not be decided.
 */
public final class DecisionLog implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final boolean closeOut;
    private final Clock clock;

    private DecisionLog(Writer out, boolean closeOut, Clock clock) {
        this.out = out;
        this.closeOut = closeOut;
        this.clock = clock;
    }

    /** Appends to {@code file}, creating it (and its folder) when missing. */
    public static DecisionLog toFile(Path file, Clock clock) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) Files.createDirectories(folder);
        return new DecisionLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), true, clock);
    }

    /** Writes to a stream the caller owns (standard output). */
    public static DecisionLog to(OutputStream stream, Clock clock) {
        return new DecisionLog(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), false, clock);
    }

    /**
     * One request and its answer.
     *
     * @param door     docker or kubernetes
     * @param method   the HTTP method (Docker) or the operation (Kubernetes)
     * @param uri      the request URI as the client sent it (Docker) or the resource's API path (Kubernetes)
     * @param action   the Docker action, when the request is one {@code allowed-users} can restrict
     * @param enforced false for a dry run
     */
    public record Entry(String door, String user, String method, String uri, Optional<String> action,
            Decision decision, boolean enforced) {
    }

    public void write(Entry entry) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", clock.instant().toString());
            json.writeStringField("door", entry.door());
            json.writeStringField("user", entry.user());
            json.writeStringField("method", entry.method());
            json.writeStringField("uri", entry.uri());
            if (entry.action().isPresent()) json.writeStringField("action", entry.action().get());
            json.writeStringField("decision", entry.decision().outcome().label());
            json.writeArrayFieldStart("rules");
            for (String rule : entry.decision().rules()) json.writeString(rule);
            json.writeEndArray();
            if (!entry.enforced()) json.writeBooleanField("enforced", false);
            if (!entry.decision().allows()) json.writeStringField("message", entry.decision().message());
            if (entry.decision().error().isPresent()) json.writeStringField("error", entry.decision().error().get());
            json.writeEndObject();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        line.append('\n');
        synchronized (this) {
            try {
                out.write(line.toString());
                out.flush();
            } catch (IOException cannotWrite) {
                throw new UncheckedIOException("cannot write the decision log: " + cannotWrite.getMessage(), cannotWrite);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.flush();
        if (closeOut) out.close();
    }
}
