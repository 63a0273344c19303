package dev.shipshape.load.compose;

import dev.shipshape.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compose variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}}, {@code ${VAR?message}}, {@code ${VAR:+replacement}},
 * {@code ${VAR+replacement}}, nested defaults, and {@code $$} for a literal dollar.
 *
 * <p>A hand-written scanner, not a regular expression: it runs on every scalar of every file,
 * and nested braces need counting anyway. A {@code $} that starts no reference is kept as is.
 */
final class Interpolation {

    /** A problem found while interpolating one value; the caller knows where the value is. */
    record Problem(Diagnostic.Level level, String message) {
    }

    /**
     * @param value              the interpolated text
     * @param referencesVariable true when the text referred to at least one variable
     */
    record Result(String value, boolean referencesVariable, List<Problem> problems) {
    }

    private final Map<String, String> variables;
    private final boolean strict;

    /** @param variables the values in effect; a name that is absent is unset */
    Interpolation(Map<String, String> variables) {
        this(variables, false);
    }

    /**
     * @param strict true when a required variable ({@code ${VAR:?message}}) that is unset is an error
     *               ({@code --strict-env}); otherwise it is a warning and the value is judged as unknown
     */
    Interpolation(Map<String, String> variables, boolean strict) {
        this.variables = variables;
        this.strict = strict;
    }

    Result apply(String text) {
        if (text.indexOf('$') < 0) return new Result(text, false, List.of());
        Scan scan = new Scan();
        String value = expand(text, scan);
        return new Result(value, scan.referencesVariable, scan.problems == null ? List.of() : scan.problems);
    }

    /** What one {@link #apply} call collects along the way. */
    private static final class Scan {
        boolean referencesVariable;
        List<Problem> problems;

        void report(Diagnostic.Level level, String message) {
            if (problems == null) problems = new ArrayList<>(2);
            problems.add(new Problem(level, message));
        }
    }

    private String expand(String text, Scan scan) {
        int length = text.length();
        StringBuilder out = new StringBuilder(length);
        int at = 0;
        while (at < length) {
            char current = text.charAt(at);
            if (current != '$' || at + 1 >= length) {
                out.append(current);
                at++;
                continue;
            }
            char next = text.charAt(at + 1);
            if (next == '$') {
                out.append('$');
                at += 2;
            } else if (isNameStart(next)) {
                int end = nameEnd(text, at + 1);
                scan.referencesVariable = true;
                out.append(valueOrEmpty(text.substring(at + 1, end), scan));
                at = end;
            } else if (next == '{') {
                int close = closingBrace(text, at);
                if (close < 0) {
                    invalidReference(text.substring(at), scan);
                    out.append(text, at, length);
                    at = length;
                } else {
                    out.append(braced(text.substring(at, close + 1), scan));
                    at = close + 1;
                }
            } else {
                out.append(current);
                at++;
            }
        }
        return out.toString();
    }

    /** Expands one {@code ${...}} reference, given with its {@code $} and braces. */
    private String braced(String reference, Scan scan) {
        String inner = reference.substring(2, reference.length() - 1);
        if (inner.isEmpty() || !isNameStart(inner.charAt(0))) {
            invalidReference(reference, scan);
            return reference;
        }
        int nameEnd = nameEnd(inner, 0);
        String name = inner.substring(0, nameEnd);
        scan.referencesVariable = true;
        if (nameEnd == inner.length()) return valueOrEmpty(name, scan);

        boolean alsoWhenEmpty = inner.charAt(nameEnd) == ':';
        int operatorAt = alsoWhenEmpty ? nameEnd + 1 : nameEnd;
        char operator = operatorAt < inner.length() ? inner.charAt(operatorAt) : ' ';
        if (operator != '-' && operator != '?' && operator != '+') {
            invalidReference(reference, scan);
            return reference;
        }
        String argument = inner.substring(operatorAt + 1);
        String value = variables.get(name);
        boolean missing = value == null || (alsoWhenEmpty && value.isEmpty());
        return switch (operator) {
            case '-' -> missing ? expand(argument, scan) : value;
            case '+' -> missing ? "" : expand(argument, scan);
            default -> {
                if (!missing) yield value;
                String message = expand(argument, scan);
                String missingValue = "required variable " + name + " is missing a value" + (message.isEmpty() ? "" : ": " + message);
                if (strict) {
                    scan.report(Diagnostic.Level.ERROR, missingValue);
                } else {
                    scan.report(Diagnostic.Level.WARNING, missingValue + " (judged with its value unknown; --strict-env makes this an error)");
                }
                yield "";
            }
        };
    }

    private String valueOrEmpty(String name, Scan scan) {
        String value = variables.get(name);
        if (value != null) return value;
        scan.report(Diagnostic.Level.WARNING, "variable " + name + " is not set; using an empty string");
        return "";
    }

    private static void invalidReference(String reference, Scan scan) {
        scan.report(Diagnostic.Level.ERROR, "invalid variable reference \"" + reference
                + "\"; Compose knows ${VAR}, ${VAR:-default}, ${VAR:?message} and $$ for a literal $");
    }

    /** The index of the brace closing the {@code ${} at {@code dollarAt}; only {@code ${} opens a new level, as in Compose. */
    private static int closingBrace(String text, int dollarAt) {
        int open = 0;
        for (int at = dollarAt; at < text.length(); at++) {
            char current = text.charAt(at);
            if (current == '}') {
                open--;
                if (open == 0) return at;
            } else if (current == '$' && at + 1 < text.length() && text.charAt(at + 1) == '{') {
                open++;
                at++;
            }
        }
        return -1;
    }

    private static int nameEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isNamePart(text.charAt(end))) end++;
        return end;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
