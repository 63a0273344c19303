package dev.shipshape.load.dockerfile;

import dev.shipshape.model.Origin;
import java.util.Arrays;

/**
 * One instruction's text with its line continuations joined, and the way back from any
 * position in that text to the line and column it was written at.
 */
final class LogicalLine {

    private final String file;
    private final StringBuilder text = new StringBuilder();
    private int[] segmentStarts = new int[2];
    private int[] segmentLines = new int[2];
    private int[] segmentColumns = new int[2];
    private int segments;
    private final int firstLine;
    private int lastLine;
    private String joined;

    LogicalLine(String file, int firstLine) {
        this.file = file;
        this.firstLine = firstLine;
        this.lastLine = firstLine;
    }

    /** Adds a piece of a physical line that starts at {@code line}:{@code column}. */
    void append(CharSequence piece, int line, int column) {
        if (segments == segmentStarts.length) {
            segmentStarts = Arrays.copyOf(segmentStarts, segments * 2);
            segmentLines = Arrays.copyOf(segmentLines, segments * 2);
            segmentColumns = Arrays.copyOf(segmentColumns, segments * 2);
        }
        segmentStarts[segments] = text.length();
        segmentLines[segments] = line;
        segmentColumns[segments] = column;
        segments++;
        text.append(piece);
        joined = null;
        lastLine = line;
    }

    String text() {
        if (joined == null) joined = text.toString();
        return joined;
    }

    int firstLine() {
        return firstLine;
    }

    int lastLine() {
        return lastLine;
    }

    /** Where the character at {@code offset} of the joined text was written. */
    Origin originAt(int offset) {
        if (segments == 0) return Origin.at(file, firstLine, 1);
        int segment = segments - 1;
        for (int i = 0; i < segments; i++) {
            int end = i + 1 < segments ? segmentStarts[i + 1] : text.length();
            if (segmentStarts[i] <= offset && offset < end) {
                segment = i;
                break;
            }
        }
        return Origin.at(file, segmentLines[segment], segmentColumns[segment] + offset - segmentStarts[segment]);
    }
}
