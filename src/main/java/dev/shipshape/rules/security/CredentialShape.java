package dev.shipshape.rules.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that are credentials whatever the variable is called: formats issued by well-known
 * providers with a fixed prefix, so that a match is very unlikely to be anything else, and URLs
 * with a password in them (shown with the password masked).
 */
public enum CredentialShape {
    AWS_ACCESS_KEY_ID("an AWS access key id", "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b", "AKIA", "ASIA"),
    PEM_PRIVATE_KEY("a PEM private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----", "PRIVATE KEY-----"),
    JWT("a JSON Web Token", "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", "eyJ"),
    GITHUB_TOKEN("a GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})", "gh", "github_pat_"),
    SLACK_TOKEN("a Slack token", "\\bxox[abpr]-[A-Za-z0-9-]{10,}", "xox"),
    GOOGLE_API_KEY("a Google API key", "\\bAIza[A-Za-z0-9_-]{35}", "AIza"),
    STRIPE_LIVE_KEY("a Stripe live secret key", "\\b[sr]k_live_[A-Za-z0-9]{16,}", "k_live_"),
    /** user:password@ in a URL; a password that is a reference ({@code $(VAR)}, {@code ${VAR}}) is no secret. */
    URL_CREDENTIALS("a connection URL with a password", "\\b([a-z][a-z0-9+.-]*://[^/\\s:@]*:)([^/\\s@]+)(@[^\\s]*)", "://");

    /** How much of a credential a message may show: enough to recognize it, too little to use it. */
    private static final int SHOWN_CHARACTERS = 4;

    /** The shapes in order, one array for every value rather than a copy from {@code values()} each. */
    private static final CredentialShape[] ALL = values();

    private final String description;
    private final Pattern pattern;
    private final List<String> hints;

    /** @param hints every match contains one of these: a value with none is not searched with the regex */
    CredentialShape(String description, String regex, String... hints) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
        this.hints = List.of(hints);
    }

    /** "a GitHub token". */
    public String description() {
        return description;
    }

    /** The first shape the value contains, with a preview of the matched credential. */
    public static Optional<Found> find(String value) {
        if (value == null) return Optional.empty();
        for (CredentialShape shape : ALL) {
            if (!shape.mayMatch(value)) continue;
            Matcher matcher = shape.pattern.matcher(value);
            if (!matcher.find()) continue;
            if (shape == URL_CREDENTIALS) {
                if (matcher.group(2).startsWith("$")) continue;
                return Optional.of(new Found(shape, matcher.group(1) + "****" + matcher.group(3)));
            }
            return Optional.of(new Found(shape, preview(matcher.group())));
        }
        return Optional.empty();
    }

    /** A substring test per hint costs far less than a regex search, and almost every value fails it. */
    private boolean mayMatch(String value) {
        for (String hint : hints) {
            if (value.contains(hint)) return true;
        }
        return false;
    }

    private static String preview(String credential) {
        return credential.substring(0, Math.min(SHOWN_CHARACTERS, credential.length())) + "…";
    }

    /**
     * A credential found in a value: its shape and its first characters followed by an ellipsis
     * ({@code ghp_…}), or for a URL the URL with its password masked ({@code postgres://app:****@db/app}).
     */
    public record Found(CredentialShape shape, String preview) {
    }
}
