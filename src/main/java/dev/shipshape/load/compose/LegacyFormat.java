package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy Compose file format 1: services at the top level, no {@code services:} key. Docker
 * Compose v2 no longer runs it, but such files are still around; they are read as services, with a warning.
 */
final class LegacyFormat {

    private LegacyFormat() {
    }

    /** The file as the current format would write it, or the file itself when it is not format 1. */
    static Mapping asCurrentFormat(Mapping root, List<Diagnostic> diagnostics) {
        if (root.member("services").isPresent() || root.member("version").isPresent()) return root;
        List<Member> services = new ArrayList<>();
        for (Member member : root.members()) {
            if (member.value() instanceof Mapping definition && looksLikeService(definition)) services.add(member);
        }
        if (services.isEmpty()) return root;
        diagnostics.add(Diagnostic.warning(root.origin(),
                "legacy Compose file format 1 (services at the top level, no 'services:' key); read as services"));
        Mapping serviceMapping = new Mapping(services, root.origin(), root.lastLine(), null);
        return root.withMembers(List.of(new Member("services", root.origin(), serviceMapping)));
    }

    private static boolean looksLikeService(Mapping definition) {
        return definition.member("image").isPresent() || definition.member("build").isPresent() || definition.member("extends").isPresent();
    }
}
