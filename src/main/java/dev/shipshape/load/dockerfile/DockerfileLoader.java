package dev.shipshape.load.dockerfile;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Image;
import dev.shipshape.model.Instruction;
import dev.shipshape.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a Dockerfile into the model, reading it the way BuildKit's Dockerfile frontend does.
 *
 * <p>The text is read once, front to back. Each instruction's origin is its keyword; an ONBUILD
 * trigger's origin is the trigger's keyword ({@code RUN} in {@code ONBUILD RUN …}). A stage's
 * instructions begin with its FROM. Problems become diagnostics with their line, and the rest
 * of the file is still read.
 */
public final class DockerfileLoader {

    public LoadResult load(String shownPath, String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Inventory.Builder inventory = Inventory.builder();
        parse(shownPath, text, diagnostics).ifPresent(inventory::add);
        return new LoadResult(inventory.build(), diagnostics, List.of(), List.of());
    }

    /** Parses a Dockerfile; problems go to {@code diagnostics}; empty when it has no FROM. */
    public Optional<Image> parse(String shownPath, String text, List<Diagnostic> diagnostics) {
        DockerfileScanner scanner = new DockerfileScanner(shownPath, text, diagnostics);
        InstructionParser parser = new InstructionParser(diagnostics);
        ImageAssembler assembler = null;
        for (LogicalLine line = scanner.nextInstruction(); line != null; line = scanner.nextInstruction()) {
            // the escape character is settled once the first instruction is read
            if (assembler == null) assembler = new ImageAssembler(shownPath, scanner.escape(), diagnostics);
            InstructionParser.Parsed parsed = parser.parse(line, scanner.escape());
            if (parsed == null) continue;
            Instruction instruction = parsed.instruction();
            String lineText = line.text();
            if (parsed.heredocCapable() && lineText.contains("<<")) {
                instruction = withHeredocs(instruction, lineText, scanner, diagnostics);
            }
            assembler.add(instruction);
        }
        if (assembler == null) assembler = new ImageAssembler(shownPath, scanner.escape(), diagnostics);
        return assembler.finish();
    }

    private static Instruction withHeredocs(Instruction instruction, String lineText, DockerfileScanner scanner,
                                            List<Diagnostic> diagnostics) {
        List<HeredocMarker> markers = HeredocMarker.find(lineText);
        if (markers.isEmpty()) return instruction;
        List<String> bodies = new ArrayList<>(markers.size());
        for (HeredocMarker marker : markers) {
            DockerfileScanner.HeredocBody body = scanner.readHeredoc(marker);
            bodies.add(body.content());
            if (!body.terminated()) {
                diagnostics.add(Diagnostic.error(instruction.origin(), "unterminated heredoc: no line \""
                        + marker.terminator() + "\" ends it before the end of the file"));
                break;
            }
        }
        return new Instruction(instruction.keyword(), instruction.arguments(), instruction.execForm(),
                instruction.flags(), bodies, instruction.onbuild(), instruction.origin());
    }
}
