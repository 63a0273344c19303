package dev.shipshape.rules.security;

/**
 * A user as Docker and Compose write it, {@code user[:group]}, where each part is a name or a
 * numeric id ({@code root}, {@code 0}, {@code 0:0}, {@code root:wheel}, {@code 10001:10001}).
 * Kubernetes {@code runAsUser} arrives as a decimal uid and parses the same way.
 *
 * <p>Whether it is root follows runc ({@code libcontainer/user.GetExecUser}), which starts every
 * container process: the text is split at colons; a user part that Go's {@code strconv.Atoi}
 * reads ({@code 0}, {@code 00}, {@code +0}, {@code -0}) is a uid, whatever the image's passwd says,
 * and anything else is a name looked up in the image's passwd; an empty user part with a group
 * ({@code :1000}) keeps the default uid, 0. A uid outside 0…2³¹−1 ({@code -1}) makes runc refuse
 * to start the container. The group alone (gid 0) does not make the process root.
 *
 * @param user  the part before the first colon, stripped
 * @param group the part after it, or null
 */
record UserSpec(String user, String group) {

    static UserSpec parse(String written) {
        // runc does not strip; " root" fails to start there. Stripping here reports it as root, which costs nothing.
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

    /**
     * True when runc runs the process as uid 0: the name {@code root}, a user part that
     * {@code strconv.Atoi} reads as 0 ({@code 0}, {@code 000}, {@code +0}, {@code -0}), or no user
     * part before a group ({@code :1000}). A variable is never known to be root.
     */
    boolean isRoot() {
        if (isVariable()) return false;
        if (user.isEmpty()) return group != null;
        return user.equals("root") || isAtoiZero(user);
    }

    /** Go's {@code strconv.Atoi} in base 10: an optional sign, then one or more ASCII digits; true when the value is 0. */
    private static boolean isAtoiZero(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) return false;
        for (int at = start; at < text.length(); at++) {
            if (text.charAt(at) != '0') return false;
        }
        return true;
    }
}
