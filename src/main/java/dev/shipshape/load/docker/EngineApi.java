package dev.shipshape.load.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The Docker Engine API over docker-java's transport (unix socket, or TCP with TLS), read as JSON
 * trees. docker-java's typed models are not used: they drop fields shipshape needs (a mount's
 * {@code Type}) and fail a whole inspect on a capability name their enum does not know; a tree
 * keeps every field the engine sends and never fails on one it does not expect.
 *
 * <p>The API version is negotiated as the docker CLI does it: {@code GET /version} unversioned,
 * then every call under {@code /v<version>/}.
 */
final class EngineApi implements AutoCloseable {

    /** The oldest API whose inspect output has everything read here (mount types, Swarm services). */
    static final String MINIMUM_API_VERSION = "1.25";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CERTIFICATE_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    private final EngineAddress address;
    private final DockerHttpClient client;
    private final String apiVersion;
    private final JsonNode version;

    private EngineApi(EngineAddress address, DockerHttpClient client, String apiVersion, JsonNode version) {
        this.address = address;
        this.client = client;
        this.apiVersion = apiVersion;
        this.version = version;
    }

    static EngineApi connect(EngineAddress address, int connections) throws EngineUnavailable {
        ApacheDockerHttpClient.Builder builder = new ApacheDockerHttpClient.Builder()
                .dockerHost(address.host())
                .maxConnections(Math.max(connections, 2))
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(60));
        if (address.tlsVerify() && !address.isUnixSocket()) {
            requireCertificates(address.certPath());
            builder.sslConfig(new LocalDirectorySSLConfig(address.certPath().toString()));
        }
        DockerHttpClient client = builder.build();
        try {
            JsonNode version = request(client, address, "/version")
                    .orElseThrow(() -> new EngineUnavailable(address + " did not answer like a Docker Engine (no GET /version)"));
            String engineApi = version.path("ApiVersion").asText("");
            String engineMinimum = version.path("MinAPIVersion").asText(engineApi);
            String chosen = address.apiVersion() != null ? address.apiVersion() : engineApi;
            if (engineApi.isEmpty()) {
                throw new EngineUnavailable(address + " did not answer like a Docker Engine (GET /version has no ApiVersion)");
            }
            if (address.apiVersion() != null
                    && (compare(chosen, engineMinimum) < 0 || compare(chosen, engineApi) > 0)) {
                throw new EngineUnavailable("the Docker Engine at %s speaks API %s to %s, not %s (set by --api-version or DOCKER_API_VERSION)"
                        .formatted(address, engineMinimum, engineApi, chosen));
            }
            if (compare(chosen, MINIMUM_API_VERSION) < 0) {
                throw new EngineUnavailable("shipshape needs Docker API %s or newer; %s %s"
                        .formatted(MINIMUM_API_VERSION, address,
                                address.apiVersion() != null ? "was asked for " + chosen : "speaks only up to " + engineApi));
            }
            return new EngineApi(address, client, chosen, version);
        } catch (EngineUnavailable | RuntimeException failure) {
            closeQuietly(client);
            throw failure;
        }
    }

    private static void requireCertificates(Path certPath) throws EngineUnavailable {
        List<String> missing = new ArrayList<>();
        for (String file : CERTIFICATE_FILES) {
            if (!Files.isReadable(certPath.resolve(file))) missing.add(file);
        }
        if (!missing.isEmpty()) {
            throw new EngineUnavailable("--tls-verify needs ca.pem, cert.pem and key.pem in %s (--cert-path or DOCKER_CERT_PATH); missing: %s"
                    .formatted(certPath, String.join(", ", missing)));
        }
    }

    String apiVersion() {
        return apiVersion;
    }

    /** The engine's {@code GET /version}. */
    JsonNode version() {
        return version;
    }

    /** {@code GET /v<version><path>}; anything but a 2xx answer makes the audit impossible. */
    JsonNode get(String path) throws EngineUnavailable {
        return find(path).orElseThrow(() -> new EngineUnavailable(
                "the Docker Engine at %s answered GET %s with HTTP 404".formatted(address, path)));
    }

    /** Like {@link #get} but an object that is gone (404, e.g. a container removed meanwhile) is empty. */
    Optional<JsonNode> find(String path) throws EngineUnavailable {
        return request(client, address, "/v" + apiVersion + path);
    }

    private static Optional<JsonNode> request(DockerHttpClient client, EngineAddress address, String path) throws EngineUnavailable {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient.Response response = client.execute(request)) {
            byte[] body = readAll(response.getBody());
            int status = response.getStatusCode();
            if (status == 404) return Optional.empty();
            if (status / 100 != 2) throw new EngineUnavailable(refusal(address, path, status, body));
            return Optional.ofNullable(JSON.readTree(body));
        } catch (IOException unreadable) {
            throw new EngineUnavailable(unreachable(address, unreadable));
        } catch (RuntimeException failure) {
            // docker-java's transport wraps I/O failures in RuntimeException
            throw new EngineUnavailable(unreachable(address, failure));
        }
    }

    private static byte[] readAll(InputStream body) throws IOException {
        if (body == null) return new byte[0];
        try (body) {
            return body.readAllBytes();
        }
    }

    private static String refusal(EngineAddress address, String path, int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String message = text;
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.hasNonNull("message")) message = json.get("message").asText();
        } catch (IOException notJson) {
            // the engine answers some errors (an API version it does not speak) as plain text
        }
        message = oneLine(message);
        if (message.contains("Client sent an HTTP request to an HTTPS server")) {
            return "the Docker Engine at %s speaks TLS: add --tls-verify and --cert-path with ca.pem, cert.pem and key.pem"
                    .formatted(address);
        }
        if (message.contains("is too new") || message.contains("is too old")) {
            return "the Docker Engine at %s does not speak the API version asked for: %s".formatted(address, message);
        }
        return "the Docker Engine at %s answered GET %s with HTTP %d%s"
                .formatted(address, path, status, message.isEmpty() ? "" : ": " + message);
    }

    /** One line naming the cause, from the innermost exception that says something. */
    private static String unreachable(EngineAddress address, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : oneLine(cause.getMessage());
        String lower = detail.toLowerCase(Locale.ROOT);
        String where = "cannot reach the Docker Engine at " + address + ": ";
        if (lower.contains("permission denied")) {
            return where + "permission denied (run as root, or as a member of the group that owns the socket, usually 'docker')";
        }
        if (lower.contains("no such file or directory") || cause instanceof FileNotFoundException) {
            return where + "no such socket (is dockerd running? --host or DOCKER_HOST names another engine)";
        }
        if (lower.contains("connection refused") || cause instanceof ConnectException) {
            return where + "connection refused (is dockerd running and listening there?)";
        }
        if (cause instanceof UnknownHostException) {
            return where + "unknown host " + detail;
        }
        if (cause instanceof SocketTimeoutException || lower.contains("timed out")) {
            return where + "timed out";
        }
        if (hasCause(failure, SSLException.class)) {
            return where + "TLS failed (" + detail + "); check --cert-path and that the host speaks TLS";
        }
        return where + detail;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) return true;
        }
        return false;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Compares "1.41" and "1.9" as versions. */
    static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? parse(a[i]) : 0;
            int y = i < b.length ? parse(b[i]) : 0;
            if (x != y) return Integer.compare(x, y);
        }
        return 0;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    private static void closeQuietly(DockerHttpClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing is left to read from a connection that fails to close
        }
    }
}
