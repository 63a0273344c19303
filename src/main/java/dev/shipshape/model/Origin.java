package dev.shipshape.model;

import java.util.Objects;

/**
 * Where a value came from: a file position (1-based line and column) or a live object.
 *
 * <p>{@code source} is the file path as the user gave it (relative paths stay relative), or a
 * live object's description such as {@code container web (3f2a9c)}; live origins have line 0.
 */
public record Origin(String source, int line, int column) implements Comparable<Origin> {

    public Origin {
        Objects.requireNonNull(source, "source");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
        }
    }

    public static Origin at(String file, int line, int column) {
        return new Origin(file, line, column);
    }

    /** An origin for something that is not in a file: a live container, a daemon, a request. */
    public static Origin live(String objectDescription) {
        return new Origin(objectDescription, 0, 0);
    }

    public boolean isInFile() {
        return line > 0;
    }

    @Override
    public int compareTo(Origin other) {
        int bySource = source.compareTo(other.source);
        if (bySource != 0) return bySource;
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return isInFile() ? source + ":" + line + ":" + column : source;
    }
}
