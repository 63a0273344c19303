package dev.shipshape.load.yaml;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Parses YAML (and JSON, which YAML 1.2 reads too) into located {@link YamlNode}s.
 *
 * <p>A syntax error does not throw: the documents read before it are kept and the error comes
 * back as a diagnostic with its line and column.
 */
public final class YamlDocuments {

    /** Aliases per collection: enough for real files, far too few for a "billion laughs" bomb. */
    private static final int MAX_ALIASES = 100;

    private YamlDocuments() {
    }

    /** The result of parsing one file: its documents in order, and the syntax error that stopped it, if any. */
    public record Parsed(List<YamlNode> documents, List<Diagnostic> diagnostics) {
    }

    public static Parsed parse(String file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(Math.max(text.length() + 1, 3 * 1024 * 1024))
                .setUseMarks(true)
                .build();
        List<YamlNode> documents = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                if (node != null) documents.add(new YamlNode(node, file));
            }
        } catch (MarkedYamlEngineException syntaxError) {
            Origin where = syntaxError.getProblemMark().or(syntaxError::getContextMark)
                    .map(mark -> origin(file, mark)).orElse(Origin.at(file, 1, 1));
            diagnostics.add(Diagnostic.error(where, "YAML syntax error: " + describe(syntaxError)));
        } catch (YamlEngineException otherError) {
            diagnostics.add(Diagnostic.error(Origin.at(file, 1, 1), "cannot read YAML: " + otherError.getMessage()));
        } catch (StackOverflowError nestedTooDeeply) {
            // snakeyaml-engine composes recursively; thousands of nested brackets exhaust the stack
            documents.clear();
            diagnostics.add(Diagnostic.error(Origin.at(file, 1, 1), "the YAML is nested too deeply to read"));
        }
        return new Parsed(documents, diagnostics);
    }

    private static Origin origin(String file, Mark mark) {
        return Origin.at(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(MarkedYamlEngineException error) {
        String problem = error.getProblem() == null ? "" : error.getProblem();
        String context = error.getContext() == null ? "" : error.getContext();
        String text = (context.isEmpty() ? problem : context + ", " + problem).trim();
        return text.isEmpty() ? "the document cannot be parsed" : text;
    }
}
