package dev.shipshape.load.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One authenticated connection to an API server, made by the fabric8 client from a kubeconfig
 * (its contexts, tokens, client certificates, exec plugins and CA), through which the audit
 * sends plain GETs and reads the JSON answers itself. Every way of failing becomes one line.
 */
final class ClusterConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int REQUEST_TIMEOUT_MILLIS = 60_000;
    private static final String IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private final KubernetesClient client;
    private final HttpClient http;
    private final String server;
    private final String cluster;

    private ClusterConnection(KubernetesClient client, String server, String cluster) {
        this.client = client;
        this.http = client.getHttpClient();
        this.server = server;
        this.cluster = cluster;
    }

    /** An answer other than 2xx: its status and the server's own message. */
    static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    static ClusterConnection open(ClusterTarget target, Map<String, String> environment) throws ClusterUnavailable {
        Config config = config(target, environment);
        Config tuned = new ConfigBuilder(config)
                .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
                .withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
                // fabric8 retries a failed request ten times with back-off: an unreachable server would take minutes to say so
                .withRequestRetryBackoffLimit(0)
                .build();
        try {
            KubernetesClient client = new KubernetesClientBuilder().withConfig(tuned).build();
            String server = trimmed(tuned.getMasterUrl());
            String context = tuned.getCurrentContext() == null ? null : tuned.getCurrentContext().getName();
            return new ClusterConnection(client, server, context == null || context.isBlank() ? server : context);
        } catch (RuntimeException cannotBuild) {
            throw new ClusterUnavailable("cannot use the credentials of the kubeconfig: " + rootMessage(cannotBuild));
        }
    }

    String server() {
        return server;
    }

    /** What the user knows the cluster as: the kubeconfig context, or the server's address in a pod. */
    String cluster() {
        return cluster;
    }

    JsonNode get(String path) throws ApiError, ClusterUnavailable {
        return get(path, "application/json");
    }

    /** GET {@code path} (with its query) with this Accept header, and the JSON answer. */
    JsonNode get(String path, String accept) throws ApiError, ClusterUnavailable {
        HttpRequest request = http.newHttpRequestBuilder().uri(server + path).header("Accept", accept).build();
        HttpResponse<byte[]> response;
        try {
            response = http.sendAsync(request, byte[].class).get(REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailable("interrupted while reading " + server);
        } catch (TimeoutException timeout) {
            throw new ClusterUnavailable("%s did not answer within %d s".formatted(server, REQUEST_TIMEOUT_MILLIS / 1000));
        } catch (ExecutionException failed) {
            throw new ClusterUnavailable(transportFailure(failed.getCause()));
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (response.code() == 401) {
            throw new ClusterUnavailable("%s refused the credentials (401 Unauthorized): the token or certificate is wrong or expired"
                    .formatted(server));
        }
        if (!response.isSuccessful()) throw new ApiError(response.code(), statusMessage(body, response.code()));
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw new ClusterUnavailable("%s answered %s with something that is not JSON: is it a Kubernetes API server?"
                    .formatted(server, path));
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static Config config(ClusterTarget target, Map<String, String> environment) throws ClusterUnavailable {
        Optional<Path> file = kubeconfigFile(target, environment);
        if (file.isEmpty()) {
            if (environment.containsKey("KUBERNETES_SERVICE_HOST") && Files.isReadable(Path.of(IN_CLUSTER_TOKEN))) {
                try {
                    return Config.autoConfigure(null);
                } catch (RuntimeException cannotConfigure) {
                    throw new ClusterUnavailable("cannot use the pod's service account: " + rootMessage(cannotConfigure));
                }
            }
            throw new ClusterUnavailable("no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create ~/.kube/config");
        }
        Path path = file.get();
        if (!Files.isRegularFile(path)) throw new ClusterUnavailable("kubeconfig " + path + " does not exist");
        if (!Files.isReadable(path)) throw new ClusterUnavailable("kubeconfig " + path + " is not readable");
        io.fabric8.kubernetes.api.model.Config parsed;
        try {
            parsed = KubeConfigUtils.parseConfig(path.toFile());
        } catch (RuntimeException unreadable) {
            throw new ClusterUnavailable("kubeconfig " + path + " is not a kubeconfig file: " + rootMessage(unreadable));
        }
        List<String> contexts = parsed.getContexts() == null ? List.of()
                : parsed.getContexts().stream().map(NamedContext::getName).toList();
        String context = target.context().orElse(parsed.getCurrentContext());
        if (context == null || context.isBlank()) {
            throw new ClusterUnavailable("kubeconfig %s names no current context: give --context (it has: %s)"
                    .formatted(path, contexts.isEmpty() ? "none" : String.join(", ", contexts)));
        }
        if (!contexts.contains(context)) {
            throw new ClusterUnavailable("kubeconfig %s has no context '%s' (it has: %s)"
                    .formatted(path, context, contexts.isEmpty() ? "none" : String.join(", ", contexts)));
        }
        try {
            Config config = Config.fromKubeconfig(context, path.toFile());
            if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
                throw new ClusterUnavailable("kubeconfig %s: context '%s' names no server".formatted(path, context));
            }
            return config;
        } catch (RuntimeException unusable) {
            throw new ClusterUnavailable("kubeconfig %s: cannot use context '%s': %s".formatted(path, context, rootMessage(unusable)));
        }
    }

    private static Optional<Path> kubeconfigFile(ClusterTarget target, Map<String, String> environment) {
        if (target.kubeconfig().isPresent()) return Optional.of(Path.of(target.kubeconfig().get()));
        String fromEnvironment = environment.get("KUBECONFIG");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            // kubectl merges a list of files; the audit reads the first one that exists
            for (String entry : fromEnvironment.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank() && Files.exists(Path.of(entry))) return Optional.of(Path.of(entry));
            }
            return Optional.of(Path.of(fromEnvironment.split(java.io.File.pathSeparator)[0]));
        }
        String home = environment.get("HOME");
        if (home == null) return Optional.empty();
        Path standard = Path.of(home, ".kube", "config");
        return Files.exists(standard) ? Optional.of(standard) : Optional.empty();
    }

    private String transportFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
                return "cannot verify %s: its certificate is not signed by the kubeconfig's certificate authority, "
                        .formatted(server) + "or the TLS handshake failed (wrong CA or wrong server?)";
            }
            if (cause instanceof HttpConnectTimeoutException) return "cannot reach %s: the connection timed out".formatted(server);
            if (cause instanceof ConnectException) return "cannot reach %s: connection refused".formatted(server);
            if (cause instanceof UnknownHostException) return "cannot reach %s: unknown host".formatted(server);
            if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
                return "%s did not answer in time".formatted(server);
            }
        }
        return "cannot read from %s: %s".formatted(server, rootMessage(failure));
    }

    /** The API server's own explanation ({@code Status.message}), else the HTTP status. */
    private static String statusMessage(byte[] body, int code) {
        try {
            JsonNode status = JSON.readTree(body);
            String message = status.path("message").asText("");
            if (!message.isBlank()) return message;
        } catch (IOException notJson) {
            // fall through to the bare status
        }
        return "HTTP " + code;
    }

    /** The innermost message, which names the file or value at fault, without any exception class name. */
    static String rootMessage(Throwable failure) {
        String message = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) message = cause.getMessage();
        }
        return message == null ? "no reason given" : message.lines().findFirst().orElse("").strip();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
