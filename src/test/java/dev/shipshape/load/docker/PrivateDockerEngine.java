package dev.shipshape.load.docker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real Docker Engine for the tests: Debian's dockerd on a private socket and data folder (the
 * flags DESIGN.md gives for these machines), so it never touches another daemon, with a tiny
 * image imported from a tarball of busybox-static. One engine per test JVM; it is stopped by its
 * pid when the JVM ends (a shutdown hook), also after failures.
 *
 * <p>When dockerd cannot run here, {@link #shared()} throws: the live tests fail loudly, they never skip.
 */
public final class PrivateDockerEngine {

    public static final String IMAGE = "shipshape/busybox:test";

    private static PrivateDockerEngine shared;

    private final Path folder;
    private final Process daemon;
    private final long pid;

    private PrivateDockerEngine(Path folder, Process daemon) {
        this.folder = folder;
        this.daemon = daemon;
        this.pid = daemon.pid();
    }

    /** The engine, started on first use. */
    public static synchronized PrivateDockerEngine shared() {
        if (shared == null) {
            shared = start();
            PrivateDockerEngine engine = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "stop-private-dockerd"));
        }
        return shared;
    }

    public Path socket() {
        return folder.resolve("docker.sock");
    }

    /** {@code unix:///tmp/ssd…/docker.sock}. */
    public String host() {
        return "unix://" + socket();
    }

    public Path folder() {
        return folder;
    }

    /** Runs the docker CLI against this engine; fails the test when it fails. */
    public String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of(dockerCli(), "-H", host()));
        command.addAll(List.of(arguments));
        Result result = run(command, Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", arguments) + " failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output().strip();
    }

    /** Waits until {@code condition} holds, or fails after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("timed out waiting for " + what);
            sleep(200);
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A free UDP port in the range Swarm accepts for its data path (1024-49151). */
    public static int freeUdpPort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20000 + random.nextInt(20000);
            try (java.net.DatagramSocket socket = new java.net.DatagramSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free UDP port between 20000 and 40000");
    }

    /**
     * An engine of its own, with more dockerd flags (an authorization plugin, say), stopped when the
     * JVM ends or by the caller, whichever comes first.
     */
    public static PrivateDockerEngine startWith(List<String> extraFlags) {
        PrivateDockerEngine engine = start(extraFlags);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "stop-private-dockerd"));
        return engine;
    }

    private static PrivateDockerEngine start() {
        return start(List.of());
    }

    private static PrivateDockerEngine start(List<String> extraFlags) {
        String dockerd = executable("dockerd").orElseThrow(() -> new IllegalStateException(
                "dockerd is not installed: the live Docker tests need Debian's docker.io and busybox-static "
                        + "(.ci/run installs them: apt-get install -y docker.io busybox-static)"));
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            throw new IllegalStateException("/bin/busybox is missing: install busybox-static (.ci/run does)");
        }
        try {
            // unix socket paths are limited to about 100 characters: keep the folder short
            Path folder = Files.createTempDirectory(Path.of("/tmp"), "ssd");
            Path log = folder.resolve("dockerd.log");
            List<String> command = new ArrayList<>(List.of(dockerd,
                    "--iptables=false", "--ip6tables=false", "--bridge=none", "--storage-driver=vfs",
                    "-H", "unix://" + folder.resolve("docker.sock"),
                    "--data-root", folder.resolve("data").toString(),
                    "--exec-root", folder.resolve("exec").toString(),
                    "--pidfile", folder.resolve("dockerd.pid").toString(),
                    "--default-address-pool", "base=" + addressPool() + ",size=24"));
            command.addAll(extraFlags);
            Process daemon = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrivateDockerEngine engine = new PrivateDockerEngine(folder, daemon);
            try {
                await("dockerd to answer on " + engine.socket(), Duration.ofSeconds(60), () -> {
                    if (!daemon.isAlive()) throw new IllegalStateException("dockerd exited: " + tail(log));
                    return Files.exists(engine.socket())
                            && run(List.of(dockerCli(), "-H", engine.host(), "version"), Duration.ofSeconds(10)).exitCode() == 0;
                });
                engine.importImage(busybox);
            } catch (RuntimeException failed) {
                engine.stop();
                throw failed;
            }
            return engine;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dockerd: " + e.getMessage(), e);
        }
    }

    /**
     * A /16 of its own for the engine's user-defined networks, somewhere in 10.128.0.0/9 (Swarm's
     * overlay networks count up from 10.0.0.0): bridges that engines killed before they removed
     * their networks leave on the host, and engines running at once, use up Docker's default pools
     * (172.17-31 and 192.168), and {@code docker network create} then fails.
     */
    private static String addressPool() {
        return "10." + (128 + java.util.concurrent.ThreadLocalRandom.current().nextInt(128)) + ".0.0/16";
    }

    /** A one-file userland: busybox and the applets the tests run, as {@link #IMAGE}. */
    private void importImage(Path busybox) throws IOException {
        Path root = folder.resolve("rootfs");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String applet : List.of("sh", "sleep", "true", "false", "cat", "id")) {
            Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Path tarball = folder.resolve("rootfs.tar");
        Result tar = run(List.of("tar", "-C", root.toString(), "-cf", tarball.toString(), "."), Duration.ofMinutes(1));
        if (tar.exitCode() != 0) throw new IllegalStateException("tar failed: " + tar.output());
        docker("import", "--change", "CMD [\"/bin/sleep\", \"100000\"]", tarball.toString(), IMAGE);
    }

    /** Stops the daemon by its own pid (containers, networks and Swarm first), and removes its folder. */
    public synchronized void stop() {
        if (daemon.isAlive()) {
            run(List.of(dockerCli(), "-H", host(), "swarm", "leave", "--force"), Duration.ofSeconds(30));
            String ids = run(List.of(dockerCli(), "-H", host(), "ps", "-aq"), Duration.ofSeconds(30)).output().strip();
            if (!ids.isEmpty()) {
                List<String> remove = new ArrayList<>(List.of(dockerCli(), "-H", host(), "rm", "-f"));
                remove.addAll(List.of(ids.split("\\s+")));
                run(remove, Duration.ofSeconds(60));
            }
            // a bridge network's interface (br-…) lives in the host's namespace and outlives the daemon and its
            // folder; left behind, they use up the address pools of every later engine on this host
            run(List.of(dockerCli(), "-H", host(), "network", "prune", "-f"), Duration.ofSeconds(60));
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            try {
                if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    daemon.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        unmountLeftovers();
        run(List.of("rm", "-rf", folder.toString()), Duration.ofMinutes(2));
    }

    /** Network namespaces dockerd leaves mounted under its exec root would keep the folder from being removed. */
    private void unmountLeftovers() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8).stream()
                    .map(line -> line.split(" ")[1])
                    .filter(mountPoint -> mountPoint.startsWith(folder + "/"))
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String mountPoint : mounts) run(List.of("umount", "-l", mountPoint), Duration.ofSeconds(30));
        } catch (IOException | RuntimeException unreadable) {
            // best effort: a folder under /tmp that stays behind is harmless
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String dockerCli() {
        return executable("docker").orElseThrow(() -> new IllegalStateException("the docker CLI is not installed (docker.io has it)"));
    }

    private static java.util.Optional<String> executable(String name) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return java.util.Optional.of(candidate.toString());
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return java.util.Optional.of(candidate.toString());
        }
        return java.util.Optional.empty();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** The variables a test audit sees: none from the developer's shell. */
    public static Map<String, String> cleanEnvironment() {
        return Map.of();
    }
}
