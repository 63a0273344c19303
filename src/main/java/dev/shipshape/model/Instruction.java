package dev.shipshape.model;

import java.util.List;
import java.util.Map;

/**
 * One Dockerfile instruction after line continuations are joined.
 *
 * @param keyword   upper case: FROM, RUN, USER, …
 * @param arguments the text after the keyword and its flags, continuations joined with a space
 * @param execForm  the JSON array form's elements, or null for the shell form
 * @param flags     {@code --from=build}, {@code --chown=…} and the like, without the dashes
 * @param heredocs  the bodies of {@code <<EOF} heredocs, in order
 * @param onbuild   true when this is the trigger of an ONBUILD
 */
public record Instruction(
        String keyword,
        String arguments,
        List<String> execForm,
        Map<String, String> flags,
        List<String> heredocs,
        boolean onbuild,
        Origin origin) {

    public Instruction {
        execForm = execForm == null ? null : List.copyOf(execForm);
        flags = Map.copyOf(flags);
        heredocs = List.copyOf(heredocs);
    }

    public boolean isExecForm() {
        return execForm != null;
    }
}
