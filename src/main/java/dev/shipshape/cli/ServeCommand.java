package dev.shipshape.cli;

import dev.shipshape.gate.ConnectionLimits;
import dev.shipshape.gate.DecisionLog;
import dev.shipshape.gate.Gate;
import dev.shipshape.gate.GateServer;
import dev.shipshape.gate.Judge;
import dev.shipshape.gate.PemTls;
import dev.shipshape.gate.PluginSpecFile;
import dev.shipshape.gate.UnixSocketRelay;
import dev.shipshape.gate.WarmUp;
import dev.shipshape.gate.observe.ObservationLog;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.EnforcementSection;
import dev.shipshape.policy.Policy;
import dev.shipshape.policy.PolicyFile;
import dev.shipshape.rules.BuiltInRules;
import dev.shipshape.rules.Rule;
import dev.shipshape.scan.ConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipshape serve}: enforces the rules at the gate, as a Docker authorization plugin and as
 * a Kubernetes admission webhook, with the project's {@code .shipshape.yaml} (its {@code enforce:}
 * section decides what is denied). Runs until it is stopped (SIGTERM, Ctrl-C).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Enforce the rules at the gate: as a Docker authorization plugin (dockerd asks it about every API "
                    + "request and refuses what it denies) and as a Kubernetes admission webhook (/validate "
                    + "admits or denies Pods and workloads, /mutate adds safe defaults). Both judge with the "
                    + "same rules and the same .shipshape.yaml as scan.",
            "",
            "The enforce: section of .shipshape.yaml says what is denied: deny-at (the severity from which "
                    + "findings deny, default high; milder ones are warnings), warn-only (rules that only warn), "
                    + "allowed-users (per action, the only users who may do it: container-create, container-start, "
                    + "container-exec, service-create, service-update, plugin-install, plugin-enable, plugin-manage, "
                    + "volume-create, network-create, swarm-join, swarm-init, swarm-manage, build-privileged; "
                    + "the guarded actions are refused to everyone unless users are listed: plugin-manage (disable, set, "
                    + "upgrade, create or remove a plugin), swarm-join, swarm-init (a swarm listening, advertising or "
                    + "carrying data beyond loopback), swarm-manage (swarm update: it can rotate the root CA) and "
                    + "build-privileged (a build with networkmode=host, and POST /grpc, BuildKit's direct connection)), "
                    + "failure (open or closed, default closed: the answer for a request that cannot be decided; open "
                    + "never lets through a request the gate judges or guards) and mutate "
                    + "(read-only-root-filesystem: true makes /mutate set it too).",
            "",
            "Every decision is written to the decision log, one JSON object per line (time, user, method, "
                    + "uri, the Engine API endpoint judged or \"unclassified\", the object it names, action, the body's "
                    + "SHA-256, decision, rules and findings). A change (not GET or HEAD) that matches no Engine API "
                    + "endpoint, and a request the gate cannot read exactly as dockerd reads it (undecidable-request), "
                    + "are denied.",
            "",
            "Docker: dockerd looks for the plugin at /run/docker/plugins/NAME.sock, then for "
                    + "/etc/docker/plugins/NAME.spec (--write-spec writes one for a tcp:// address). Start "
                    + "shipshape before dockerd (systemd: Before=docker.service): dockerd refuses to start when "
                    + "the plugin is missing, and while shipshape is down every API request fails after about "
                    + "30 s of retries (Docker's authorization fails closed; there is no switch). Keep a way to "
                    + "restart dockerd without --authorization-plugin.",
            "",
            "Kubernetes: the API server calls webhooks over HTTPS only; give the certificate and key "
                    + "(deploy/kubernetes/ has the manifests). /healthz, /readyz and /metrics (Prometheus) are "
                    + "served on every listener.",
            "",
            "Who may reach it: the plugin's unix socket only root can open; a tcp:// plugin address should be loopback. "
                    + "The webhook must be reachable by the API server (and Prometheus, for /metrics) and by nothing else: "
                    + "deploy/kubernetes/networkpolicy.yaml says so to the cluster.",
            "",
            "Slow clients: a connection that has not finished its TLS handshake, its headers or its body within the "
                    + "timeouts below is closed, and one client address may hold at most --max-connections-per-client "
                    + "connections, so that clients which connect and then stall cannot keep the gate from answering.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK + ":stopped", ExitCodes.USAGE + ":usage or configuration error, or a listener cannot start",
            ExitCodes.INTERNAL_ERROR_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipshape serve --docker-plugin                    # unix:///run/docker/plugins/shipshape.sock",
            "  dockerd --authorization-plugin=shipshape …",
            "  shipshape serve --docker-plugin --plugin-address tcp://127.0.0.1:9323 --write-spec",
            "  shipshape serve --kubernetes --tls-cert tls.crt --tls-key tls.key --port 8443",
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--docker-plugin", description = "Serve the Docker authorization plugin.")
    boolean dockerPlugin;

    @Option(names = "--observe", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "With --docker-plugin: allow every Docker request, but record the decision the gate would have made "
                    + "and a summary of the model it judged, one JSON line per request, to FILE (default: standard output).")
    String observe;

    @Option(names = "--kubernetes", description = "Serve the Kubernetes admission webhook (/validate, /mutate).")
    boolean kubernetes;

    @Option(names = "--plugin-name", paramLabel = "NAME", defaultValue = "shipshape",
            description = "The plugin's name, as dockerd's --authorization-plugin gives it (default: ${DEFAULT-VALUE}).")
    String pluginName;

    @Option(names = "--plugin-address", paramLabel = "URL",
            description = "Where the plugin listens: unix:///path.sock or tcp://127.0.0.1:PORT "
                    + "(default: unix:///run/docker/plugins/NAME.sock).")
    String pluginAddress;

    @Option(names = "--write-spec",
            description = "Write NAME.spec holding the tcp:// --plugin-address into --spec-dir, and remove it when stopping.")
    boolean writeSpec;

    @Option(names = "--spec-dir", paramLabel = "DIR",
            description = "Where --write-spec writes (default: /etc/docker/plugins; rootless dockerd: $XDG_CONFIG_HOME/docker/plugins).")
    Path specDir = PluginSpecFile.DEFAULT_FOLDER;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "The interface the webhook listens on (default: 0.0.0.0 with --tls-cert, where the API server must "
                    + "reach it; 127.0.0.1 without, since plain HTTP is for trying it out on this host only).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8443",
            description = "The webhook's port (default: ${DEFAULT-VALUE}; 0 takes any free port).")
    int port;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "The webhook's certificate chain (PEM).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The webhook's private key (PEM: PKCS#8, PKCS#1 RSA or SEC1 EC).")
    Path tlsKey;

    @Option(names = "--decision-log", paramLabel = "FILE",
            description = "Append the decision log to FILE (default: standard output).")
    Path decisionLog;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Use this policy file (default: the first .shipshape.yaml found upward from the working folder).")
    Path configFile;

    @Option(names = "--drain-seconds", paramLabel = "N", defaultValue = "0",
            description = "When told to stop (SIGTERM), answer /readyz with 503 for N seconds before closing, so that "
                    + "Kubernetes stops sending requests first (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "30",
            description = "After the listeners open, decide built-in sample requests until the JIT compiler has compiled "
                    + "the decision path (at least " + WarmUp.MINIMUM_DECISIONS + " of them, then until it goes quiet), for at "
                    + "most SECONDS; /readyz answers 503 meanwhile, and requests that come are decided as usual "
                    + "(default: ${DEFAULT-VALUE}; 0: no warm-up).")
    int warmUpSeconds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Platform threads per listener for reading, deciding and answering (default: twice the number of "
                    + "processors, at least 8). Bodies are read as they arrive and only a whole request is decided, so slow clients "
                    + "never hold them.")
    Integer threads;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a TLS connection whose handshake is not done within SECONDS (default: ${DEFAULT-VALUE}).")
    int handshakeTimeout;

    @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection whose request line and headers have not all arrived within SECONDS "
                    + "(default: ${DEFAULT-VALUE}).")
    int headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection whose request body has not all arrived, and been answered, within SECONDS of its "
                    + "headers (default: ${DEFAULT-VALUE}).")
    int bodyTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Close a kept-alive connection that sends no new request within SECONDS (default: ${DEFAULT-VALUE}; "
                    + "longer than the API server's 90 s, so that it closes first; dockerd keeps its two idle connections open "
                    + "and opens new ones as needed).")
    int idleTimeout;

    @Option(names = "--max-connections-per-client", paramLabel = "N", defaultValue = "128",
            description = "Connections one client address may hold open per listener; more are refused, with a warning at "
                    + "most once a minute per client (default: ${DEFAULT-VALUE}; 0: no cap). Not applied on the unix socket, "
                    + "which only root can reach.")
    int maxConnectionsPerClient;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<AutoCloseable> running = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Gate gate;
    private volatile List<GateServer> servers = List.of();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!dockerPlugin && !kubernetes) return usage("say what to serve: --docker-plugin, --kubernetes, or both");
            if ((tlsCert == null) != (tlsKey == null)) return usage("--tls-cert and --tls-key go together");
            if (writeSpec && !dockerPlugin) return usage("--write-spec needs --docker-plugin");
            Optional<ConnectionLimits> limits = limits();
            if (limits.isEmpty()) {
                return usage("--handshake-timeout, --header-timeout, --body-timeout and --idle-timeout must be at least 1 second, "
                        + "--max-connections-per-client 0 or more");
            }
            if (observe != null && !dockerPlugin) return usage("--observe needs --docker-plugin");
            Policy policy = policy();
            Path shownConfig = configFile;
            Enforcement enforcement = enforcement(policy);
            Judge judge = new Judge(policy, enforcement, Clock.systemUTC());
            DecisionLog log = decisionLog == null ? DecisionLog.to(spec.commandLine().getOut(), Clock.systemUTC())
                    : DecisionLog.toFile(decisionLog, Clock.systemUTC());
            running.add(log);
            gate = new Gate(judge, log);
            if (observe != null) gate = gate.observedBy(observationLog(err));
            int workers = threads != null ? threads : Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
            List<GateServer> listening = new ArrayList<>();
            if (dockerPlugin) listening.add(startPlugin(err, workers, limits.get()));
            if (kubernetes) listening.add(startWebhook(err, workers, limits.get()));
            servers = List.copyOf(listening);
            err.printf("shipshape serve: %d rules, deny at %s, failure %s%s%n", judge.ruleCount(), enforcement.denyAt().label(),
                    enforcement.failure().name().toLowerCase(java.util.Locale.ROOT),
                    shownConfig == null ? ", policy: defaults (no " + PolicyFile.FILE_NAME + ")" : ", policy " + shownConfig);
            err.flush();
            Thread hook = new Thread(this::stopAndWait, "shipshape-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            started.countDown();
            warmUp(err);
            stopped.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped it
            }
            return ExitCodes.OK;
        } catch (ConfigurationException | PemTls.Unusable cannotServe) {
            return usage(cannotServe.getMessage());
        } catch (java.nio.file.AccessDeniedException noPermission) {
            return usage("cannot start: no permission to create " + noPermission.getFile());
        } catch (IOException cannotListen) {
            return usage("cannot start: " + cannotListen.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        } finally {
            closeAll();
            started.countDown();
            closed.countDown();
            err.flush();
        }
    }

    /** Compiles the decision path on sample requests while /readyz says "warming up"; stops early when told to stop. */
    private void warmUp(PrintWriter err) throws IOException {
        if (warmUpSeconds <= 0) return;
        gate.warmingUp();
        WarmUp.Result warmed;
        try (DecisionLog discarded = DecisionLog.to(java.io.Writer.nullWriter(), Clock.systemUTC())) {
            warmed = WarmUp.withBuiltInSamples().run(gate.judge(), discarded, WarmUp.MINIMUM_DECISIONS,
                    Duration.ofSeconds(warmUpSeconds), () -> stopped.getCount() > 0);
        }
        gate.warmedUp();
        err.printf(java.util.Locale.ROOT, "shipshape serve: ready: warmed up in %.1f s (%,d sample decisions%s)%n",
                warmed.took().toMillis() / 1000.0, warmed.decisions(),
                warmed.compilerQuiet() ? "" : "; the " + warmUpSeconds + " s of --warm-up ran out before the JIT compiler went quiet");
        err.flush();
    }

    private Optional<ConnectionLimits> limits() {
        try {
            return Optional.of(new ConnectionLimits(Duration.ofSeconds(handshakeTimeout), Duration.ofSeconds(headerTimeout),
                    Duration.ofSeconds(bodyTimeout), Duration.ofSeconds(idleTimeout), maxConnectionsPerClient));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    /** A line on standard error, whole, from any listener's thread. */
    private Consumer<String> warnings(PrintWriter err) {
        return line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
    }

    private ObservationLog observationLog(PrintWriter err) throws IOException {
        ObservationLog observations = observe.equals("-")
                ? new ObservationLog(spec.commandLine().getOut(), false, err, Clock.systemUTC())
                : ObservationLog.toFile(Path.of(observe), err, Clock.systemUTC());
        running.add(observations);
        err.println("shipshape serve: observe mode: every Docker request is allowed; what would have been decided is recorded");
        return observations;
    }

    private GateServer startPlugin(PrintWriter err, int workers, ConnectionLimits limits) throws IOException, ConfigurationException {
        String address = pluginAddress != null ? pluginAddress : "unix:///run/docker/plugins/" + pluginName + ".sock";
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException malformed) {
            throw new ConfigurationException("--plugin-address must be unix:///path.sock or tcp://host:port, not '" + address + "'");
        }
        EnumSet<GateServer.Door> doors = EnumSet.of(GateServer.Door.DOCKER_PLUGIN);
        if ("unix".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty()) {
            if (writeSpec) throw new ConfigurationException("--write-spec needs a tcp:// --plugin-address (a unix socket is found without one)");
            // only the relay connects to this listener: every connection comes from 127.0.0.1, so no cap per client
            GateServer server = GateServer.start(new InetSocketAddress("127.0.0.1", 0), Optional.empty(), doors, gate, workers,
                    limits.uncapped(), warnings(err));
            running.add(server);
            UnixSocketRelay relay = UnixSocketRelay.start(Path.of(uri.getPath()), server.address());
            running.add(relay);
            err.printf("shipshape serve: Docker authorization plugin '%s' on unix://%s%n", pluginName, relay.socket());
            return server;
        }
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new ConfigurationException("--plugin-address must be unix:///path.sock or tcp://host:port, not '" + address + "'");
        }
        GateServer server = GateServer.start(new InetSocketAddress(uri.getHost(), uri.getPort()), Optional.empty(), doors, gate, workers,
                limits, warnings(err));
        running.add(server);
        String listening = "tcp://" + uri.getHost() + ":" + server.address().getPort();
        if (!server.address().getAddress().isLoopbackAddress()) {
            err.printf("shipshape serve: warning: the plugin listens on %s, which other hosts can reach; dockerd needs only "
                    + "the unix socket (the default) or a loopback address such as tcp://127.0.0.1:PORT%n", uri.getHost());
        }
        if (writeSpec) {
            PluginSpecFile specFile = PluginSpecFile.write(specDir, pluginName,
                    new InetSocketAddress(uri.getHost(), server.address().getPort()));
            running.add(specFile);
            err.printf("shipshape serve: wrote %s (%s)%n", specFile.file(), specFile.url());
        }
        err.printf("shipshape serve: Docker authorization plugin '%s' on %s%n", pluginName, listening);
        return server;
    }

    private GateServer startWebhook(PrintWriter err, int workers, ConnectionLimits limits) throws IOException, PemTls.Unusable {
        Optional<SSLContext> tls = tlsCert == null ? Optional.empty() : Optional.of(PemTls.context(tlsCert, tlsKey));
        String bind = this.bind != null ? this.bind : tls.isPresent() ? "0.0.0.0" : "127.0.0.1";
        GateServer server = GateServer.start(new InetSocketAddress(bind, port), tls, EnumSet.of(GateServer.Door.KUBERNETES), gate, workers,
                limits, warnings(err));
        running.add(server);
        String scheme = tls.isPresent() ? "https" : "http";
        err.printf("shipshape serve: Kubernetes admission webhook on %s://%s:%d (/validate, /mutate)%n", scheme, bind, server.address().getPort());
        if (tls.isEmpty()) {
            err.println("shipshape serve: warning: plain HTTP; the API server calls webhooks over HTTPS only (give --tls-cert and --tls-key)");
        }
        return server;
    }

    private Policy policy() throws ConfigurationException {
        Optional<Path> file = configPath();
        return file.isPresent() ? PolicyFile.read(file.get(), file.get().toString()) : Policy.DEFAULT;
    }

    private Enforcement enforcement(Policy policy) throws ConfigurationException {
        Optional<Path> file = configPath();
        if (file.isEmpty()) return Enforcement.DEFAULT;
        List<Rule> known = Stream.concat(BuiltInRules.all().stream(), policy.customRuleList().stream()).toList();
        return EnforcementSection.of(file.get(), file.get().toString(), known);
    }

    private Optional<Path> configPath() throws ConfigurationException {
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) throw new ConfigurationException("configuration file not found: " + configFile);
            return Optional.of(configFile);
        }
        Optional<Path> found = PolicyFile.find(Path.of("").toAbsolutePath());
        found.ifPresent(path -> configFile = path);
        return found;
    }

    /** Waits until the listeners are up (or starting failed); for tests that run the command on a thread. */
    boolean awaitStarted(java.time.Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && !servers.isEmpty();
    }

    /** The listeners, in the order --docker-plugin, --kubernetes. */
    List<GateServer> servers() {
        return servers;
    }

    /** Stops serving: not ready any more, then the listeners, the socket or spec file, the log. */
    void stop() {
        Gate current = gate;
        if (current != null) current.stopping();
        stopped.countDown();
    }

    /** On SIGTERM: drain, and do not let the JVM end before the socket or spec file is removed. */
    private void stopAndWait() {
        Gate current = gate;
        if (current != null && drainSeconds > 0) {
            current.stopping();
            try {
                Thread.sleep(java.time.Duration.ofSeconds(drainSeconds));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
        try {
            closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void closeAll() {
        for (int index = running.size() - 1; index >= 0; index--) {
            try {
                running.get(index).close();
            } catch (Exception cannotClose) {
                spec.commandLine().getErr().println("shipshape serve: warning: could not clean up " + running.get(index).getClass().getSimpleName()
                        + " when stopping");
            }
        }
        running.clear();
    }

    private int usage(String message) {
        return ReportOptions.usageError(spec, message);
    }
}
