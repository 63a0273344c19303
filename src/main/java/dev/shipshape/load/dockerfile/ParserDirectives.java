package dev.shipshape.load.dockerfile;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code # escape=}, {@code # syntax=} and {@code # check=} comments at the top of a
 * Dockerfile, read as BuildKit's {@code DirectiveParser} reads them: they count only before the
 * first line that is not one of them (an instruction, another comment, a blank line).
 */
final class ParserDirectives {

    private static final Set<String> KNOWN = Set.of("escape", "syntax", "check");

    private final String file;
    private final List<Diagnostic> diagnostics;
    private final Set<String> seen = new HashSet<>();
    private boolean done;
    private char escape = '\\';

    ParserDirectives(String file, List<Diagnostic> diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** The escape character: backslash unless {@code # escape=`} says otherwise. */
    char escape() {
        return escape;
    }

    /** False once the directives are over: no later line can be one. */
    boolean accepting() {
        return !done;
    }

    /** Looks at one physical line, its leading blanks removed; the first line that is not a directive ends them. */
    void offer(String line, int lineNumber, int column) {
        if (done) return;
        if (!line.startsWith("#")) {
            done = true;
            return;
        }
        String body = line.substring(1).stripLeading();
        int i = 0;
        if (body.isEmpty() || !isAsciiLetter(body.charAt(0))) {
            done = true;
            return;
        }
        while (i < body.length() && (isAsciiLetter(body.charAt(i)) || isAsciiDigit(body.charAt(i)))) i++;
        String name = body.substring(0, i).toLowerCase(Locale.ROOT);
        while (i < body.length() && isBlank(body.charAt(i))) i++;
        if (i == body.length() || body.charAt(i) != '=') {
            done = true;
            return;
        }
        String value = body.substring(i + 1).strip();
        if (value.isEmpty() || !KNOWN.contains(name)) {
            done = true;
            return;
        }
        Origin origin = Origin.at(file, lineNumber, column);
        if (!seen.add(name)) {
            diagnostics.add(Diagnostic.error(origin, "only one " + name + " parser directive can be used"));
            return;
        }
        if (name.equals("escape")) {
            if (value.equals("`") || value.equals("\\")) {
                escape = value.charAt(0);
            } else {
                diagnostics.add(Diagnostic.error(origin, "invalid escape token '" + value + "' does not match ` or \\"));
            }
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n';
    }
}
