package dev.shipshape.load.dockerfile;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one joined instruction line into an {@link Instruction}: keyword, {@code --flags},
 * arguments and, where the instruction allows it, the JSON exec form (BuildKit's
 * {@code splitCommand}, {@code extractBuilderFlags} and line parsers).
 *
 * <p>A flag given twice ({@code RUN --mount=… --mount=…}) keeps every value, joined with a
 * newline, since {@link Instruction#flags()} holds one value per name.
 */
final class InstructionParser {

    static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER",
            "VOLUME", "WORKDIR");
    private static final Set<String> MAYBE_JSON = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "ADD", "COPY", "VOLUME");
    private static final Set<String> HEREDOC_CAPABLE = Set.of("RUN", "ADD", "COPY");
    private static final Set<String> NOT_TRIGGERS = Set.of("ONBUILD", "FROM", "MAINTAINER");

    private final List<Diagnostic> diagnostics;

    InstructionParser(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** An instruction, and whether it may open heredocs (RUN, ADD, COPY in shell form, also as ONBUILD triggers). */
    record Parsed(Instruction instruction, boolean heredocCapable) {
    }

    /** The instruction on this line, or null when there is none to keep (an unknown keyword, a broken ONBUILD). */
    Parsed parse(LogicalLine line, char escape) {
        String text = line.text();
        Split split = split(text, 0, escape);
        if (split == null) return null;
        Origin origin = line.originAt(split.keywordStart);
        if (!KEYWORDS.contains(split.keyword)) {
            diagnostics.add(Diagnostic.error(origin, "unknown instruction: " + split.writtenKeyword));
            return null;
        }
        if (!split.keyword.equals("ONBUILD")) return build(split, origin, false);

        if (split.arguments.isEmpty()) {
            diagnostics.add(Diagnostic.error(origin, "ONBUILD requires at least one argument"));
            return null;
        }
        Split trigger = split(text, split.argumentsStart, escape);
        Origin triggerOrigin = line.originAt(trigger.keywordStart);
        if (NOT_TRIGGERS.contains(trigger.keyword)) {
            diagnostics.add(Diagnostic.error(triggerOrigin, trigger.keyword.equals("ONBUILD")
                    ? "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
                    : trigger.keyword + " isn't allowed as an ONBUILD trigger"));
            return null;
        }
        if (!KEYWORDS.contains(trigger.keyword)) {
            diagnostics.add(Diagnostic.warning(triggerOrigin, "unknown instruction in ONBUILD: "
                    + trigger.writtenKeyword + "; builds FROM this image will fail"));
            return null;
        }
        return build(trigger, triggerOrigin, true);
    }

    private Parsed build(Split split, Origin origin, boolean onbuild) {
        List<String> execForm = null;
        String keyword = split.keyword;
        if (MAYBE_JSON.contains(keyword) && !split.arguments.isEmpty()) {
            execForm = execForm(split.arguments, origin);
        } else if (keyword.equals("HEALTHCHECK")) {
            int typeEnd = 0;
            while (typeEnd < split.arguments.length() && !ShellWords.isSpace(split.arguments.charAt(typeEnd))) typeEnd++;
            String command = split.arguments.substring(typeEnd).stripLeading();
            if (!command.isEmpty()) execForm = execForm(command, origin);
        }
        Instruction instruction = new Instruction(keyword, split.arguments, execForm, split.flags, List.of(), onbuild, origin);
        return new Parsed(instruction, HEREDOC_CAPABLE.contains(keyword) && execForm == null);
    }

    private List<String> execForm(String arguments, Origin origin) {
        return switch (JsonStringArray.parse(arguments)) {
            case JsonStringArray.ExecForm form -> form.elements();
            case JsonStringArray.ShellForm shell -> null;
            case JsonStringArray.NotStrings notStrings -> {
                diagnostics.add(Diagnostic.error(origin,
                        "when using JSON array syntax, arrays must be comprised of strings only"));
                yield null;
            }
        };
    }

    /** A keyword, its flags and the rest, with offsets into the joined line. */
    private record Split(String writtenKeyword, String keyword, int keywordStart, Map<String, String> flags,
                         String arguments, int argumentsStart) {
    }

    private static Split split(String text, int from, char escape) {
        int end = text.length();
        while (end > from && ShellWords.isSpace(text.charAt(end - 1))) end--;
        int start = from;
        while (start < end && ShellWords.isSpace(text.charAt(start))) start++;
        if (start == end) return null;
        int keywordEnd = start;
        while (keywordEnd < end && !ShellWords.isSeparator(text.charAt(keywordEnd))) keywordEnd++;
        String written = text.substring(start, keywordEnd);
        int restStart = keywordEnd;
        while (restStart < end && ShellWords.isSeparator(text.charAt(restStart))) restStart++;

        List<String> flagWords = new ArrayList<>();
        int argumentsStart = restStart < end ? extractFlags(text, restStart, end, escape, flagWords) : end;
        while (argumentsStart < end && ShellWords.isSpace(text.charAt(argumentsStart))) argumentsStart++;
        return new Split(written, written.toUpperCase(Locale.ROOT), start, flags(flagWords),
                text.substring(argumentsStart, end), argumentsStart);
    }

    /**
     * BuildKit's {@code extractBuilderFlags}: leading words that start with {@code --} are flags
     * (quotes and escapes removed); returns where the arguments start.
     */
    private static int extractFlags(String text, int from, int end, char escape, List<String> words) {
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean inQuote = false;
        boolean blankOk = false;
        char quote = 0;
        for (int pos = from; pos <= end; pos++) {
            char ch = pos < end ? text.charAt(pos) : 0;
            if (!inWord && !inQuote) {
                if (pos == end) break;
                if (ShellWords.isSpace(ch)) continue;
                if (ch != '-' || pos + 1 == end || text.charAt(pos + 1) != '-') return pos;
                inWord = true;
            }
            if (pos == end) {
                String last = word.toString();
                if (!last.equals("--") && (blankOk || !last.isEmpty())) words.add(last);
                break;
            }
            if (inWord) {
                if (ShellWords.isSpace(ch)) {
                    String done = word.toString();
                    inWord = false;
                    if (done.equals("--")) return pos;
                    if (blankOk || !done.isEmpty()) words.add(done);
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == end) continue;
                    ch = text.charAt(++pos);
                }
                word.append(ch);
                continue;
            }
            if (ch == quote) {
                inQuote = false;
                inWord = true;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == end) {
                    inQuote = false;
                    inWord = true;
                    continue;
                }
                ch = text.charAt(++pos);
            }
            word.append(ch);
        }
        return end;
    }

    private static Map<String, String> flags(List<String> words) {
        if (words.isEmpty()) return Map.of();
        Map<String, String> flags = new LinkedHashMap<>();
        for (String word : words) {
            String flag = word.startsWith("--") ? word.substring(2) : word;
            int equals = flag.indexOf('=');
            String name = equals < 0 ? flag : flag.substring(0, equals);
            String value = equals < 0 ? "" : flag.substring(equals + 1);
            flags.merge(name, value, (first, second) -> first + "\n" + second);
        }
        return flags;
    }
}
