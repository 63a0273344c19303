package dev.shipshape.rules.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that are credentials whatever the variable is called: formats issued by well-known
 * providers with a fixed prefix, so that a match is very unlikely to be anything else.
 */
enum CredentialShape {
    AWS_ACCESS_KEY_ID("an AWS access key id", "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"),
    PEM_PRIVATE_KEY("a PEM private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
    JWT("a JSON Web Token", "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
    GITHUB_TOKEN("a GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})"),
    SLACK_TOKEN("a Slack token", "\\bxox[abpr]-[A-Za-z0-9-]{10,}"),
    GOOGLE_API_KEY("a Google API key", "\\bAIza[A-Za-z0-9_-]{35}"),
    STRIPE_LIVE_KEY("a Stripe live secret key", "\\b[sr]k_live_[A-Za-z0-9]{16,}");

    /** How much of a credential a message may show: enough to recognize it, too little to use it. */
    private static final int SHOWN_CHARACTERS = 4;

    private final String description;
    private final Pattern pattern;

    CredentialShape(String description, String regex) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
    }

    /** "a GitHub token". */
    String description() {
        return description;
    }

    /** The first shape the value contains, with a preview of the matched credential. */
    static Optional<Found> find(String value) {
        if (value == null) return Optional.empty();
        for (CredentialShape shape : values()) {
            Matcher matcher = shape.pattern.matcher(value);
            if (matcher.find()) return Optional.of(new Found(shape, preview(matcher.group())));
        }
        return Optional.empty();
    }

    private static String preview(String credential) {
        return credential.substring(0, Math.min(SHOWN_CHARACTERS, credential.length())) + "…";
    }

    /** A credential found in a value: its shape and its first characters followed by an ellipsis ({@code ghp_…}). */
    record Found(CredentialShape shape, String preview) {
    }
}
