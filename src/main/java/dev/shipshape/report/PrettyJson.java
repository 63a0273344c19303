package dev.shipshape.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/**
 * The one JSON layout every JSON output uses: two-space indents, {@code "key": value}, "\n" line
 * ends on every platform, so that output diffs cleanly and golden files stay byte-stable.
 */
public final class PrettyJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private PrettyJson() {
    }

    public static JsonGenerator open(Writer out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        generator.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
        return generator;
    }

    /** Ends the document with a newline and flushes, leaving {@code out} open. */
    public static void finish(JsonGenerator generator, Writer out) throws IOException {
        generator.flush();
        out.write('\n');
        out.flush();
    }
}
