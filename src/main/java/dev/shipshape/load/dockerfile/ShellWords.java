package dev.shipshape.load.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The word rules of the Dockerfile language, as BuildKit's parser and shell lexer apply them
 * (frontend/dockerfile/parser/line_parsers.go and shell/lex.go); variables are never expanded.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** A word after quote removal; {@code interpolated} when it refers to a variable ({@code $X}, {@code ${X}}). */
    record Word(String value, boolean interpolated) {
    }

    /** Go's {@code unicode.IsSpace} for the characters a Dockerfile can hold. */
    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u00A0' -> true;
            default -> Character.isSpaceChar(c);
        };
    }

    /** BuildKit's {@code reWhitespace}: the separators between a keyword and its arguments. */
    static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) start++;
        while (end > start && isSpace(text.charAt(end - 1))) end--;
        return text.substring(start, end);
    }

    /** Splits on runs of separators, as {@code reWhitespace.Split(text, -1)} does for trimmed text. */
    static List<String> splitOnSeparators(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            if (isSeparator(text.charAt(i))) {
                parts.add(text.substring(start, i));
                while (i < text.length() && isSeparator(text.charAt(i))) i++;
                start = i;
            } else {
                i++;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /**
     * The words of an ENV, LABEL or ARG line with their quotes and escapes still in them
     * (BuildKit's {@code parseWords}); quotes keep spaces inside one word.
     */
    static List<String> quotedWords(String rest, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean blankOk = false;
        char quote = 0;
        boolean inQuote = false;
        int length = rest.length();
        for (int pos = 0; pos < length; pos++) {
            char ch = rest.charAt(pos);
            if (!inWord && !inQuote) {
                if (isSpace(ch)) continue;
                inWord = true;
            }
            if (inWord) {
                if (isSpace(ch)) {
                    if (blankOk || !word.isEmpty()) words.add(word.toString());
                    word.setLength(0);
                    blankOk = false;
                    inWord = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                }
                if (ch == escape) {
                    if (pos + 1 == length) continue;
                    word.append(ch);
                    ch = rest.charAt(++pos);
                }
                word.append(ch);
                continue;
            }
            // inside quotes
            if (ch == quote) {
                inQuote = false;
                inWord = true;
            }
            if (ch == escape && quote != '\'') {
                if (pos + 1 == length) {
                    inQuote = false;
                    inWord = true;
                    continue;
                }
                word.append(ch);
                ch = rest.charAt(++pos);
            }
            word.append(ch);
        }
        if ((inWord || inQuote) && (blankOk || !word.isEmpty())) words.add(word.toString());
        return words;
    }

    /**
     * Removes quotes and escapes from one word as the shell lexer's {@code ProcessWord} does,
     * leaving variable references as written.
     */
    static Word unquote(String word, char escape) {
        StringBuilder out = new StringBuilder(word.length());
        boolean interpolated = false;
        int length = word.length();
        int i = 0;
        while (i < length) {
            char ch = word.charAt(i);
            if (ch == '\'') {
                int close = word.indexOf('\'', i + 1);
                int end = close < 0 ? length : close;
                out.append(word, i + 1, end);
                i = close < 0 ? length : close + 1;
            } else if (ch == '"') {
                i++;
                while (i < length && word.charAt(i) != '"') {
                    char inner = word.charAt(i);
                    if (inner == '$' && startsVariable(word, i)) {
                        interpolated = true;
                    } else if (inner == escape && i + 1 < length) {
                        char next = word.charAt(i + 1);
                        if (next == '"' || next == '$' || next == escape) {
                            out.append(next);
                            i += 2;
                            continue;
                        }
                    } else if (inner == escape) {
                        i++;
                        continue;
                    }
                    out.append(inner);
                    i++;
                }
                i++;
            } else if (ch == escape) {
                if (i + 1 < length) out.append(word.charAt(i + 1));
                i += 2;
            } else {
                if (ch == '$' && startsVariable(word, i)) interpolated = true;
                out.append(ch);
                i++;
            }
        }
        return new Word(out.toString(), interpolated);
    }

    /** True when the {@code $} at {@code dollar} begins a variable reference rather than standing for itself. */
    private static boolean startsVariable(String word, int dollar) {
        if (dollar + 1 >= word.length()) return false;
        char next = word.charAt(dollar + 1);
        return next == '{' || next == '_' || Character.isLetterOrDigit(next)
                || "@*#?-$!".indexOf(next) >= 0;
    }
}
