package dev.shipshape.load.dockerfile;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.List;

/**
 * Reads a Dockerfile's text once, front to back, as BuildKit's parser does: parser directives
 * at the top, comments dropped (also between continued lines), blank lines skipped, lines
 * ending in the escape character joined with the next, and heredoc bodies read on request.
 */
final class DockerfileScanner {

    private final String file;
    private final String text;
    private final List<Diagnostic> diagnostics;
    private final ParserDirectives directives;

    private int next;
    private int lineNumber;
    private int lineStart;
    private int lineEnd;
    private int lineAfter;

    /** A heredoc's body; {@code terminated} is false when the file ended before its terminator. */
    record HeredocBody(String content, boolean terminated) {
    }

    DockerfileScanner(String file, String text, List<Diagnostic> diagnostics) {
        this.file = file;
        this.text = text;
        this.diagnostics = diagnostics;
        this.directives = new ParserDirectives(file, diagnostics);
        this.next = text.startsWith("\uFEFF") ? 1 : 0;
    }

    char escape() {
        return directives.escape();
    }

    /** The next instruction's text with its continuations joined, or null at the end of the file. */
    LogicalLine nextInstruction() {
        while (readPhysicalLine()) {
            int start = skipBlanks(lineStart);
            if (directives.accepting()) directives.offer(text.substring(start, lineEnd), lineNumber, column(start));
            if (start < lineEnd && text.charAt(start) == '#') continue;
            if (start == lineEnd) continue;

            LogicalLine logical = new LogicalLine(file, lineNumber);
            int cut = continuationAt(start);
            logical.append(text.subSequence(start, cut < 0 ? lineEnd : cut), lineNumber, column(start));
            int escapeLine = lineNumber;
            int escapeColumn = cut < 0 ? 0 : column(cut);
            int firstEmptyContinuation = 0;
            while (cut >= 0 && readPhysicalLine()) {
                int firstText = skipBlanks(lineStart);
                if (firstText < lineEnd && text.charAt(firstText) == '#') continue;
                if (firstText == lineEnd) {
                    if (firstEmptyContinuation == 0) firstEmptyContinuation = lineNumber;
                    continue;
                }
                cut = continuationAt(lineStart);
                logical.append(text.subSequence(lineStart, cut < 0 ? lineEnd : cut), lineNumber, 1);
                if (cut >= 0) {
                    escapeLine = lineNumber;
                    escapeColumn = column(cut);
                }
            }
            if (firstEmptyContinuation > 0) {
                diagnostics.add(Diagnostic.warning(Origin.at(file, firstEmptyContinuation, 1),
                        "empty continuation line: Docker deprecates blank lines inside a continued instruction"));
            }
            if (cut >= 0) {
                diagnostics.add(Diagnostic.warning(Origin.at(file, escapeLine, escapeColumn),
                        "the file ends with a line continuation: the instruction is cut short"));
            }
            return logical;
        }
        return null;
    }

    /** Reads the lines of one heredoc up to its terminator (which is not part of the body). */
    HeredocBody readHeredoc(HeredocMarker marker) {
        StringBuilder content = new StringBuilder();
        while (readPhysicalLine()) {
            int from = marker.chomp() ? skipTabs(lineStart) : lineStart;
            if (text.regionMatches(from, marker.terminator(), 0, marker.terminator().length())
                    && from + marker.terminator().length() == lineEnd) {
                return new HeredocBody(content.toString(), true);
            }
            content.append(text, from, lineEnd).append('\n');
        }
        return new HeredocBody(content.toString(), false);
    }

    /** The last physical line read so far. */
    int lineNumber() {
        return lineNumber;
    }

    private boolean readPhysicalLine() {
        if (next >= text.length()) return false;
        lineStart = next;
        int newline = text.indexOf('\n', next);
        lineAfter = newline < 0 ? text.length() : newline + 1;
        int end = newline < 0 ? text.length() : newline;
        while (end > lineStart && text.charAt(end - 1) == '\r') end--;
        lineEnd = end;
        next = lineAfter;
        lineNumber++;
        return true;
    }

    /**
     * Where the escape character that continues the current line stands, or -1 when the line
     * does not continue: the escape must be the last character but blanks, and not itself escaped.
     */
    private int continuationAt(int from) {
        char escape = directives.escape();
        int end = lineEnd;
        while (end > from && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
        if (end == from || text.charAt(end - 1) != escape) return -1;
        int at = end - 1;
        if (at > from && text.charAt(at - 1) == escape) return -1;
        return at;
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < lineEnd && ShellWords.isSpace(text.charAt(i))) i++;
        return i;
    }

    private int skipTabs(int from) {
        int i = from;
        while (i < lineEnd && text.charAt(i) == '\t') i++;
        return i;
    }

    private int column(int index) {
        return index - lineStart + 1;
    }
}
