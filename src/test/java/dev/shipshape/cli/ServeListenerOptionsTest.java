package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}'s listener options: timeouts, the cap per client, where each listener binds by default. */
class ServeListenerOptionsTest {

    @TempDir
    Path folder;

    private record Serving(ServeCommand command, CompletableFuture<Integer> exitCode, StringWriter err) {
        int stop() throws Exception {
            command.stop();
            return exitCode.get(30, TimeUnit.SECONDS);
        }

        int port(int listener) {
            return command.servers().get(listener).address().getPort();
        }
    }

    private Serving serve(String... args) throws Exception {
        ServeCommand command = new ServeCommand();
        CommandLine commandLine = new CommandLine(command);
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--decision-log", folder.resolve("decisions.jsonl").toString())).toArray(String[]::new);
        // a thread of its own: the common pool may have a single thread on a small machine
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> commandLine.execute(all),
                task -> Thread.ofPlatform().daemon().name("serve-under-test").start(task));
        assertThat(command.awaitStarted(Duration.ofSeconds(30))).as(err::toString).isTrue();
        return new Serving(command, exitCode, err);
    }

    /** Milliseconds until the server closes the socket, or -1 if it is still open after {@code limitMillis}. */
    private static long closedAfter(Socket socket, int limitMillis) throws Exception {
        long started = System.nanoTime();
        socket.setSoTimeout(limitMillis);
        try {
            while (socket.getInputStream().read() >= 0) {
                // drop whatever comes
            }
        } catch (SocketTimeoutException stillOpen) {
            return -1;
        } catch (java.io.IOException reset) {
            // closed too
        }
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static Socket connect(String from, int port) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    @Test
    void theHeaderTimeoutClosesAHalfSentRequest() throws Exception {
        Serving serving = serve("--docker-plugin", "--plugin-address", "tcp://127.0.0.1:0", "--header-timeout", "1");
        try (Socket socket = connect("127.0.0.1", serving.port(0))) {
            socket.getOutputStream().write("POST /AuthZPlugin.AuthZReq HT".getBytes(StandardCharsets.US_ASCII));

            assertThat(closedAfter(socket, 3000)).isBetween(900L, 3000L);
        } finally {
            assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void aClientOverTheCapIsRefusedWithAWarning() throws Exception {
        Serving serving = serve("--kubernetes", "--port", "0", "--max-connections-per-client", "1");
        try (Socket first = connect("127.0.0.5", serving.port(0))) {
            assertThat(closedAfter(first, 300)).isEqualTo(-1);
            try (Socket second = connect("127.0.0.5", serving.port(0))) {
                assertThat(closedAfter(second, 2000)).isNotNegative();
            }
            assertThat(closedAfter(first, 300)).isEqualTo(-1);
        } finally {
            assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        }
        assertThat(serving.err().toString()).contains("shipshape serve: warning: refused 1 connection from 127.0.0.5 on the webhook "
                + "listener: it already holds 1, the cap per client (--max-connections-per-client)\n");
    }

    @Test
    void aPlainHttpWebhookListensOnLoopbackUnlessToldOtherwise() throws Exception {
        Serving serving = serve("--kubernetes", "--port", "0");
        int port = serving.port(0);

        assertThat(serving.command().servers().get(0).address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        assertThat(serving.err().toString()).contains("shipshape serve: Kubernetes admission webhook on http://127.0.0.1:" + port);
    }

    @Test
    void aPluginOnAnAddressOtherHostsReachIsWarnedAbout() throws Exception {
        Serving serving = serve("--docker-plugin", "--plugin-address", "tcp://0.0.0.0:0");

        assertThat(serving.stop()).isEqualTo(ExitCodes.OK);
        assertThat(serving.err().toString()).contains("shipshape serve: warning: the plugin listens on 0.0.0.0, which other hosts can "
                + "reach; dockerd needs only the unix socket (the default) or a loopback address such as tcp://127.0.0.1:PORT\n");
    }

    @Test
    void aPortInUseIsSaidPlainly() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.on(new CommandLine(new ServeCommand()), "--kubernetes", "--bind", "127.0.0.1", "--port",
                    Integer.toString(taken.getLocalPort()), "--decision-log", folder.resolve("d.jsonl").toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).isEqualTo("shipshape: cannot start: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the address is in use or not this host's\n");
        }
    }

    @Test
    void timeoutsMustBePositive() {
        CliRun run = CliRun.on(new CommandLine(new ServeCommand()), "--docker-plugin", "--plugin-address", "tcp://127.0.0.1:0",
                "--body-timeout", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipshape: --handshake-timeout, --header-timeout, --body-timeout and --idle-timeout must be at "
                + "least 1 second, --max-connections-per-client 0 or more\n");
    }
}
