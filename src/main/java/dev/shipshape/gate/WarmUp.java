package dev.shipshape.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides a few typical requests over and over before the listeners report ready, so that the
 * JIT has compiled the decision path when the first real requests come. Cold, a decision costs
 * ten times what it costs warm, and under load the compiler competes with the requests for the
 * same cores: bench/warm-up.sh measured 1,677 AuthZReq/s at p99 267 ms in the first 5 s after
 * /readyz without it, 3,993/s at p99 31 ms with it, and 15 s later 4.4k/s at p99 16 ms against
 * 7.1k/s at p99 9 ms. Nothing decided here is logged by serve or counted in its metrics.
 *
 * <p>It runs at least {@code minimum} decisions, then goes on until the JIT has gone quiet (it
 * compiled for less than {@value #QUIET_PERCENT}% of the last {@value #SLICE_MILLIS} ms), or the
 * budget runs out. The samples ship in the jar ({@code warm-up/}): container creates as the docker
 * CLI sends them, hardened and not, an exec, a service, and AdmissionReviews of a StatefulSet, an
 * unhardened Deployment and a Pod, so that the paths that allow, warn and deny are all compiled.
 * None of them is a body bench/serve.sh or bench/warm-up.sh sends: the benches would flatter it.
 */
public final class WarmUp {

    /** Decisions before the compiler's activity is looked at: by then the hottest methods are at their last tier. */
    public static final int MINIMUM_DECISIONS = 20_000;
    static final int SLICE_MILLIS = 2_000;
    static final int QUIET_PERCENT = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sample: a Docker request (its method, target and body) or an AdmissionReview (uri null). */
    private record Sample(String uri, byte[] body) {

        boolean docker() {
            return uri != null;
        }
    }

    /** What a warm-up did; {@code compilerQuiet} is false when it stopped for the budget or a stop. */
    public record Result(int decisions, Duration took, boolean compilerQuiet) {
    }

    private final List<Sample> samples;

    private WarmUp(List<Sample> samples) {
        this.samples = samples;
    }

    /** The samples shipped in the jar. */
    public static WarmUp withBuiltInSamples() {
        return new WarmUp(List.of(
                docker("/v1.41/containers/create?name=hardened", "container-create-hardened.json"),
                docker("/v1.41/containers/create", "container-create-default.json"),
                docker("/v1.41/containers/warm-up/exec", "exec-create.json"),
                docker("/v1.41/services/create", "service-create.json"),
                review("review-statefulset.json"),
                review("review-deployment-unhardened.json"),
                review("review-pod.json")));
    }

    /**
     * Decides the samples in turn, a round of all of them at least once, until the JIT is quiet
     * after {@code minimum} decisions, {@code budget} has passed, or {@code wanted} turns false (the
     * server is stopping). The decisions go to {@code log} (serve gives one that drops them) and are
     * counted in no metrics.
     */
    public Result run(Judge judge, DecisionLog log, int minimum, Duration budget, BooleanSupplier wanted) {
        Optional<CompilationMXBean> jit = Optional.ofNullable(ManagementFactory.getCompilationMXBean())
                .filter(CompilationMXBean::isCompilationTimeMonitoringSupported);
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        Metrics uncounted = new Metrics();
        AuthzHandler authz = new AuthzHandler(judge, log, uncounted, Optional.empty());
        AdmissionHandler admission = new AdmissionHandler(judge, log, uncounted);
        int done = 0;
        long sliceStart = start;
        long compiledAtSliceStart = jit.map(CompilationMXBean::getTotalCompilationTime).orElse(0L);
        while (true) {
            for (Sample sample : samples) {
                if (sample.docker()) authz.request(sample.body());
                else admission.validate(sample.body());
            }
            done += samples.size();
            long now = System.nanoTime();
            if (now >= deadline || !wanted.getAsBoolean()) return new Result(done, Duration.ofNanos(now - start), false);
            if (done < minimum || now - sliceStart < SLICE_MILLIS * 1_000_000L) continue;
            if (jit.isEmpty()) return new Result(done, Duration.ofNanos(now - start), true);
            long compiled = jit.get().getTotalCompilationTime();
            long sliceMillis = (now - sliceStart) / 1_000_000L;
            if ((compiled - compiledAtSliceStart) * 100 < sliceMillis * QUIET_PERCENT) {
                return new Result(done, Duration.ofNanos(now - start), true);
            }
            sliceStart = now;
            compiledAtSliceStart = compiled;
        }
    }

    private static Sample docker(String uri, String resource) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("User", "");
        envelope.put("RequestMethod", "POST");
        envelope.put("RequestUri", uri);
        envelope.put("RequestBody", Base64.getEncoder().encodeToString(read(resource)));
        envelope.put("RequestHeaders", Map.of("Content-Type", "application/json", "User-Agent", "Docker-Client/28.2.2 (linux)"));
        try {
            return new Sample(uri, JSON.writeValueAsBytes(envelope));
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
    }

    private static Sample review(String resource) {
        return new Sample(null, read(resource));
    }

    private static byte[] read(String resource) {
        try (InputStream in = WarmUp.class.getResourceAsStream("warm-up/" + resource)) {
            if (in == null) throw new IllegalStateException("the jar lacks its warm-up sample " + resource);
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
