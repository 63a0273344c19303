package dev.shipshape.load.docker;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Docker Engine is and how to talk to it, settled the way the docker CLI settles it:
 * an option wins, then {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} (any non-empty value),
 * {@code DOCKER_CERT_PATH} (default {@code ~/.docker}) and {@code DOCKER_API_VERSION}.
 *
 * @param host       {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
 * @param tlsVerify  speak TLS and verify the daemon with {@code ca.pem}, presenting {@code cert.pem}/{@code key.pem}
 * @param certPath   the folder holding those three files
 * @param apiVersion the API version to speak, e.g. "1.41"; null to use the newest the engine speaks
 */
public record EngineAddress(URI host, boolean tlsVerify, Path certPath, String apiVersion) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private static final List<String> SCHEMES = List.of("unix", "tcp");

    /**
     * @param hostOption      {@code --host}, or null
     * @param tlsVerifyOption {@code --tls-verify}, or null when not given
     * @param certPathOption  {@code --cert-path}, or null
     * @param apiVersionOption {@code --api-version}, or null
     */
    public static EngineAddress resolve(String hostOption, Boolean tlsVerifyOption, Path certPathOption,
            String apiVersionOption, Map<String, String> environment) throws EngineUnavailable {
        String host = firstNonBlank(hostOption, environment.get("DOCKER_HOST")).orElse(DEFAULT_HOST);
        boolean tlsVerify = tlsVerifyOption != null
                ? tlsVerifyOption
                : firstNonBlank(environment.get("DOCKER_TLS_VERIFY")).isPresent();
        Path certPath = certPathOption != null
                ? certPathOption
                : firstNonBlank(environment.get("DOCKER_CERT_PATH")).map(Path::of)
                        .orElse(Path.of(System.getProperty("user.home"), ".docker"));
        String apiVersion = firstNonBlank(apiVersionOption, environment.get("DOCKER_API_VERSION")).orElse(null);
        if (apiVersion != null && !apiVersion.strip().matches("\\d+\\.\\d+")) {
            throw new EngineUnavailable("'" + apiVersion + "' is not a Docker API version (they look like 1.41)");
        }
        return new EngineAddress(parseHost(host.strip()), tlsVerify, certPath, apiVersion == null ? null : apiVersion.strip());
    }

    private static URI parseHost(String host) throws EngineUnavailable {
        URI uri;
        try {
            uri = new URI(host);
        } catch (URISyntaxException malformed) {
            throw new EngineUnavailable("'" + host + "' is not a Docker host; use unix:///path/to/docker.sock or tcp://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("ssh")) {
            throw new EngineUnavailable("ssh:// hosts are not supported yet; forward the socket instead "
                    + "(ssh -L /tmp/docker.sock:/var/run/docker.sock " + uri.getHost() + ") and use --host unix:///tmp/docker.sock");
        }
        if (!SCHEMES.contains(scheme)) {
            throw new EngineUnavailable("'" + host + "' is not a Docker host; use unix:///path/to/docker.sock or tcp://host:port");
        }
        if (scheme.equals("unix") && (uri.getPath() == null || uri.getPath().isEmpty())) {
            throw new EngineUnavailable("'" + host + "' names no socket; use unix:///path/to/docker.sock");
        }
        if (scheme.equals("tcp") && (uri.getHost() == null || uri.getPort() < 0)) {
            throw new EngineUnavailable("'" + host + "' needs a host and a port, e.g. tcp://10.0.0.5:2376");
        }
        return uri;
    }

    /** The socket's path when the engine is reached through a unix socket on this machine. */
    public Optional<Path> socketPath() {
        return isUnixSocket() ? Optional.of(Path.of(host.getPath())) : Optional.empty();
    }

    public boolean isUnixSocket() {
        return "unix".equalsIgnoreCase(host.getScheme());
    }

    /** True when the engine is reached over plain TCP: then the daemon itself listens on TCP without TLS. */
    public boolean isPlainTcp() {
        return !isUnixSocket() && !tlsVerify;
    }

    @Override
    public String toString() {
        return host.toString();
    }

    private static Optional<String> firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) return Optional.of(value);
        }
        return Optional.empty();
    }
}
