package dev.shipshape.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretClassifierTest {

    // Made-up credentials of the right shape (split so that no scanner mistakes this file for a leak).
    private static final String AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
    private static final String AWS_TEMP_KEY_ID = "ASIA" + "Y34FZKBOKMUTVV7A";
    private static final String GITHUB_CLASSIC = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String GITHUB_FINE_GRAINED = "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";
    private static final String SLACK = "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String GOOGLE = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
    private static final String STRIPE = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    private static final String PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";

    // ---- names ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is a secret name")
    @ValueSource(strings = {
            "PASSWORD", "password", "DB_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "db_password",
            "Redis_Password", "LDAP_BIND_PASSWD", "SECRET", "JWT_SECRET", "NEXTAUTH_SECRET", "SECRET_KEY",
            "SECRET_KEY_BASE", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "auth_token", "SLACK_BOT_TOKEN",
            "API_KEY", "OPENAI_API_KEY", "SENDGRID_APIKEY", "apikey", "PRIVATE_KEY", "SSH_PRIVATE_KEY",
            "ACCESS_KEY", "MINIO_ACCESS_KEY", "CREDENTIAL", "GOOGLE_CREDENTIALS", "REGISTRY_CREDENTIALS",
            "DB.PASSWORD", "app-token",
            // words after the secret word that still name the secret
            "PASSWORD_HASH", "ADMIN_PASSWORD_2", "TOKEN_VALUE", "GITLAB_SECRETS_SECRET_KEY_BASE", "STRIPE_SECRET_KEY",
            "ETCD_INITIAL_CLUSTER_TOKEN",
            // short secret words after another word, and owners glued to a secret word
            "DB_PWD", "SMTP_PASS", "mail_pass", "LDAP_BIND_PWD", "DBPASS", "ROOTPWD", "ADMINPASSWORD", "MYSQLPASS",
    })
    void secretNames(String name) {
        assertThat(SecretClassifier.isSecretName(name)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not a secret name")
    @ValueSource(strings = {
            // the secret word is only part of a longer word
            "TOKENIZER", "TOKENIZERS_PARALLELISM", "HF_TOKENIZER_MODEL", "SECRETARY_EMAIL", "PASSWORDLESS_LOGIN",
            "DB_PASSWORDS_DIR", "KEY", "PUBLIC_KEY", "API_URL", "ACCESS_LOG", "PRIVATE_NETWORK",
            // where the secret is, not the secret
            "POSTGRES_PASSWORD_FILE", "DB_PASSWORD_FILE", "github_token_file", "PRIVATE_KEY_PATH",
            "OAUTH2_CLIENT_TOKEN_URL", "REGISTRY_AUTH_TOKEN_REALM",
            // what the secret is called or where it comes from
            "ALLOYDB_SECRET_NAME", "FLEET_TOKEN_POLICY_NAME", "REGISTRY_AUTH_TOKEN_ISSUER", "AWS_ACCESS_KEY_ID",
            "AWS_CREDENTIALS_REGION", "X_API_KEY_HEADER",
            // settings about secrets
            "PASSWORD_MIN_LENGTH", "AUTH_PASSWORD_MIN_LENGTH", "TOKEN_TTL", "ACCESS_TOKEN_EXPIRY",
            "TOKEN_EXPIRATION_SECONDS", "REFRESH_TOKEN_LIFETIME", "TOKEN_TIMEOUT",
            // switches
            "ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD",
            "RANDOM_ROOT_PASSWORD",
            // nothing to do with secrets
            "PATH", "HOME", "NODE_ENV", "POSTGRES_USER", "POSTGRES_DB", "", "_",
            // short secret words alone or inside other words
            "PWD", "OLDPWD", "PASS", "BYPASS", "BYPASS_CACHE", "COMPASS", "PASS_THROUGH", "DB_PWD_FILE",
    })
    void notSecretNames(String name) {
        assertThat(SecretClassifier.isSecretName(name)).isFalse();
    }

    // ---- values by name -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}={1} is a secret")
    @CsvSource({
            "POSTGRES_PASSWORD, example",
            "MYSQL_ROOT_PASSWORD, changeme",
            "DB_PASSWORD, 123456",
            "DB_PASSWORD, 10",
            "JWT_SECRET, 'super secret value'",
            "API_KEY, abc",
            "REDIS_PASSWORD, /tmp/not-a-secret-mount",
            "REDIS_PASSWORD, /run/secretsX",
            "ADMIN_PASSWORD, on",
    })
    void literalSecretsByName(String name, String value) {
        assertThat(SecretClassifier.classify(name, value)).hasValueSatisfying(verdict -> assertThat(verdict.byShape()).isFalse());
    }

    @ParameterizedTest(name = "{0}=[{1}] is not a secret")
    @CsvSource({
            "POSTGRES_PASSWORD, ''",
            "POSTGRES_PASSWORD, yes",
            "POSTGRES_PASSWORD, No",
            "POSTGRES_PASSWORD, TRUE",
            "POSTGRES_PASSWORD, false",
            "POSTGRES_PASSWORD, 0",
            "POSTGRES_PASSWORD, 1",
            "POSTGRES_PASSWORD, /run/secrets/db_password",
            "POSTGRES_PASSWORD, /run/secrets",
            "POSTGRES_PASSWORD_FILE, /run/secrets/db_password",
            "POSTGRES_PASSWORD_FILE, /etc/app/password",
            "MYSQL_RANDOM_ROOT_PASSWORD, yes",
            "ALLOW_EMPTY_PASSWORD, on",
            "PASSWORD_MIN_LENGTH, 12",
            "TOKEN_TTL, 3600",
            "TOKENIZER, bert-base-uncased",
            "POSTGRES_USER, postgres",
            "NODE_ENV, production",
    })
    void notSecrets(String name, String value) {
        assertThat(SecretClassifier.classify(name, value)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aMissingValueIsNeverASecret() {
        assertThat(SecretClassifier.classify("POSTGRES_PASSWORD", null)).isEmpty();
    }

    // ---- values by shape ------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "AWS_KEY_ID,          AWS_ACCESS_KEY_ID, AKIA…",
            "AWS_TEMP_KEY_ID,     AWS_ACCESS_KEY_ID, ASIA…",
            "GITHUB_CLASSIC,      GITHUB_TOKEN,      ghp_…",
            "GITHUB_FINE_GRAINED, GITHUB_TOKEN,      gith…",
            "SLACK,               SLACK_TOKEN,       xoxb…",
            "GOOGLE,              GOOGLE_API_KEY,    AIza…",
            "STRIPE,              STRIPE_LIVE_KEY,   sk_l…",
            "JWT,                 JWT,               eyJh…",
            "PEM,                 PEM_PRIVATE_KEY,   ----…",
    })
    void credentialShapesWhateverTheName(String sample, CredentialShape shape, String preview) {
        String value = sampleValue(sample);
        // an innocent name, a name ending in _FILE, and the credential embedded in a longer value
        for (String name : new String[] {"CONFIG", "SETTINGS_FILE", "PASSWORD_MIN_LENGTH"}) {
            assertThat(SecretClassifier.classify(name, value))
                    .as(name)
                    .contains(new SecretClassifier.Verdict(Optional.of(new CredentialShape.Found(shape, preview))));
        }
        assertThat(CredentialShape.find("prefix " + value + " suffix"))
                .contains(new CredentialShape.Found(shape, preview));
    }

    @ParameterizedTest(name = "[{0}] has no credential shape")
    @ValueSource(strings = {
            "AKIAIOSFODNN7EXAMPL",              // one character short
            "AKIAIOSFODNN7EXAMPLEX",            // one too many, so not a whole key id
            "akiaiosfodnn7example",
            "ghp_tooShort",
            "github_pat_short",
            "xoxz-123456789012-abc",            // no such Slack token type
            "xoxb-123",
            "AIzaTooShort",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc", // test keys are meant to be shared
            "pk_live_4eC39HqLyjWDarjtT1zdp7dc", // publishable keys are public
            "eyJhbGciOiJIUzI1NiJ9",             // a JWT header alone
            "eyJ.eyJ.sig",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN CERTIFICATE-----",
            "postgres://db:5432/app",
            "nginx:1.27",
            "",
    })
    void notCredentialShapes(String value) {
        assertThat(CredentialShape.find(value)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shapeWinsOverName() {
        assertThat(SecretClassifier.classify("GITHUB_TOKEN", GITHUB_CLASSIC))
                .hasValueSatisfying(verdict -> assertThat(verdict.byShape()).isTrue());
    }

    private static String sampleValue(String sample) {
        return switch (sample) {
            case "AWS_KEY_ID" -> AWS_KEY_ID;
            case "AWS_TEMP_KEY_ID" -> AWS_TEMP_KEY_ID;
            case "GITHUB_CLASSIC" -> GITHUB_CLASSIC;
            case "GITHUB_FINE_GRAINED" -> GITHUB_FINE_GRAINED;
            case "SLACK" -> SLACK;
            case "GOOGLE" -> GOOGLE;
            case "STRIPE" -> STRIPE;
            case "JWT" -> JWT;
            case "PEM" -> PEM;
            default -> throw new IllegalArgumentException(sample);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "postgres://app:s3cret@db:5432/app, postgres://app:****@db:5432/app",
            "redis://:cachepass@cache:6379/0, redis://:****@cache:6379/0",
            "amqp://guest:guest@rabbit:5672/, amqp://guest:****@rabbit:5672/",
    })
    void urlPasswordsAreMasked(String url, String preview) {
        assertThat(CredentialShape.find(url)).hasValueSatisfying(found -> {
            assertThat(found.shape()).isEqualTo(CredentialShape.URL_CREDENTIALS);
            assertThat(found.preview()).isEqualTo(preview);
        });
    }

    @ParameterizedTest(name = "[{0}] has no password")
    @ValueSource(strings = {"postgres://app@db:5432/app", "postgres://app:$(DB_PASSWORD)@db/app",
            "https://example.com:8443/login", "http://user:${PASSWORD}@host/"})
    void urlsWithoutALiteralPassword(String url) {
        assertThat(CredentialShape.find(url)).isEmpty();
    }

    @ParameterizedTest(name = "{0} points into a secret store")
    @ValueSource(strings = {"/run/secrets/db", "/vault/secrets/db-password", "/mnt/secrets-store/token", "/var/lib/keywhiz/api"})
    void secretStorePathsAreNotSecrets(String path) {
        assertThat(SecretClassifier.classify("DB_PASSWORD", path)).isEmpty();
    }
}
