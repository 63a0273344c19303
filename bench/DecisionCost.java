import dev.shipshape.gate.Judge;
import dev.shipshape.load.gate.AdmissionObjects;
import dev.shipshape.load.gate.AdmissionRequest;
import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.DockerRequest;
import dev.shipshape.load.gate.DockerRequests;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CPU time of one decision without HTTP: the AuthZReq envelope read, the request routed and
 * decoded into the model, the rules and the policy run (and, for /validate, the AdmissionReview
 * read and its object loaded). Measured as this thread's CPU time, so other work on a busy machine
 * disturbs it far less than wall-clock latency; the HTTP transport, the decision log and the metrics
 * are not in it (bench/serve.sh measures the whole server).
 *
 *   java -cp 'target/shipshape.jar:target/lib/*' bench/DecisionCost.java AUTHZ_JSON REVIEW_JSON [ROUNDS]
 *
 * AUTHZ_JSON is an AuthZReq envelope (bench/serve.sh shows how it wraps bench/serve/container-create.json in one),
 * REVIEW_JSON an AdmissionReview (src/test/resources/gate/admission/deployment-create.json).
 * Each round decides 20,000 of each after as many to warm up; prints µs of CPU per decision, the
 * median of the rounds (default 5), and the bytes allocated per decision, which a busy machine
 * does not disturb at all: on a shared machine, compare changes by it first.
 */
public class DecisionCost {

    static final int PER_ROUND = 20_000;

    public static void main(String[] args) throws Exception {
        byte[] authz = Files.readAllBytes(Path.of(args[0]));
        byte[] review = Files.readAllBytes(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Judge judge = new Judge(Policy.DEFAULT, Enforcement.DEFAULT, Clock.systemUTC());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] docker = new double[rounds];
        double[] kubernetes = new double[rounds];
        long[] dockerBytes = new long[rounds];
        long[] kubernetesBytes = new long[rounds];
        long sink = 0;
        for (int round = -1; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            long startBytes = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < PER_ROUND; i++) sink += authz(judge, authz);
            long middle = threads.getCurrentThreadCpuTime();
            long middleBytes = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < PER_ROUND; i++) sink += admission(judge, review);
            long end = threads.getCurrentThreadCpuTime();
            long endBytes = threads.getCurrentThreadAllocatedBytes();
            if (round < 0) continue;
            docker[round] = (middle - start) / 1000.0 / PER_ROUND;
            kubernetes[round] = (end - middle) / 1000.0 / PER_ROUND;
            dockerBytes[round] = (middleBytes - startBytes) / PER_ROUND;
            kubernetesBytes[round] = (endBytes - middleBytes) / PER_ROUND;
        }
        System.out.printf(Locale.ROOT, "RESULT authzreq %.1f µs, validate %.1f µs of CPU per decision (median of %d rounds of %d; %d)%n",
                median(docker), median(kubernetes), rounds, PER_ROUND, sink % 2);
        System.out.printf(Locale.ROOT, "ALLOCATED authzreq %d bytes, validate %d bytes per decision (median)%n",
                median(dockerBytes), median(kubernetesBytes));
    }

    static int authz(Judge judge, byte[] envelope) {
        AuthzRequest request = ((AuthzRequest.Readable) AuthzRequest.parse(envelope)).request();
        DockerRequest docker = DockerRequests.read(request);
        if (!(docker.input() instanceof GateInput.Modelled modelled)) throw new IllegalStateException("not modelled: " + docker.input());
        return judge.judge(modelled).denials().size() + 1;
    }

    static int admission(Judge judge, byte[] body) {
        AdmissionRequest request = ((AdmissionRequest.Readable) AdmissionRequest.parse(body)).request();
        if (!(AdmissionObjects.read(request) instanceof GateInput.Modelled modelled)) throw new IllegalStateException("not modelled");
        return judge.judge(modelled).denials().size() + 1;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
