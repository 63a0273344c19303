package dev.shipshape.load.compose;

import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.load.compose.ComposeNode.Scalar;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code extends: {service, file}} in one file's services, recursively and across files,
 * with the Compose merge rules (the extending service wins). A cycle or a missing base is a
 * diagnostic at the {@code extends} entry, and the service keeps its own definition.
 */
final class ServiceExtends {

    private final ComposeFiles files;
    private final List<Diagnostic> diagnostics;
    private final Map<String, Mapping> resolved = new HashMap<>();

    ServiceExtends(ComposeFiles files, List<Diagnostic> diagnostics) {
        this.files = files;
        this.diagnostics = diagnostics;
    }

    /** The file's top-level mapping with every service's {@code extends} resolved and removed. */
    Mapping resolveAll(Mapping root, String shownFile) {
        Optional<Member> servicesMember = root.member("services");
        if (servicesMember.isEmpty() || !(servicesMember.get().value() instanceof Mapping services)) return root;
        if (services.members().stream().noneMatch(service -> service.value() instanceof Mapping mapping && mapping.member("extends").isPresent())) {
            return root;
        }
        List<Member> resolvedServices = new ArrayList<>(services.members().size());
        for (Member service : services.members()) {
            ComposeNode value = service.value();
            if (value instanceof Mapping definition) value = resolve(shownFile, services, service.key(), definition, new ArrayList<>());
            resolvedServices.add(new Member(service.key(), service.keyOrigin(), value));
        }
        List<Member> rootMembers = new ArrayList<>(root.members());
        rootMembers.replaceAll(member -> member == servicesMember.get()
                ? new Member(member.key(), member.keyOrigin(), services.withMembers(resolvedServices))
                : member);
        return root.withMembers(rootMembers);
    }

    private Mapping resolve(String shownFile, Mapping services, String name, Mapping definition, List<String> chain) {
        String id = shownFile + "#" + name;
        Mapping done = resolved.get(id);
        if (done != null) return done;
        Optional<Member> extendsMember = definition.member("extends");
        if (extendsMember.isEmpty()) return definition;
        Mapping own = withoutExtends(definition);
        Member reference = extendsMember.get();

        Optional<BaseReference> base = baseReference(reference);
        if (base.isEmpty()) return own;
        if (chain.contains(id)) {
            diagnostics.add(Diagnostic.error(reference.keyOrigin(), "extends cycle: "
                    + String.join(" -> ", chain.stream().map(ServiceExtends::serviceOf).toList()) + " -> " + name));
            return own;
        }
        chain.add(id);
        try {
            String baseFile = shownFile;
            Mapping baseServices = services;
            if (base.get().file() != null) {
                Optional<ComposeFiles.Location> location = files.locate(shownFile, base.get().file().text());
                if (location.isEmpty()) {
                    diagnostics.add(Diagnostic.error(base.get().file().origin(), "extends: \"" + base.get().file().text() + "\" is not a file path"));
                    return own;
                }
                baseFile = location.get().shown();
                Optional<ComposeNode> baseTree = files.readReferenced(location.get().real(), baseFile,
                        base.get().file().origin(), "the extends file", false);
                if (baseTree.isEmpty()) return own;
                Optional<Mapping> fileServices = baseTree.filter(Mapping.class::isInstance).map(Mapping.class::cast).flatMap(root -> root.mapping("services"));
                if (fileServices.isEmpty()) {
                    diagnostics.add(Diagnostic.error(base.get().service().origin(), "extends: " + baseFile + " defines no services"));
                    return own;
                }
                baseServices = fileServices.get();
            }
            String baseName = base.get().service().text();
            Optional<ComposeNode> baseDefinition = baseServices.get(baseName);
            if (baseDefinition.isEmpty() || !(baseDefinition.get() instanceof Mapping baseMapping)) {
                diagnostics.add(Diagnostic.error(base.get().service().origin(), "extends: service '" + baseName + "' is not defined"
                        + (base.get().file() == null ? "" : " in " + baseFile)));
                return own;
            }
            Mapping resolvedBase = resolve(baseFile, baseServices, baseName, baseMapping, chain);
            Mapping merged = ComposeMerge.service(resolvedBase, own);
            // The merged definition stays where the extending service is written.
            Mapping located = new Mapping(merged.members(), definition.origin(), definition.lastLine(), definition.tag());
            resolved.put(id, located);
            return located;
        } finally {
            chain.removeLast();
        }
    }

    /** The service and file an {@code extends} entry names; empty (and reported) when it names none. */
    private record BaseReference(Scalar service, Scalar file) {
    }

    private Optional<BaseReference> baseReference(Member reference) {
        ComposeNode value = reference.value();
        if (value instanceof Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return Optional.of(new BaseReference(scalar, null));
        }
        if (value instanceof Mapping mapping) {
            Optional<ComposeNode> service = mapping.get("service");
            if (service.isPresent() && service.get() instanceof Scalar serviceName && !serviceName.isNull() && !serviceName.text().isBlank()) {
                Scalar file = mapping.get("file").filter(Scalar.class::isInstance).map(Scalar.class::cast)
                        .filter(scalar -> !scalar.isNull() && !scalar.text().isBlank()).orElse(null);
                return Optional.of(new BaseReference(serviceName, file));
            }
        }
        diagnostics.add(Diagnostic.error(reference.keyOrigin(), "extends must name a service: extends: {service: NAME, file: PATH}"));
        return Optional.empty();
    }

    private static Mapping withoutExtends(Mapping definition) {
        List<Member> members = new ArrayList<>(definition.members());
        members.removeIf(member -> member.key().equals("extends"));
        return definition.withMembers(members);
    }

    private static String serviceOf(String id) {
        return id.substring(id.lastIndexOf('#') + 1);
    }
}
