package dev.shipshape.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubernetes control plane for the tests: the upstream kube-apiserver v1.20.2 with Debian's
 * etcd, started on loopback by {@code ../shared/tools/kube-apiserver/start-cluster.sh} in a temporary
 * folder (or the folder {@code SHIPSHAPE_KUBE_TOOLS} names). One per test JVM; a shutdown hook stops
 * both processes by their pids (stop-cluster.sh), also after failures.
 *
 * <p>When etcd or the API server cannot run here, {@link #shared()} throws: these tests fail, never skip.
 * No controllers run: objects are stored, validated and admitted, and Pods get only the status a test writes.
 */
public final class RealKubernetesCluster {

    private static RealKubernetesCluster shared;

    private final Path folder;
    private final Path tools;
    private final Map<String, String> env;

    private RealKubernetesCluster(Path folder, Path tools, Map<String, String> env) {
        this.folder = folder;
        this.tools = tools;
        this.env = env;
    }

    public static synchronized RealKubernetesCluster shared() {
        if (shared == null) {
            shared = start();
            RealKubernetesCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "stop-kube-apiserver"));
        }
        return shared;
    }

    /** The kubeconfig with two contexts: {@code admin} (system:masters, current) and {@code auditor} (no roles). */
    public Path kubeconfig() {
        return Path.of(env.get("KUBECONFIG"));
    }

    /** {@code https://127.0.0.1:PORT}. */
    public String server() {
        return env.get("KUBE_API");
    }

    public Path certificateAuthority() {
        return Path.of(env.get("KUBE_CA"));
    }

    public String adminToken() {
        return env.get("KUBE_ADMIN_TOKEN");
    }

    public Path folder() {
        return folder;
    }

    /** Runs kubectl as admin; fails the test when it fails. */
    public String kubectl(String... arguments) {
        return kubectlWithInput(null, arguments);
    }

    /** {@code kubectl apply -f -} of this YAML, as admin. */
    public String apply(String yaml) {
        return kubectlWithInput(yaml, "apply", "-f", "-");
    }

    /** {@code kubectl apply --namespace NS -f -} of this YAML, as admin. */
    public String kubectlWithNamespace(String namespace, String yaml) {
        return kubectlWithInput(yaml, "apply", "--namespace", namespace, "-f", "-");
    }

    /** Runs kubectl as admin with {@code input} on its standard input; the exit code and output, whatever they are. */
    public Result tryKubectl(String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig().toString()));
        command.addAll(List.of(arguments));
        return run(command, input);
    }

    private String kubectlWithInput(String input, String... arguments) {
        Result result = tryKubectl(input, arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", arguments) + " failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output().strip();
    }

    public record Result(int exitCode, String output) {
    }

    private static RealKubernetesCluster start() {
        Path tools = Path.of(System.getenv().getOrDefault("SHIPSHAPE_KUBE_TOOLS", "../shared/tools/kube-apiserver")).toAbsolutePath().normalize();
        if (!Files.isExecutable(tools.resolve("start-cluster.sh"))) {
            throw new IllegalStateException("no kube-apiserver tools at " + tools + " (set SHIPSHAPE_KUBE_TOOLS)");
        }
        try {
            Path folder = Files.createTempDirectory("shipshape-kube");
            Result started = run(List.of(tools.resolve("start-cluster.sh").toString(), folder.toString()), null);
            if (started.exitCode() != 0) {
                throw new IllegalStateException("the API server did not start (" + started.exitCode() + "): " + started.output()
                        + " (it needs Debian's etcd-server: apt-get install etcd-server)");
            }
            Map<String, String> env = new HashMap<>();
            for (String line : Files.readAllLines(folder.resolve("cluster.env"), StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) env.put(line.substring(0, equals), line.substring(equals + 1));
            }
            return new RealKubernetesCluster(folder, tools, env);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void stop() {
        run(List.of(tools.resolve("stop-cluster.sh").toString(), folder.toString()), null);
    }

    private static Result run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
