package dev.shipshape.load.daemon;

import dev.shipshape.model.Origin;

/**
 * Tells a JSON string from a bare value by the character where the value starts: YAML resolves
 * {@code "true"} and {@code true} to the same text, but dockerd's JSON decoder does not take a
 * string where it wants a boolean.
 */
final class QuotedScalars {

    private final String text;
    private final int[] lineStarts;

    QuotedScalars(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') lines++;
        }
        lineStarts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') lineStarts[line++] = i + 1;
        }
    }

    /** The character at a 1-based line and column (columns count code points, as the YAML reader does), or 0. */
    char at(Origin origin) {
        if (origin.line() < 1 || origin.line() > lineStarts.length || origin.column() < 1) return 0;
        int lineStart = lineStarts[origin.line() - 1];
        int lineEnd = origin.line() < lineStarts.length ? lineStarts[origin.line()] : text.length();
        int index = lineStart;
        for (int column = 1; column < origin.column() && index < lineEnd; column++) {
            index += Character.charCount(text.codePointAt(index));
        }
        return index < lineEnd ? text.charAt(index) : 0;
    }

    boolean isQuoted(Origin origin) {
        char first = at(origin);
        return first == '"' || first == '\'';
    }
}
