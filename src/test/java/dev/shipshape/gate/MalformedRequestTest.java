package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the HTTP layer itself refuses gets its status and the reason phrase as JSON, never a page
 * of HTML or the server's exception text, and the server goes on answering.
 */
class MalformedRequestTest {

    @TempDir
    static Path folder;

    static RunningGate gate;

    @BeforeAll
    static void serve() throws Exception {
        gate = RunningGate.start(folder, Policy.DEFAULT, Enforcement.DEFAULT,
                EnumSet.of(GateServer.Door.DOCKER_PLUGIN, GateServer.Door.KUBERNETES), Optional.empty(), Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not HTTP                  | GARBAGE\\r\\n\\r\\n                                                            | 400 | bad request
            a header of 20 KiB        | POST /validate HTTP/1.1\\r\\nHost: x\\r\\nX-Big: <20k>\\r\\n\\r\\n            | 431 | request header fields too large
            two lengths               | POST /validate HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n{} | 400 | bad request
            an unknown transfer coding | POST /validate HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n | 400 | bad request
            """)
    void theHttpLayersRefusalsAreJsonWithTheReasonPhrase(String what, String request, int status, String reason) throws Exception {
        String raw = request.replace("\\r\\n", "\r\n").replace("<20k>", "a".repeat(20 * 1024));
        String answer;
        try (Socket socket = new Socket("127.0.0.1", gate.server().address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer).contains("\r\nContent-Type: application/json\r\n");
        assertThat(answer).endsWith("\r\n\r\n{\"error\":\"" + reason + "\"}");
        assertThat(gate.get("/healthz").body()).isEqualTo("{}");
    }
}
