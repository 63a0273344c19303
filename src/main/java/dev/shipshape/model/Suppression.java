package dev.shipshape.model;

/**
 * A request in the scanned input itself to hide one rule's findings, with the reason given.
 *
 * <p>It covers findings in {@code file} whose line lies in {@code [firstLine, lastLine]}:
 * a comment {@code # shipshape:ignore rule reason} covers its own line and the next one,
 * {@code # shipshape:ignore-file} the whole file, and a Kubernetes annotation or a Compose
 * {@code x-shipshape.ignore} entry the lines of the object that carries it.
 *
 * @param ruleName as written; the policy checks that the rule exists
 * @param reason   null or blank when none was given (which is itself reported)
 */
public record Suppression(String ruleName, String reason, String file, int firstLine, int lastLine, Origin origin) {

    public static final int WHOLE_FILE = Integer.MAX_VALUE;

    public boolean covers(Origin findingOrigin) {
        return findingOrigin.source().equals(file)
                && findingOrigin.line() >= firstLine
                && findingOrigin.line() <= lastLine;
    }
}
