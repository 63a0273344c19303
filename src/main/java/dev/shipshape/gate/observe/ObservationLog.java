package dev.shipshape.gate.observe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.gate.Decision;
import dev.shipshape.gate.DecisionObserver;
import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.GateInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code shipshape serve --docker-plugin --observe}: one JSON line per authorization request, with
 * the decision the gate would have made and a summary of the model it judged:
 *
 * <pre>{@code
 * {"observed":"2026-12-07T19:00:00Z","method":"POST","uri":"/v1.41/containers/create?name=web",
 *  "input":"modelled","decision":"denied","rules":["privileged-container"],"message":"shipshape denied: …",
 *  "model":{"containers":[{"workload":"container 'web'","container":{"privileged":true,…}}],"volumes":[]}}
 * }</pre>
 * {@code input} is {@code modelled}, {@code not-inspected}, {@code refused}, {@code unreadable}, or
 * {@code unread} when not even the envelope could be read. A line that cannot be written is
 * reported once on standard error; the plugin goes on allowing.
 */
public final class ObservationLog implements DecisionObserver, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Writer out;
    private final boolean closeOut;
    private final PrintWriter err;
    private final Clock clock;
    private boolean failed;

    /** @param closeOut whether closing this log closes {@code out} (a file) or only flushes it (standard output) */
    public ObservationLog(Writer out, boolean closeOut, PrintWriter err, Clock clock) {
        this.out = out;
        this.closeOut = closeOut;
        this.err = err;
        this.clock = clock;
    }

    /** Appends to {@code file}, creating it (and its folder) when missing. */
    public static ObservationLog toFile(Path file, PrintWriter err, Clock clock) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (folder != null) Files.createDirectories(folder);
            return new ObservationLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), true, err, clock);
        } catch (IOException cannotOpen) {
            throw new IOException("cannot open the observation log " + file + " (" + cannotOpen.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + ")", cannotOpen);
        }
    }

    /** One line of the log; {@code model} is null when the request was not modelled. */
    public record Observation(String observed, String method, String uri, String input, String decision, List<String> rules,
            String message, ModelSummary model) {
    }

    @Override
    public void observed(Optional<AuthzRequest> request, Optional<GateInput> input, Decision decision) {
        Observation observation = new Observation(clock.instant().toString(),
                request.map(AuthzRequest::method).orElse(""), request.map(AuthzRequest::rawUri).orElse(""),
                input.map(ObservationLog::kind).orElse("unread"), decision.outcome().label(), decision.rules(),
                decision.allows() ? "" : decision.message(),
                input.filter(GateInput.Modelled.class::isInstance).map(GateInput.Modelled.class::cast)
                        .map(modelled -> ModelSummary.of(modelled.loaded().inventory())).orElse(null));
        write(observation);
    }

    /** {@code modelled}, {@code not-inspected}…: the kind of input in kebab case, whatever kinds {@link GateInput} comes to have. */
    public static String kind(GateInput input) {
        return input.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private synchronized void write(Observation observation) {
        try {
            out.write(JSON.writeValueAsString(observation));
            out.write('\n');
            out.flush();
        } catch (JsonProcessingException | RuntimeException cannotSerialize) {
            warnOnce("cannot record an observation of " + observation.method() + " " + observation.uri()
                    + ": its model could not be written as JSON");
        } catch (IOException cannotWrite) {
            warnOnce("cannot write the observation log: " + cannotWrite.getMessage());
        }
    }

    private void warnOnce(String problem) {
        if (failed) return;
        failed = true;
        err.println("shipshape serve: " + problem);
        err.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closeOut) out.close();
        else out.flush();
    }
}
