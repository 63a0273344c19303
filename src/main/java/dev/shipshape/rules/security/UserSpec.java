package dev.shipshape.rules.security;

/**
 * A user as Docker and Compose write it, {@code user[:group]}, where each part is a name or a
 * numeric id ({@code root}, {@code 0}, {@code 0:0}, {@code root:wheel}, {@code 10001:10001}).
 * Kubernetes {@code runAsUser} arrives as a decimal uid and parses the same way.
 *
 * @param user  the part before the first colon, stripped
 * @param group the part after it, or null
 */
record UserSpec(String user, String group) {

    static UserSpec parse(String written) {
        String text = written == null ? "" : written.strip();
        int colon = text.indexOf(':');
        return colon < 0
                ? new UserSpec(text, null)
                : new UserSpec(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    /** True when the user is given as a build argument or variable ({@code $APP_USER}, {@code ${UID}}): unknown until build time. */
    boolean isVariable() {
        return user.contains("$");
    }

    /** True when the user is root by name or uid 0 ({@code 0}, {@code 000}); a variable is never known to be root. */
    boolean isRoot() {
        if (isVariable()) return false;
        return user.equals("root") || (!user.isEmpty() && user.chars().allMatch(c -> c == '0'));
    }
}
