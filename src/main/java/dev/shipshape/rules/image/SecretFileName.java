package dev.shipshape.rules.image;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes, by its path, a file that holds credentials: SSH private keys, PEM and PKCS#12 keys,
 * {@code .npmrc}, {@code .pypirc}, {@code .netrc}, {@code .env}, {@code .git-credentials}, AWS,
 * Docker and Kubernetes client credentials.
 *
 * <p>Two suffixes are shared with harmless files, and the name or the destination decides:
 * {@code .pem} also holds certificates ({@code ca.pem}, {@code fullchain.pem}, anything copied
 * into a certificate store such as {@code /usr/local/share/ca-certificates/}), and {@code .key}
 * also names the public GPG keys of package repositories ({@code nodesource.gpg.key}).
 * Example environment files ({@code .env.example}, {@code .env.sample} …) hold no secrets.
 */
final class SecretFileName {

    private static final Pattern SSH_PRIVATE_KEY = Pattern.compile(
            "(?:id_|.*[_-])(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|ssh_host_(?:rsa|dsa|ecdsa|ed25519)_key");
    private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> CERTIFICATE_WORDS = Set.of(
            "ca", "cacert", "cacerts", "cert", "certs", "certificate", "crt", "chain", "fullchain", "bundle",
            "root", "intermediate", "pub", "public", "trust", "truststore");
    private static final Set<String> PRIVATE_WORDS = Set.of("key", "priv", "private", "privkey", "secret");
    private static final Set<String> PUBLIC_KEY_WORDS = Set.of(
            "gpg", "pgp", "asc", "pub", "public", "release", "archive", "keyring", "apt", "repo", "signing");
    private static final Set<String> EXAMPLE_SUFFIXES = Set.of(
            "example", "sample", "template", "dist", "default", "defaults", "schema", "tmpl", "tpl");
    private static final List<String> CERTIFICATE_STORES = List.of("cert", "ca-trust", "/pki/", "trust");

    private SecretFileName() {
    }

    /** What kind of credential the file at {@code path} holds ("an SSH private key"), or empty. */
    static Optional<String> credentialIn(String path, String destination) {
        String full = path.toLowerCase(Locale.ROOT);
        while (full.endsWith("/") && full.length() > 1) full = full.substring(0, full.length() - 1);
        String name = full.substring(full.lastIndexOf('/') + 1);
        Set<String> words = Set.copyOf(Arrays.asList(WORDS.split(name)));

        if (SSH_PRIVATE_KEY.matcher(name).matches()) return Optional.of("an SSH private key");
        if (name.equals(".ssh")) return Optional.of("an SSH folder, keys included");
        if (name.endsWith(".pem") && !isCertificate(words, destination)) return Optional.of("a PEM file, the usual home of a private key");
        if (name.endsWith(".key") && words.stream().noneMatch(PUBLIC_KEY_WORDS::contains)) return Optional.of("a private key");
        if (name.endsWith(".p12") || name.endsWith(".pfx")) return Optional.of("a PKCS#12 key store");
        if (name.equals(".npmrc")) return Optional.of("npm registry credentials");
        if (name.equals(".pypirc")) return Optional.of("PyPI credentials");
        if (name.equals(".netrc") || name.equals("_netrc")) return Optional.of("netrc login credentials");
        if (name.equals(".git-credentials")) return Optional.of("git credentials");
        if (isEnvironmentFile(name)) return Optional.of("an environment file");
        if (full.endsWith(".aws/credentials") || name.equals(".aws")) return Optional.of("AWS credentials");
        if (full.endsWith(".docker/config.json") || name.equals(".docker")) return Optional.of("Docker registry credentials");
        if (name.equals("kubeconfig") || name.endsWith(".kubeconfig") || full.endsWith(".kube/config") || name.equals(".kube")) {
            return Optional.of("a kubeconfig with cluster credentials");
        }
        return Optional.empty();
    }

    /**
     * What kind of credential a COPY or ADD writes when its destination names the file
     * ({@code /root/.ssh/id_rsa}, {@code .npmrc}); folders ({@code /root/.ssh/}) and names that
     * often receive harmless content ({@code .env} from {@code .env.example}, certificates) are not judged.
     */
    static Optional<String> credentialWrittenTo(String destination) {
        if (destination == null || destination.endsWith("/") || destination.contains("$")) return Optional.empty();
        String full = destination.toLowerCase(Locale.ROOT);
        String name = full.substring(full.lastIndexOf('/') + 1);
        if (SSH_PRIVATE_KEY.matcher(name).matches()) return Optional.of("an SSH private key");
        if (name.equals(".npmrc")) return Optional.of("npm registry credentials");
        if (name.equals(".pypirc")) return Optional.of("PyPI credentials");
        if (name.equals(".netrc") || name.equals("_netrc")) return Optional.of("netrc login credentials");
        if (name.equals(".git-credentials")) return Optional.of("git credentials");
        if (full.endsWith(".aws/credentials")) return Optional.of("AWS credentials");
        if (full.endsWith(".docker/config.json")) return Optional.of("Docker registry credentials");
        if (full.endsWith(".kube/config")) return Optional.of("a kubeconfig with cluster credentials");
        return Optional.empty();
    }

    private static boolean isCertificate(Set<String> words, String destination) {
        if (words.stream().anyMatch(PRIVATE_WORDS::contains)) return false;
        if (words.stream().anyMatch(CERTIFICATE_WORDS::contains)) return true;
        String target = destination == null ? "" : destination.toLowerCase(Locale.ROOT);
        return CERTIFICATE_STORES.stream().anyMatch(target::contains);
    }

    /** {@code .env}, {@code .env.production}; not {@code .env.example} and the like. */
    private static boolean isEnvironmentFile(String name) {
        if (name.equals(".env")) return true;
        if (!name.startsWith(".env.")) return false;
        return !EXAMPLE_SUFFIXES.contains(name.substring(".env.".length()));
    }
}
