package dev.shipshape.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** A gate serving on an ephemeral loopback port, its decision log in a file, and a client for it. */
final class RunningGate implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GateServer server;
    private final Gate gate;
    private final DecisionLog log;
    private final Path logFile;
    private final HttpClient client;
    private final String base;

    private RunningGate(GateServer server, Gate gate, DecisionLog log, Path logFile, HttpClient client, String base) {
        this.server = server;
        this.gate = gate;
        this.log = log;
        this.logFile = logFile;
        this.client = client;
        this.base = base;
    }

    static RunningGate start(Path folder, Policy policy, Enforcement enforcement, EnumSet<GateServer.Door> doors,
            Optional<SSLContext> serverTls, Optional<SSLContext> clientTls) throws IOException {
        Path logFile = folder.resolve("decisions.jsonl");
        DecisionLog log = DecisionLog.toFile(logFile, Clock.systemUTC());
        Gate gate = new Gate(new Judge(policy, enforcement, Clock.systemUTC()), log);
        GateServer server = GateServer.start(new InetSocketAddress("127.0.0.1", 0), serverTls, doors, gate, 4);
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        clientTls.ifPresent(client::sslContext);
        String scheme = serverTls.isPresent() ? "https" : "http";
        return new RunningGate(server, gate, log, logFile, client.build(), scheme + "://127.0.0.1:" + server.address().getPort());
    }

    static RunningGate docker(Path folder, Policy policy, Enforcement enforcement) throws IOException {
        return start(folder, policy, enforcement, EnumSet.of(GateServer.Door.DOCKER_PLUGIN), Optional.empty(), Optional.empty());
    }

    GateServer server() {
        return server;
    }

    Gate gate() {
        return gate;
    }

    HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The AuthZReq the daemon sends for this call (the body base64-encoded, as Go encodes []byte). */
    static String authzRequest(String user, String method, String uri, String body) {
        StringBuilder json = new StringBuilder("{");
        if (!user.isEmpty()) json.append("\"User\":\"").append(user).append("\",\"UserAuthNMethod\":\"TLS\",");
        json.append("\"RequestMethod\":\"").append(method).append("\",\"RequestUri\":\"").append(uri).append('"');
        if (body != null) {
            json.append(",\"RequestBody\":\"").append(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))).append('"');
            json.append(",\"RequestHeaders\":{\"Content-Type\":\"application/json\",\"User-Agent\":\"Docker-Client/28.2.2 (linux)\"}");
        } else {
            json.append(",\"RequestHeaders\":{\"User-Agent\":\"Docker-Client/28.2.2 (linux)\"}");
        }
        return json.append("}\n").toString();
    }

    /** The decision log's lines so far. */
    List<JsonNode> decisions() throws IOException {
        log.sync();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) lines.add(JSON.readTree(line));
        return lines;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Override
    public void close() throws IOException {
        server.close();
        client.close();
        log.close();
    }
}
