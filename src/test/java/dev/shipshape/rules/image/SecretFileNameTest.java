package dev.shipshape.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credential files by name, and the certificates and public keys that share their suffixes. */
class SecretFileNameTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "id_rsa                       | /root/.ssh/          | an SSH private key",
            "keys/id_ed25519              | /root/.ssh/id_ed25519| an SSH private key",
            "deploy_rsa                   | /root/.ssh/          | an SSH private key",
            "ssh_host_ed25519_key         | /etc/ssh/            | an SSH private key",
            ".ssh                         | /root/.ssh           | an SSH folder, keys included",
            "home/app/.ssh/               | /root/.ssh/          | an SSH folder, keys included",
            "certs/server.pem             | /etc/nginx/          | a PEM file, the usual home of a private key",
            "privkey.pem                  | /etc/ssl/            | a PEM file, the usual home of a private key",
            "ca-key.pem                   | /certs/              | a PEM file, the usual home of a private key",
            "*.pem                        | /app/                | a PEM file, the usual home of a private key",
            "tls.key                      | /etc/tls/            | a private key",
            "server.KEY                   | /etc/tls/            | a private key",
            "client.p12                   | /app/                | a PKCS#12 key store",
            "keystore.pfx                 | /app/                | a PKCS#12 key store",
            ".npmrc                       | ./                   | npm registry credentials",
            "config/.pypirc               | /root/               | PyPI credentials",
            ".netrc                       | /root/               | netrc login credentials",
            ".git-credentials             | /root/               | git credentials",
            ".env                         | .                    | an environment file",
            ".env.production              | .env                 | an environment file",
            "home/.aws/credentials        | /root/.aws/          | AWS credentials",
            ".aws                         | /root/.aws           | AWS credentials",
            ".docker/config.json          | /root/.docker/       | Docker registry credentials",
            "kubeconfig                   | /root/.kube/config   | a kubeconfig with cluster credentials",
            "prod.kubeconfig              | /app/                | a kubeconfig with cluster credentials",
            ".kube/config                 | /root/.kube/         | a kubeconfig with cluster credentials",
    })
    void credentialFiles(String path, String destination, String kind) {
        assertThat(SecretFileName.credentialIn(path, destination)).hasValue(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "id_rsa.pub                   | /root/.ssh/",
            "ssh_host_rsa_key.pub         | /etc/ssh/",
            "ca.pem                       | /app/",
            "cacert.pem                   | /app/",
            "certs/fullchain.pem          | /etc/nginx/",
            "rds-combined-ca-bundle.pem   | /app/",
            "public.pem                   | /app/",
            "corp-root.pem                | /app/",
            "company.pem                  | /usr/local/share/ca-certificates/company.crt",
            "proxy.pem                    | /etc/pki/ca-trust/source/anchors/",
            "nodesource.gpg.key           | /tmp/",
            "repo.key                     | /etc/apt/",
            "release.key                  | /tmp/",
            ".env.example                 | .env",
            ".env.sample                  | .",
            ".envrc                       | .",
            "environment.ts               | src/",
            "package.json                 | ./",
            "npmrc-docs.md                | ./",
            "keys/                        | /app/keys/",
            "monkey.txt                   | /app/",
            "config.json                  | /app/",
            "credentials.md               | /docs/",
            "src/kube/config.go           | /src/",
    })
    void ordinaryFiles(String path, String destination) {
        assertThat(SecretFileName.credentialIn(path, destination)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "/root/.ssh/id_rsa           | an SSH private key",
            "/home/app/.ssh/deploy_ed25519 | an SSH private key",
            ".npmrc                      | npm registry credentials",
            "/root/.npmrc                | npm registry credentials",
            "/root/.pypirc               | PyPI credentials",
            "/root/.netrc                | netrc login credentials",
            "/root/.git-credentials      | git credentials",
            "/root/.aws/credentials      | AWS credentials",
            "/root/.docker/config.json   | Docker registry credentials",
            "/root/.kube/config          | a kubeconfig with cluster credentials",
    })
    void credentialFilesByTheirDestination(String destination, String kind) {
        assertThat(SecretFileName.credentialWrittenTo(destination)).hasValue(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "/root/.ssh/",
            "/root/.ssh/known_hosts",
            "/root/.ssh/id_rsa.pub",
            ".env",
            "/etc/ssl/private/server.key",
            "/etc/nginx/certs/server.pem",
            "/app/",
            "/root/.aws/config",
            "/root/${KEY_NAME}",
    })
    void destinationsThatSayNothingOfTheContent(String destination) {
        assertThat(SecretFileName.credentialWrittenTo(destination)).isEmpty();
    }
}
