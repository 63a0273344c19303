package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.load.compose.ComposeNode.Sequence;
import dev.shipshape.model.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Top-level {@code include:} ({@code - path} or {@code - path: [a, b]}): each included file's services,
 * networks and volumes join the model as they are. A name the including file also defines is a
 * conflict, as in Compose; the including file's definition is kept.
 */
final class IncludedFiles {

    private static final List<String> IMPORTED_SECTIONS = List.of("services", "networks", "volumes", "secrets", "configs");

    private final ComposeFiles files;
    private final ServiceExtends extendsResolver;
    private final List<Diagnostic> diagnostics;

    IncludedFiles(ComposeFiles files, ServiceExtends extendsResolver, List<Diagnostic> diagnostics) {
        this.files = files;
        this.extendsResolver = extendsResolver;
        this.diagnostics = diagnostics;
    }

    Mapping apply(Mapping root, String shownFile) {
        Optional<Member> include = root.member("include");
        if (include.isEmpty()) return root;
        Mapping result = root;
        for (Scalar path : paths(include.get())) {
            Optional<ComposeFiles.Location> location = files.locate(shownFile, path.text().trim());
            if (location.isEmpty()) {
                diagnostics.add(Diagnostic.error(path.origin(), "include: \"" + path.text() + "\" is not a file path"));
                continue;
            }
            Optional<ComposeNode> included = files.readReferenced(location.get().real(), location.get().shown(), path.origin(), "the included file", false);
            if (included.isEmpty()) continue;
            if (!(included.get() instanceof Mapping includedRoot)) {
                diagnostics.add(Diagnostic.error(path.origin(), "include: " + location.get().shown() + " is not a Compose file"));
                continue;
            }
            result = imported(result, extendsResolver.resolveAll(includedRoot, location.get().shown()), location.get().shown());
        }
        return result;
    }

    private List<Scalar> paths(Member include) {
        List<Scalar> paths = new ArrayList<>();
        if (!(include.value() instanceof Sequence entries)) {
            diagnostics.add(Diagnostic.error(include.value().origin(), "'include' must be a list, not " + include.value().describeType()));
            return paths;
        }
        for (ComposeNode entry : entries.items()) {
            ComposeNode path = entry instanceof Mapping mapping ? mapping.get("path").orElse(entry) : entry;
            List<ComposeNode> candidates = path instanceof Sequence several ? several.items() : List.of(path);
            for (ComposeNode candidate : candidates) {
                if (candidate instanceof Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
                    paths.add(scalar);
                } else {
                    diagnostics.add(Diagnostic.error(candidate.origin(), "an include entry must name a file"));
                }
            }
        }
        return paths;
    }

    private Mapping imported(Mapping root, Mapping included, String includedFile) {
        List<Member> members = new ArrayList<>(root.members());
        for (String section : IMPORTED_SECTIONS) {
            Optional<Mapping> importedSection = included.mapping(section);
            if (importedSection.isEmpty()) continue;
            Optional<Member> localMember = root.member(section);
            Mapping local = localMember.map(Member::value).filter(Mapping.class::isInstance).map(Mapping.class::cast).orElse(null);
            List<Member> combined = new ArrayList<>(local == null ? List.of() : local.members());
            Set<String> localNames = new HashSet<>();
            combined.forEach(member -> localNames.add(member.key()));
            for (Member definition : importedSection.get().members()) {
                if (localNames.contains(definition.key())) {
                    if (!section.equals("services")) continue;
                    diagnostics.add(Diagnostic.error(local.member(definition.key()).orElseThrow().keyOrigin(),
                            "service '" + definition.key() + "' is also defined in the included file " + includedFile));
                } else {
                    combined.add(definition);
                }
            }
            Member replacement = localMember.isPresent() && local != null
                    ? new Member(section, localMember.get().keyOrigin(), local.withMembers(combined))
                    : new Member(section, importedSection.get().origin(), importedSection.get().withMembers(combined));
            if (localMember.isPresent()) {
                members.replaceAll(member -> member == localMember.get() ? replacement : member);
            } else {
                members.add(replacement);
            }
        }
        return root.withMembers(members);
    }
}
