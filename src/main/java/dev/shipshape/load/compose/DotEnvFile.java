package dev.shipshape.load.compose;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Compose {@code .env} file: {@code KEY=VALUE} lines (also {@code export KEY=VALUE} and
 * {@code KEY: VALUE}), {@code #} comment lines, inline comments after a blank on unquoted values,
 * single quotes (literal), double quotes (escapes and interpolation, may span lines).
 *
 * <p>Unquoted and double-quoted values are interpolated from the environment first, then from the
 * lines above, as Compose does.
 */
final class DotEnvFile {

    private DotEnvFile() {
    }

    /** The variables the file defines, in order; problems go to {@code diagnostics} with their line. */
    static Map<String, String> parse(String text, String shownPath, Map<String, String> environment, List<Diagnostic> diagnostics) {
        Map<String, String> defined = new LinkedHashMap<>();
        Map<String, String> visible = new HashMap<>(environment);
        Interpolation interpolation = new Interpolation(visible);
        int length = text.length();
        int at = 0;
        int line = 1;
        while (at < length) {
            int lineEnd = lineEnd(text, at);
            int start = skipBlanks(text, at, lineEnd);
            if (start == lineEnd || text.charAt(start) == '#') {
                at = lineEnd + 1;
                line++;
                continue;
            }
            if (text.startsWith("export ", start)) start = skipBlanks(text, start + "export ".length(), lineEnd);
            int separator = start;
            while (separator < lineEnd && text.charAt(separator) != '=' && text.charAt(separator) != ':') separator++;
            String key = text.substring(start, separator).trim();
            Origin origin = Origin.at(shownPath, line, start - at + 1);
            if (!isValidName(key)) {
                diagnostics.add(Diagnostic.warning(origin, "not a KEY=VALUE line; ignored"));
                at = lineEnd + 1;
                line++;
                continue;
            }
            if (separator == lineEnd) {
                // A bare name takes its value from the environment; it defines nothing here.
                at = lineEnd + 1;
                line++;
                continue;
            }
            int valueStart = skipBlanks(text, separator + 1, lineEnd);
            char quote = valueStart < lineEnd ? text.charAt(valueStart) : ' ';
            String value;
            int consumedTo;
            if (quote == '\'' || quote == '"') {
                int close = closingQuote(text, valueStart + 1, quote);
                if (close < 0) {
                    diagnostics.add(Diagnostic.warning(origin, "the value of " + key + " has no closing " + quote + "; ignored"));
                    return defined;
                }
                String raw = text.substring(valueStart + 1, close);
                value = quote == '\'' ? raw : interpolate(unescape(raw), interpolation, origin, diagnostics);
                line += countNewlines(text, valueStart, close);
                consumedTo = lineEnd(text, close);
            } else {
                String raw = text.substring(valueStart, lineEnd);
                int comment = raw.indexOf(" #");
                if (comment >= 0) raw = raw.substring(0, comment);
                value = interpolate(raw.strip(), interpolation, origin, diagnostics);
                consumedTo = lineEnd;
            }
            defined.put(key, value);
            visible.putIfAbsent(key, value);
            at = consumedTo + 1;
            line++;
        }
        return defined;
    }

    private static String interpolate(String raw, Interpolation interpolation, Origin origin, List<Diagnostic> diagnostics) {
        Interpolation.Result result = interpolation.apply(raw);
        for (Interpolation.Problem problem : result.problems()) {
            diagnostics.add(new Diagnostic(problem.level(), origin, problem.message()));
        }
        return result.value();
    }

    private static boolean isValidName(String key) {
        if (key.isEmpty()) return false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '[' || c == ']')) return false;
        }
        return true;
    }

    private static int closingQuote(String text, int from, char quote) {
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\\' && quote == '"') {
                at++;
            } else if (c == quote) {
                return at;
            }
        }
        return -1;
    }

    private static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) return raw;
        StringBuilder out = new StringBuilder(raw.length());
        for (int at = 0; at < raw.length(); at++) {
            char c = raw.charAt(at);
            if (c != '\\' || at + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char escaped = raw.charAt(++at);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '"', '\\' -> out.append(escaped);
                default -> out.append('\\').append(escaped);
            }
        }
        return out.toString();
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int skipBlanks(String text, int from, int limit) {
        int at = from;
        while (at < limit && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r')) at++;
        return at;
    }

    private static int countNewlines(String text, int from, int to) {
        int count = 0;
        for (int at = from; at < to; at++) {
            if (text.charAt(at) == '\n') count++;
        }
        return count;
    }
}
