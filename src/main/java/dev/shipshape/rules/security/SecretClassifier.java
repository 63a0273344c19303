package dev.shipshape.rules.security;

import dev.shipshape.systems.KnownSystems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a literal environment value (or build argument) is a secret: because its value
 * has the shape of a known credential, or because its name says it holds one.
 *
 * <p>Names are matched by whole words ({@code _}-separated, any case), so {@code DB_PASSWORD}
 * and {@code GITHUB_TOKEN} are secrets and {@code TOKENIZER_MODEL} is not. The secret word must
 * name the value itself: it ends the name, or only {@code KEY}, {@code BASE}, {@code VALUE},
 * {@code HASH} or a number follow it ({@code SECRET_KEY_BASE}, {@code PASSWORD_2}). Any other word
 * after it names something about the secret rather than the secret: where it is
 * ({@code POSTGRES_PASSWORD_FILE}, the official images' convention, {@code TOKEN_URL}), what it is
 * called ({@code SECRET_NAME}) or how it behaves ({@code PASSWORD_MIN_LENGTH}, {@code TOKEN_TTL},
 * {@code TOKEN_EXPIRY}). Besides that, the exclusions are few, and each stands for a common
 * variable that is about a secret without being one:
 * Short secret words ({@code PWD}, {@code PASS}) count only after another word ({@code DB_PWD},
 * {@code SMTP_PASS}), never alone: the shell's {@code PWD} is the working directory. A word that glues a
 * common owner to one ({@code DBPASS}, {@code ROOTPWD}, {@code ADMINPASSWORD}) counts too. A value that is
 * a URL with a password in it ({@code postgres://app:s3cret@db/app}) is a secret whatever the name.
 * <ul>
 *   <li>names with {@code ALLOW} or {@code RANDOM} before the secret word switch secret handling on
 *       or off ({@code ALLOW_EMPTY_PASSWORD}, {@code MYSQL_RANDOM_ROOT_PASSWORD});</li>
 *   <li>switch values ({@code yes}, {@code no}, {@code true}, {@code false}, {@code 0}, {@code 1},
 *       empty) are settings, not secrets;</li>
 *   <li>values under a secret store's path point at a mounted secret: {@code /run/secrets} (Compose, Swarm,
 *       Docker), {@code /vault/secrets} (Vault Agent), {@code /mnt/secrets-store} (Secrets Store CSI), Keywhiz's
 *       mount; the catalogue's {@code secretStores} list them ({@code docs/known-systems.md}).</li>
 * </ul>
 */
public final class SecretClassifier {

    private static final Set<String> SECRET_WORDS = Set.of(
            "PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS");
    /** Secret words too short to stand alone: {@code PWD} alone is the shell's working directory. */
    private static final Set<String> SECRET_WORDS_AFTER_ANOTHER = Set.of("PWD", "PASS");
    /** One word that glues an owner to a secret word: {@code DBPASS}, {@code ROOTPWD}, {@code ADMINPASSWORD}. */
    private static final Pattern GLUED_SECRET_WORD = Pattern.compile(
            "(?:DB|ROOT|ADMIN|USER|MYSQL|PG|POSTGRES|SQL|REDIS|MONGO|SMTP|MAIL|FTP|LDAP|AMQP|RABBITMQ|RABBIT)(?:PASS|PWD|PASSWORD|PASSWD)");
    private static final List<List<String>> SECRET_WORD_PAIRS = List.of(
            List.of("API", "KEY"), List.of("PRIVATE", "KEY"), List.of("ACCESS", "KEY"));
    /** Every secret word, glued word and pair above contains one of these. */
    private static final List<String> SECRET_WORD_FRAGMENTS = List.of("PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL");
    private static final Set<String> SWITCH_WORDS_BEFORE = Set.of("ALLOW", "RANDOM");
    /** Words that may follow a secret word in a name that still names the secret itself. */
    private static final Set<String> SECRET_CONTINUATIONS = Set.of("KEY", "BASE", "VALUE", "HASH");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Set<String> SWITCH_VALUES = Set.of("", "yes", "no", "true", "false", "0", "1");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^A-Za-z0-9]+");

    private SecretClassifier() {
    }

    /** Why a value counts as a secret: a credential's shape it contains, or (shape empty) its variable's name. */
    public record Verdict(Optional<CredentialShape.Found> shape) {

        boolean byShape() {
            return shape.isPresent();
        }

        /** How a message names the value without showing it: "a literal secret", "what looks like a GitHub token (ghp_…)". */
        public String describe() {
            return shape.map(found -> "what looks like " + found.shape().description() + " (" + found.preview() + ")")
                    .orElse("a literal secret");
        }
    }

    /** Empty when the value is not a secret; a null or empty value never is. */
    public static Optional<Verdict> classify(String name, String value) {
        if (value == null || value.isEmpty()) return Optional.empty();
        Optional<CredentialShape.Found> shape = CredentialShape.find(value);
        if (shape.isPresent()) return Optional.of(new Verdict(shape));
        if (isSecretName(name) && !isSwitchValue(value) && !isMountedSecretPath(value)) {
            return Optional.of(new Verdict(Optional.empty()));
        }
        return Optional.empty();
    }

    /** True when the name says the variable holds a secret (see the class comment for the exclusions). */
    public static boolean isSecretName(String name) {
        if (name == null) return false;
        String upper = name.toUpperCase(Locale.ROOT);
        if (!mayHoldSecretWord(upper)) return false;
        List<String> words = List.of(WORD_SEPARATOR.split(upper));
        int secretWordAt = lastSecretWord(words);
        if (secretWordAt < 0) return false;
        boolean switchBefore = words.subList(0, secretWordAt).stream().anyMatch(SWITCH_WORDS_BEFORE::contains);
        boolean namesTheSecret = words.subList(secretWordAt + 1, words.size()).stream()
                .allMatch(word -> SECRET_CONTINUATIONS.contains(word) || NUMBER.matcher(word).matches());
        return namesTheSecret && !switchBefore;
    }

    /**
     * False when no secret word, glued word or pair can be among the name's words, since none of
     * the fragments every one of them contains is in it: most names (LOG_LEVEL, PATH) are answered
     * without splitting them into words and matching each, which was most of what
     * secret-in-environment cost per variable.
     */
    private static boolean mayHoldSecretWord(String upper) {
        for (String fragment : SECRET_WORD_FRAGMENTS) {
            if (upper.contains(fragment)) return true;
        }
        return false;
    }

    /** Index of the last word that ends a secret word or pair, or -1. */
    private static int lastSecretWord(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (SECRET_WORDS.contains(words.get(i)) || GLUED_SECRET_WORD.matcher(words.get(i)).matches()) return i;
            if (i > 0 && SECRET_WORDS_AFTER_ANOTHER.contains(words.get(i))) return i;
            for (List<String> pair : SECRET_WORD_PAIRS) {
                if (i > 0 && words.get(i - 1).equals(pair.get(0)) && words.get(i).equals(pair.get(1))) return i;
            }
        }
        return -1;
    }

    private static boolean isSwitchValue(String value) {
        return SWITCH_VALUES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** True when the value is a path under a secret store's mount ({@code /run/secrets/db}, {@code /vault/secrets/db}). */
    public static boolean isMountedSecretPath(String value) {
        String path = value.strip();
        return KnownSystems.catalogue().secretStores().stream()
                .flatMap(store -> store.mounts().stream())
                .anyMatch(mount -> path.equals(mount) || path.startsWith(mount + "/"));
    }
}
