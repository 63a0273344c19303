package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gate.GateServer;
import dev.shipshape.policy.Enforcement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shipshape serve}: its options, its listeners, and that it cleans up after itself. */
class ServeCommandTest {

    @TempDir
    Path folder;

    /** The command running on a thread of its own, its exit code to come. */
    private record Serving(ServeCommand command, CompletableFuture<Integer> exitCode, StringWriter out, StringWriter err) {

        int stop() throws Exception {
            command.stop();
            return exitCode.get(30, TimeUnit.SECONDS);
        }
    }

    private static Serving serve(String... args) throws InterruptedException {
        ServeCommand command = new ServeCommand();
        CommandLine commandLine = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        assertThat(command.awaitStarted(Duration.ofSeconds(30))).as(err::toString).isTrue();
        return new Serving(command, exitCode, out, err);
    }

    @Test
    void servesBothDoorsWritesTheSpecFileAndRemovesIt() throws Exception {
        Path config = Files.writeString(folder.resolve(".shipshape.yaml"), "enforce:\n  deny-at: critical\n", StandardCharsets.UTF_8);
        Path specs = folder.resolve("plugins");
        Path log = folder.resolve("log/decisions.jsonl");
        Serving serving = serve("--docker-plugin", "--plugin-name", "shipshape-cli-test", "--plugin-address", "tcp://127.0.0.1:0",
                "--write-spec", "--spec-dir", specs.toString(), "--kubernetes", "--bind", "127.0.0.1", "--port", "0",
                "--decision-log", log.toString(), "--config", config.toString(), "--threads", "2");
        List<GateServer> servers = serving.command().servers();
        int pluginPort = servers.get(0).address().getPort();
        int webhookPort = servers.get(1).address().getPort();
        Path spec = specs.resolve("shipshape-cli-test.spec");

        assertThat(Files.readString(spec, StandardCharsets.UTF_8)).isEqualTo("tcp://127.0.0.1:" + pluginPort + "\n");
        try (HttpClient client = HttpClient.newHttpClient()) {
            String runAsRoot = "{\"RequestMethod\":\"POST\",\"RequestUri\":\"/v1.41/containers/create\",\"RequestBody\":\""
                    + java.util.Base64.getEncoder().encodeToString("{\"Image\":\"nginx:1.27\"}".getBytes(StandardCharsets.UTF_8)) + "\"}";
            HttpResponse<String> plugin = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pluginPort
                    + "/AuthZPlugin.AuthZReq")).POST(HttpRequest.BodyPublishers.ofString(runAsRoot)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> webhook = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            // deny-at: critical from the configuration: running as root only warns
            assertThat(plugin.body()).isEqualTo("{\"Allow\":true,\"Msg\":\"\"}");
            assertThat(webhook.body()).isEqualTo("{}");
        }

        assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        assertThat(spec).doesNotExist();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("\"decision\":\"warned\",\"rules\":[\"runs-as-root\"");
        assertThat(serving.err().toString()).contains(
                "shipshape serve: wrote " + spec + " (tcp://127.0.0.1:" + pluginPort + ")",
                "shipshape serve: Docker authorization plugin 'shipshape-cli-test' on tcp://127.0.0.1:" + pluginPort,
                "shipshape serve: Kubernetes admission webhook on http://127.0.0.1:" + webhookPort + " (/validate, /mutate)",
                "shipshape serve: warning: plain HTTP; the API server calls webhooks over HTTPS only (give --tls-cert and --tls-key)",
                ", deny at critical, failure closed, policy " + config);
    }

    @Test
    void warmsUpBeforeReportingReadyAndLogsNoneOfIt() throws Exception {
        Path log = folder.resolve("decisions.jsonl");
        // a budget of 1 s ends the warm-up before the compiler is quiet on any machine
        Serving serving = serve("--kubernetes", "--bind", "127.0.0.1", "--port", "0", "--decision-log", log.toString(), "--warm-up", "1");
        URI ready = URI.create("http://127.0.0.1:" + serving.command().servers().get(0).address().getPort() + "/readyz");
        try (HttpClient client = HttpClient.newHttpClient()) {
            int status = 0;
            for (int attempt = 0; attempt < 300 && status != 200; attempt++) {
                status = client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status != 200) Thread.sleep(100);
            }
            assertThat(status).as(serving.err()::toString).isEqualTo(200);
        }

        assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        assertThat(serving.err().toString()).containsPattern(
                "shipshape serve: ready: warmed up in [0-9.]+ s \\([0-9,]+ sample decisions; the 1 s of --warm-up ran out before "
                        + "the JIT compiler went quiet\\)\n");
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void servesThePluginOnAUnixSocketAndRemovesIt() throws Exception {
        Path socket = folder.resolve("plugins/shipshape.sock");
        Serving serving = serve("--docker-plugin", "--plugin-address", "unix://" + socket);
        String ping = "{\"RequestMethod\":\"GET\",\"RequestUri\":\"/_ping\"}";

        assertThat(exchange(socket, "POST /Plugin.Activate HTTP/1.1\r\nHost: plugin.moby.localhost\r\n"
                + "Accept: application/vnd.docker.plugins.v1.2+json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n{\"Implements\":[\"authz\"]}");
        assertThat(exchange(socket, "POST /AuthZPlugin.AuthZReq HTTP/1.1\r\nHost: plugin.moby.localhost\r\nContent-Length: "
                + ping.length() + "\r\nConnection: close\r\n\r\n" + ping)).endsWith("\r\n\r\n{\"Allow\":true,\"Msg\":\"\"}");
        assertThat(serving.err().toString()).contains("shipshape serve: Docker authorization plugin 'shipshape' on unix://" + socket);

        assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        assertThat(socket).doesNotExist();
        // without --decision-log, decisions go to standard output
        assertThat(serving.out().toString()).endsWith("\"door\":\"docker\",\"user\":\"\",\"method\":\"GET\",\"uri\":\"/_ping\","
                + "\"endpoint\":\"GET /_ping\",\"decision\":\"allowed\",\"rules\":[]}\n");
    }

    /** One HTTP exchange over a unix socket, as dockerd talks to a plugin there. */
    private static String exchange(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) break;
            }
            buffer.flip();
            return StandardCharsets.UTF_8.decode(buffer).toString();
        }
    }

    @Test
    void aStaleSocketIsReplacedAndALiveOneRefused() throws Exception {
        Path socket = folder.resolve("plugins/stale.sock");
        Files.createDirectories(socket.getParent());
        try (java.nio.channels.ServerSocketChannel dead = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        Serving serving = serve("--docker-plugin", "--plugin-address", "unix://" + socket, "--decision-log", folder.resolve("d.jsonl").toString());

        CliRun second = CliRun.on(new CommandLine(new ServeCommand()), "--docker-plugin", "--plugin-address", "unix://" + socket,
                "--decision-log", folder.resolve("e.jsonl").toString());
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).isEqualTo("shipshape: cannot start: " + socket + " is in use: another plugin answers on it\n");
        assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void usageMistakesSayWhat() throws Exception {
        Path certificate = Files.writeString(folder.resolve("tls.crt"), "x");
        Path badConfig = Files.writeString(folder.resolve("bad.yaml"), "enforce:\n  failure: sometimes\n");

        assertThat(run()).isEqualTo(new CliRun(ExitCodes.USAGE, "",
                "shipshape: say what to serve: --docker-plugin, --kubernetes, or both\n"));
        assertThat(run("--kubernetes", "--tls-cert", certificate.toString())).isEqualTo(new CliRun(ExitCodes.USAGE, "",
                "shipshape: --tls-cert and --tls-key go together\n"));
        assertThat(run("--kubernetes", "--write-spec")).isEqualTo(new CliRun(ExitCodes.USAGE, "",
                "shipshape: --write-spec needs --docker-plugin\n"));
        assertThat(run("--docker-plugin", "--plugin-address", "http://127.0.0.1:1")).isEqualTo(new CliRun(ExitCodes.USAGE, "",
                "shipshape: --plugin-address must be unix:///path.sock or tcp://host:port, not 'http://127.0.0.1:1'\n"));
        assertThat(run("--docker-plugin", "--write-spec", "--plugin-address", "unix://" + folder.resolve("p.sock")))
                .isEqualTo(new CliRun(ExitCodes.USAGE, "",
                        "shipshape: --write-spec needs a tcp:// --plugin-address (a unix socket is found without one)\n"));
        assertThat(run("--kubernetes", "--config", badConfig.toString())).isEqualTo(new CliRun(ExitCodes.USAGE, "",
                "shipshape: " + badConfig + ":2:12: failure must be open or closed, not 'sometimes'\n"));
        assertThat(run("--kubernetes", "--config", folder.resolve("missing.yaml").toString())).isEqualTo(new CliRun(ExitCodes.USAGE, "",
                "shipshape: configuration file not found: " + folder.resolve("missing.yaml") + "\n"));
        assertThat(run("--kubernetes", "--port", "0", "--tls-cert", certificate.toString(), "--tls-key", certificate.toString()).err())
                .startsWith("shipshape: " + certificate + " holds no");
    }

    private static CliRun run(String... args) {
        return CliRun.on(new CommandLine(new ServeCommand()), args);
    }

    @Test
    void theHelpNamesEveryActionUsersCanBeListedFor() {
        CliRun help = CliRun.of("serve", "--help");

        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        String text = help.out().replaceAll("\\s+", " ");
        for (Enforcement.Action action : Enforcement.Action.values()) assertThat(text).contains(action.configName());
        assertThat(text).contains("every API request fails after about 30 s of retries");
    }
}
