package dev.shipshape.load.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code name=value} pairs of an ENV or LABEL, in either form BuildKit's
 * {@code parseNameVal} accepts: {@code KEY a=1 b="two words"} or the old {@code KEY name value}.
 */
final class NameValuePairs {

    /** One pair with quotes removed; {@code interpolated} when the value refers to a variable. */
    record Pair(String name, String value, boolean interpolated) {
    }

    /** The pairs, or the reason the line cannot be read (then {@code pairs} is empty). */
    record Result(List<Pair> pairs, String error) {
    }

    private NameValuePairs() {
    }

    static Result parse(String keyword, String arguments, char escape) {
        List<String> words = ShellWords.quotedWords(arguments, escape);
        if (words.isEmpty()) return failure(keyword + " requires at least one argument");
        List<Pair> pairs = new ArrayList<>();
        if (words.getFirst().indexOf('=') < 0) {
            List<String> parts = splitOnce(arguments);
            if (parts.size() < 2) return failure(keyword + " must have two arguments");
            pairs.add(pair(parts.get(0), parts.get(1), escape));
        } else {
            for (String word : words) {
                int equals = word.indexOf('=');
                if (equals < 0) {
                    return failure("Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
                }
                pairs.add(pair(word.substring(0, equals), word.substring(equals + 1), escape));
            }
        }
        for (Pair pair : pairs) {
            if (pair.name().isEmpty()) return failure(keyword + " names can not be blank");
        }
        return new Result(pairs, null);
    }

    private static Pair pair(String name, String value, char escape) {
        ShellWords.Word unquoted = ShellWords.unquote(value, escape);
        return new Pair(ShellWords.unquote(name, escape).value(), unquoted.value(), unquoted.interpolated());
    }

    /** {@code reWhitespace.Split(arguments, 2)}. */
    private static List<String> splitOnce(String arguments) {
        int i = 0;
        while (i < arguments.length() && !ShellWords.isSeparator(arguments.charAt(i))) i++;
        if (i == arguments.length()) return List.of(arguments);
        int rest = i;
        while (rest < arguments.length() && ShellWords.isSeparator(arguments.charAt(rest))) rest++;
        return List.of(arguments.substring(0, i), arguments.substring(rest));
    }

    private static Result failure(String error) {
        return new Result(List.of(), error);
    }
}
