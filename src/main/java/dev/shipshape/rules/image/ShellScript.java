package dev.shipshape.rules.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A shell script read the way a POSIX shell splits it, far enough to see which commands run and
 * which of them are piped into which: words (quotes removed, command substitutions kept as
 * written and also collected), simple commands, and pipelines.
 *
 * <p>It is not an interpreter: control words ({@code if}, {@code then}, {@code do} …) stay words,
 * parentheses of subshells are ignored, redirections and their targets are dropped, and here-document
 * bodies inside the script are skipped. Malformed text (an unterminated quote) is read to its end.
 */
final class ShellScript {

    /**
     * One word of a command.
     *
     * @param text          the word as written
     * @param value         the word with quotes and escapes removed; substitutions kept as written
     * @param substitutions the scripts inside {@code $(…)}, {@code `…`}, {@code <(…)} and {@code >(…)}
     */
    record Word(String text, String value, List<String> substitutions) {

        Word {
            substitutions = List.copyOf(substitutions);
        }

        static Word literal(String value) {
            return new Word(value, value, List.of());
        }

        /** The script when the whole word is one command substitution ({@code "$(curl …)"}, {@code `curl …`}). */
        String onlySubstitution() {
            if (substitutions.size() != 1) return null;
            String inner = substitutions.getFirst();
            return value.equals("$(" + inner + ")") || value.equals("`" + inner + "`") ? inner : null;
        }

        /** The script when the word is one process substitution ({@code <(curl …)}). */
        String processSubstitution() {
            if (substitutions.size() != 1) return null;
            String inner = substitutions.getFirst();
            return text.equals("<(" + inner + ")") ? inner : null;
        }
    }

    /** A simple command: its words in order, assignments and control words included, redirections left out. */
    record Command(List<Word> words) {

        Command {
            words = List.copyOf(words);
        }

        /** A command given as a list of words with no shell between (a RUN in exec form). */
        static Command ofLiterals(List<String> words) {
            return new Command(words.stream().map(Word::literal).toList());
        }
    }

    /** Commands joined by {@code |} (or {@code |&}): each one's output is the next one's input. */
    record Pipeline(List<Command> commands) {

        Pipeline {
            commands = List.copyOf(commands);
        }
    }

    private ShellScript() {
    }

    static List<Pipeline> parse(String script) {
        return new Reader(script).read();
    }

    private static final class Reader {

        private final String text;
        private int pos;
        private final List<Pipeline> pipelines = new ArrayList<>();
        private final List<Command> pipeline = new ArrayList<>();
        private final List<Word> words = new ArrayList<>();
        private final Deque<HereDocument> hereDocuments = new ArrayDeque<>();

        private record HereDocument(String terminator, boolean stripTabs) {
        }

        Reader(String text) {
            this.text = text;
        }

        List<Pipeline> read() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '\n') {
                    pos++;
                    endPipeline();
                    skipHereDocumentBodies();
                } else if (c == '\\' && next == '\n') {
                    pos += 2;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') pos++;
                } else if (c == '|') {
                    if (next == '|') {
                        pos += 2;
                        endPipeline();
                    } else {
                        pos += next == '&' ? 2 : 1;
                        endCommand();
                    }
                } else if (c == '&') {
                    if (next == '>') {
                        redirection();
                    } else {
                        pos += next == '&' ? 2 : 1;
                        endPipeline();
                    }
                } else if (c == ';') {
                    pos++;
                    endPipeline();
                } else if (c == '(' || c == ')') {
                    pos++; // subshells and case patterns: what runs inside still runs
                } else if ((c == '<' || c == '>') && next == '(') {
                    words.add(word());
                } else if (c == '<' || c == '>' || startsNumberedRedirection()) {
                    redirection();
                } else {
                    words.add(word());
                }
            }
            endPipeline();
            return List.copyOf(pipelines);
        }

        private void endCommand() {
            if (!words.isEmpty()) pipeline.add(new Command(words));
            words.clear();
        }

        private void endPipeline() {
            endCommand();
            if (!pipeline.isEmpty()) pipelines.add(new Pipeline(pipeline));
            pipeline.clear();
        }

        /** {@code 2>&1}, {@code 3<file}: digits right before a redirection operator name a file descriptor. */
        private boolean startsNumberedRedirection() {
            int end = pos;
            while (end < text.length() && Character.isDigit(text.charAt(end))) end++;
            return end > pos && end < text.length() && (text.charAt(end) == '<' || text.charAt(end) == '>');
        }

        /** Skips a redirection and its target; a here-document's body is skipped at the end of its line. */
        private void redirection() {
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            int start = pos;
            while (pos < text.length() && "<>&|-".indexOf(text.charAt(pos)) >= 0 && pos - start < 3) pos++;
            String operator = text.substring(start, pos);
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
            if (pos >= text.length() || "\n;|&()<>".indexOf(text.charAt(pos)) >= 0) return;
            Word target = word();
            if (operator.startsWith("<<") && !operator.startsWith("<<<")) {
                hereDocuments.add(new HereDocument(target.value(), operator.startsWith("<<-")));
            }
        }

        private void skipHereDocumentBodies() {
            while (!hereDocuments.isEmpty()) {
                HereDocument document = hereDocuments.poll();
                while (pos < text.length()) {
                    int end = text.indexOf('\n', pos);
                    String line = text.substring(pos, end < 0 ? text.length() : end);
                    pos = end < 0 ? text.length() : end + 1;
                    String compared = document.stripTabs() ? line.replaceFirst("^\t+", "") : line;
                    if (compared.equals(document.terminator())) break;
                }
            }
        }

        private Word word() {
            int start = pos;
            StringBuilder value = new StringBuilder();
            List<String> substitutions = new ArrayList<>();
            if (text.charAt(pos) == '<' || text.charAt(pos) == '>') {
                String inner = balanced(pos + 2);
                substitutions.add(inner);
                value.append(text, start, pos);
                return new Word(text.substring(start, pos), value.toString(), substitutions);
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (" \t\r\n|&;()<>".indexOf(c) >= 0) break;
                if (c == '\\') {
                    if (next != '\n' && next != 0) value.append(next);
                    pos += next == 0 ? 1 : 2;
                } else if (c == '\'') {
                    int close = text.indexOf('\'', pos + 1);
                    int end = close < 0 ? text.length() : close;
                    value.append(text, pos + 1, end);
                    pos = close < 0 ? end : close + 1;
                } else if (c == '"') {
                    pos++;
                    doubleQuoted(value, substitutions);
                } else if (c == '$' || c == '`') {
                    dollarOrBacktick(value, substitutions);
                } else {
                    value.append(c);
                    pos++;
                }
            }
            return new Word(text.substring(start, pos), value.toString(), substitutions);
        }

        private void doubleQuoted(StringBuilder value, List<String> substitutions) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (c == '"') {
                    pos++;
                    return;
                }
                if (c == '\\' && "$`\"\\\n".indexOf(next) >= 0 && next != 0) {
                    if (next != '\n') value.append(next);
                    pos += 2;
                } else if (c == '$' || c == '`') {
                    dollarOrBacktick(value, substitutions);
                } else {
                    value.append(c);
                    pos++;
                }
            }
        }

        /** At a {@code $} or a backquote: a substitution, a parameter expansion, or a plain character. */
        private void dollarOrBacktick(StringBuilder value, List<String> substitutions) {
            char c = text.charAt(pos);
            char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
            if (c == '`') {
                int close = pos + 1;
                while (close < text.length() && text.charAt(close) != '`') close += text.charAt(close) == '\\' ? 2 : 1;
                String inner = text.substring(pos + 1, Math.min(close, text.length()));
                substitutions.add(inner);
                value.append('`').append(inner).append('`');
                pos = Math.min(close + 1, text.length());
            } else if (next == '(') {
                String inner = balanced(pos + 2);
                substitutions.add(inner);
                value.append("$(").append(inner).append(')');
            } else if (next == '{') {
                int close = text.indexOf('}', pos + 2);
                int end = close < 0 ? text.length() : close + 1;
                value.append(text, pos, end);
                pos = end;
            } else {
                value.append(c);
                pos++;
            }
        }

        /** The text from {@code from} up to its matching {@code )}; leaves {@code pos} after that parenthesis. */
        private String balanced(int from) {
            int depth = 1;
            int i = from;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    int close = closingQuote(i);
                    i = close < 0 ? text.length() : close + 1;
                    continue;
                }
                if (c == '(') depth++;
                if (c == ')' && --depth == 0) {
                    pos = i + 1;
                    return text.substring(from, i);
                }
                i++;
            }
            pos = text.length();
            return text.substring(Math.min(from, text.length()));
        }

        private int closingQuote(int open) {
            char quote = text.charAt(open);
            int i = open + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == quote) return i;
                i += c == '\\' && quote == '"' ? 2 : 1;
            }
            return -1;
        }
    }
}
