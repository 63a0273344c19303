package dev.shipshape.model;

/**
 * A problem with the input itself (a YAML syntax error, an unset variable, a skipped file),
 * reported with its location; the run goes on.
 */
public record Diagnostic(Level level, Origin origin, String message) {

    public enum Level { ERROR, WARNING, INFO }

    public static Diagnostic error(Origin origin, String message) {
        return new Diagnostic(Level.ERROR, origin, message);
    }

    public static Diagnostic warning(Origin origin, String message) {
        return new Diagnostic(Level.WARNING, origin, message);
    }

    @Override
    public String toString() {
        return origin + ": " + level.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
