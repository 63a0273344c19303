package dev.shipshape.load.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <<WORD} (or {@code <<-WORD}, {@code 3<<"WORD"}) on an instruction line.
 *
 * @param terminator the line that ends the body, quotes removed
 * @param chomp      {@code <<-}: leading tabs are stripped from the body and the terminator
 */
record HeredocMarker(String terminator, boolean chomp) {

    /** BuildKit lexes heredoc words with the backslash, whatever the escape directive says. */
    private static final char ESCAPE = '\\';

    /**
     * The heredocs a line opens, in order, following BuildKit's {@code heredocsFromLine}:
     * the line is split into raw shell words and each word that reads {@code [n]<<[-]WORD} opens one.
     * A line whose quotes do not balance opens none.
     */
    static List<HeredocMarker> find(String line) {
        List<HeredocMarker> markers = new ArrayList<>();
        List<String> words = rawWords(line);
        if (words == null) return markers;
        for (String word : words) {
            HeredocMarker marker = parse(word);
            if (marker != null) markers.add(marker);
        }
        return markers;
    }

    private static HeredocMarker parse(String word) {
        int i = 0;
        while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') i++;
        if (!word.startsWith("<<", i)) return null;
        i += 2;
        boolean chomp = i < word.length() && word.charAt(i) == '-';
        if (chomp) i++;
        while (i < word.length() && isRegexSpace(word.charAt(i))) i++;
        String rest = word.substring(i);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) return null;
        String name = ShellWords.unquote(rest, ESCAPE).value();
        return name.isEmpty() ? null : new HeredocMarker(name, chomp);
    }

    /** RE2's {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** Shell words with quotes and escapes kept; the blanks right after {@code <<} stay in the word. Null when a quote is left open. */
    private static List<String> rawWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int length = line.length();
        int i = 0;
        while (i < length) {
            char ch = line.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = closingQuote(line, i);
                if (end < 0) return null;
                word.append(line, i, end + 1);
                i = end + 1;
            } else if (ch == '<' && i + 1 < length && line.charAt(i + 1) == '<') {
                int end = i + 2;
                while (end < length && ShellWords.isSpace(line.charAt(end))) end++;
                word.append(line, i, end);
                i = end;
            } else if (ch == ESCAPE) {
                word.append(line, i, Math.min(i + 2, length));
                i += 2;
            } else if (ShellWords.isSpace(ch)) {
                if (!word.isEmpty()) words.add(word.toString());
                word.setLength(0);
                i++;
            } else {
                word.append(ch);
                i++;
            }
        }
        if (!word.isEmpty()) words.add(word.toString());
        return words;
    }

    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == quote) return i;
            if (quote == '"' && ch == ESCAPE) i++;
        }
        return -1;
    }
}
