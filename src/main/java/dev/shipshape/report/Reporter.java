package dev.shipshape.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one output format. Reporters never close {@code out}. */
public interface Reporter {

    void write(Report report, Writer out) throws IOException;
}
