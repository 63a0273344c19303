package dev.shipshape.load.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in words for people who wrote the file: what JSON does not allow (a comment,
 * a trailing comma, single quotes), not the parser's internals.
 */
final class JsonProblem {

    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']{0,40})");
    private static final Pattern PARSER_FEATURE = Pattern.compile("\\s*\\([^()]*(Feature|ALLOW_|enable)[^()]*\\)");

    private JsonProblem() {
    }

    /** @param offset where in {@code text} the error is (-1 when unknown) */
    static String describe(JsonProcessingException error, String text, int offset) {
        if (error instanceof StreamConstraintsException) return "nested too deeply or too long to read";
        char at = offset >= 0 && offset < text.length() ? text.charAt(offset) : 0;
        if (at == '/' || at == '#') return "a comment; JSON has no comments";
        if (at == '\'') return "a string in single quotes; JSON strings take double quotes";
        if ((at == '}' || at == ']') && previousNonBlank(text, offset) == ',') return "a comma before '" + at + "'; JSON allows no trailing comma";
        String message = error.getOriginalMessage() == null ? "" : error.getOriginalMessage();
        if (message.startsWith("Unexpected end-of-input")) return "the file ends before the JSON value does";
        if (message.contains("was expecting double-quote to start field name")) return "a key without double quotes";
        Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
        if (token.lookingAt()) {
            return "unexpected '" + token.group(1) + "': a JSON value is a \"string\", a number, an {object}, an [array], true, false or null";
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) message = message.substring(0, newline);
        message = PARSER_FEATURE.matcher(CHARACTER_CODE.matcher(message).replaceAll("")).replaceAll("").strip();
        return message.isEmpty() ? "the text is not JSON" : message;
    }

    private static char previousNonBlank(String text, int offset) {
        for (int index = offset - 1; index >= 0; index--) {
            char c = text.charAt(index);
            if (!Character.isWhitespace(c)) return c;
        }
        return 0;
    }
}
