package dev.shipshape.rules.image;

import dev.shipshape.model.Instruction;
import dev.shipshape.rules.image.Invocation.ScriptKind;
import dev.shipshape.rules.image.ShellScript.Command;
import dev.shipshape.rules.image.ShellScript.Pipeline;
import dev.shipshape.rules.image.ShellScript.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shell code a RUN instruction runs, as pipelines: its command line (or its exec-form words),
 * the bodies of its here-documents when a shell runs them, and, read again, the code nested in
 * those: the code of {@code sh -c '…'}, {@code su -c '…'} and {@code eval}, and command substitutions.
 */
final class RunScripts {

    /** Nesting deeper than this is not read: {@code sh -c "sh -c 'sh -c …'"} is not how builds are written. */
    private static final int MAX_DEPTH = 4;

    private RunScripts() {
    }

    static List<Pipeline> pipelines(Instruction run) {
        List<Pipeline> top = run.isExecForm()
                ? List.of(new Pipeline(List.of(Command.ofLiterals(run.execForm()))))
                : ShellScript.parse(run.arguments());
        List<Pipeline> all = new ArrayList<>();
        collect(top, 0, all);
        if (!run.heredocs().isEmpty() && hereDocumentsAreScripts(top)) {
            for (String body : run.heredocs()) {
                if (isShellScript(body)) collect(ShellScript.parse(body), 0, all);
            }
        }
        return all;
    }

    /** {@code RUN <<EOF} (the build's shell runs the body) or {@code RUN bash <<EOF} / {@code RUN <<EOF sh -s}. */
    private static boolean hereDocumentsAreScripts(List<Pipeline> top) {
        if (top.isEmpty()) return true;
        Optional<Invocation> first = Invocation.of(top.getFirst().commands().getFirst());
        return first.isEmpty() || first.get().isShell() && first.get().script().kind() == ScriptKind.STDIN;
    }

    /** A body without a {@code #!} line is run by the shell; with one, only when it names a shell. */
    private static boolean isShellScript(String body) {
        if (!body.startsWith("#!")) return true;
        int end = body.indexOf('\n');
        List<Pipeline> shebang = ShellScript.parse(body.substring(2, end < 0 ? body.length() : end));
        if (shebang.isEmpty()) return false;
        return Invocation.of(shebang.getFirst().commands().getFirst()).map(Invocation::isShell).orElse(false);
    }

    private static void collect(List<Pipeline> pipelines, int depth, List<Pipeline> into) {
        for (Pipeline pipeline : pipelines) {
            into.add(pipeline);
            if (depth >= MAX_DEPTH) continue;
            for (Command command : pipeline.commands()) {
                for (Word word : command.words()) {
                    for (String substitution : word.substitutions()) collect(ShellScript.parse(substitution), depth + 1, into);
                }
                Invocation.of(command)
                        .filter(Invocation::runsShellCode)
                        .map(Invocation::script)
                        .filter(script -> script.kind() == ScriptKind.CODE)
                        .ifPresent(script -> collect(ShellScript.parse(script.word().value()), depth + 1, into));
            }
        }
    }
}
