package dev.shipshape.load.yaml;

import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.composer.Composer;
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

    /**
     * How many nodes aliases may add to one file when they are expanded, beyond the nodes written:
     * real files with anchors ({@code <<: *defaults} on every service) add a few thousand; a
     * "billion laughs" document adds hundreds of millions from a few hundred bytes. The count of
     * aliases says nothing about this (81 aliases make a billion), so the parser's alias limit is
     * set out of the way and the expanded size is what is limited.
     */
    static final long MAX_ALIAS_EXPANSION = 1_000_000;
    private static final int NO_ALIAS_LIMIT = Integer.MAX_VALUE;

    private YamlDocuments() {
    }

    /** The result of parsing one file: its documents in order, and the syntax error that stopped it, if any. */
    public record Parsed(List<YamlNode> documents, List<Diagnostic> diagnostics) {
    }

    public static Parsed parse(String file, String text) {
        LoadSettingsBuilder builder = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(NO_ALIAS_LIMIT)
                .setCodePointLimit(Math.max(text.length() + 1, 3 * 1024 * 1024))
                .setUseMarks(true);
        Composer composer = new Composer(builder.build(), NestingLimitedParser.of(builder, text));
        List<YamlNode> documents = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        long expansionLeft = MAX_ALIAS_EXPANSION;
        boolean mayHaveAliases = text.indexOf('*') >= 0; // an alias is written *name
        try {
            while (composer.hasNext()) {
                Node node = composer.next();
                if (node == null) continue;
                if (!mayHaveAliases) {
                    documents.add(new YamlNode(node, file));
                    continue;
                }
                ExpandedSize.Result size = ExpandedSize.of(node);
                if (size.recursive().isPresent()) {
                    diagnostics.add(Diagnostic.error(new YamlNode(size.recursive().get(), file).origin(),
                            "this node contains itself through an alias, so it has no end; the document is not read"));
                    continue;
                }
                ExpandedSize.Measure measure = size.measure().orElseThrow();
                long added = measure.expanded() - measure.distinct();
                if (added > expansionLeft) {
                    Node at = ExpandedSize.innermostAbove(node, measure.distinct() + expansionLeft);
                    diagnostics.add(Diagnostic.error(new YamlNode(at, file).origin(), ("aliases here expand the document by more than %,d nodes "
                            + "(a \"billion laughs\" document?); the document is not read").formatted(MAX_ALIAS_EXPANSION)));
                    continue;
                }
                expansionLeft -= added;
                documents.add(new YamlNode(node, file));
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
