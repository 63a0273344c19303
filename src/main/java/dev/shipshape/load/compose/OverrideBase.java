package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.model.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The base file an override file is written against, when it is beside it ({@link OverrideNames}). A scan
 * that finds both judges them merged, through the base; this is for an override scanned without its base.
 * Compose runs the two merged; read alone, a service of
 * the override would seem to have no {@code restart:} when its base sets one. So a service of the
 * override without {@code restart:} inherits the base's, pointing at the base's line. Only
 * {@code restart:} is inherited: the override is still judged on what it writes.
 */
final class OverrideBase {

    private OverrideBase() {
    }

    /** The override with the base's {@code restart:} added to its services that set none; unchanged when it is no override or has no base beside it. */
    static Mapping withInheritedRestart(Path file, String shownPath, Mapping override, ComposeFiles files) {
        Path fileName = file.getFileName();
        if (fileName == null) return override;
        Optional<Mapping> baseServices = baseOf(file, fileName.toString(), shownPath, files).flatMap(base -> base.mapping("services"));
        Optional<Mapping> services = override.mapping("services");
        if (baseServices.isEmpty() || services.isEmpty()) return override;
        List<Member> inherited = new ArrayList<>();
        for (Member service : services.get().members()) {
            inherited.add(service.value() instanceof Mapping definition && definition.member("restart").isEmpty()
                    ? baseServices.get().mapping(service.key())
                            .flatMap(base -> base.member("restart"))
                            .map(restart -> withMember(service, definition, restart))
                            .orElse(service)
                    : service);
        }
        List<Member> members = new ArrayList<>();
        for (Member member : override.members()) {
            members.add(member.key().equals("services")
                    ? new Member(member.key(), member.keyOrigin(), services.get().withMembers(inherited))
                    : member);
        }
        return override.withMembers(members);
    }

    private static Member withMember(Member service, Mapping definition, Member added) {
        List<Member> members = new ArrayList<>(definition.members());
        members.add(added);
        return new Member(service.key(), service.keyOrigin(), definition.withMembers(members));
    }

    private static Optional<Mapping> baseOf(Path file, String name, String shownPath, ComposeFiles files) {
        for (String candidate : OverrideNames.baseNames(name)) {
            Path sibling = file.resolveSibling(candidate);
            if (!Files.isRegularFile(sibling)) continue;
            String shown = ComposeFiles.shownSibling(shownPath, candidate);
            return files.readReferenced(sibling, shown, Origin.at(shown, 1, 1), "the base file", false)
                    .filter(Mapping.class::isInstance).map(Mapping.class::cast);
        }
        return Optional.empty();
    }
}
