package dev.shipshape.load.compose;

import dev.shipshape.load.LoadResult;
import dev.shipshape.load.compose.ComposeNode.Mapping;
import dev.shipshape.load.compose.ComposeNode.Member;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Origin;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Suppression;
import dev.shipshape.scan.ReadScope;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a Compose or Swarm stack file into the model: the file's {@code .env} and interpolation,
 * {@code extends}, {@code include}, the override file beside it ({@code compose.override.yaml} for
 * {@code compose.yaml}, {@code app.override.yml} for {@code app.yml}: {@link OverrideNames}),
 * the {@code restart:} of its base when it is itself an override file ({@link OverrideBase}),
 * then every service as a workload, the top-level networks and volumes, and the services'
 * {@code x-shipshape} suppressions.
 *
 * <p>A Swarm stack is deployed with {@code docker stack deploy -c FILE}, which reads neither
 * {@code .env} nor an override file; so only Compose files get them.
 */
public final class ComposeLoader {

    private final ReadScope scope;

    public ComposeLoader() {
        this(ReadScope.DEFAULT);
    }

    /** @param scope the size limit of every file read, and the scanned folders ({@code include}, {@code extends} outside them are reported) */
    public ComposeLoader(ReadScope scope) {
        this.scope = scope;
    }

    /**
     * @param shownPath   how findings name the file; files beside it are named relative to it
     * @param environment the variables interpolation sees before those of {@code .env}
     */
    public LoadResult load(Path file, String shownPath, SourceKind kind, Map<String, String> environment) {
        return load(file, shownPath, kind, environment, null);
    }

    /**
     * Like {@link #load(Path, String, SourceKind, Map)}, with the file's text already read (a scan
     * reads each file once); files beside it are still read from {@code file}'s folder.
     */
    public LoadResult load(Path file, String shownPath, SourceKind kind, Map<String, String> environment, String text) {
        return load(file, shownPath, kind, ComposeEnvironment.of(environment), text);
    }

    /**
     * Like {@link #load(Path, String, SourceKind, Map, String)}, with the variables of the command
     * line ({@code --env-file}, {@code --env}, {@code --strict-env}); {@code text} may be null.
     */
    public LoadResult load(Path file, String shownPath, SourceKind kind, ComposeEnvironment environment, String text) {
        return load(file, shownPath, kind, environment, text, false);
    }

    /**
     * @param decidedByContent true once the content has had its say ({@link StackOrCompose}): {@code kind} is
     *                         then final; before, a kind guessed from the name is read again as the content says
     */
    private LoadResult load(Path file, String shownPath, SourceKind kind, ComposeEnvironment environment, String text,
                            boolean decidedByContent) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> filesRead = new ArrayList<>();
        Map<String, String> variables = kind == SourceKind.COMPOSE && environment.readsDotEnv()
                ? withDotEnv(file, shownPath, environment.variables(), diagnostics, filesRead)
                : environment.variables();
        ComposeFiles files = new ComposeFiles(new Interpolation(variables, environment.strict()), diagnostics, filesRead, scope);

        Optional<ComposeNode> input = text == null ? files.readInput(file, shownPath) : files.parseInput(file, shownPath, text);
        if (input.isEmpty()) {
            if (diagnostics.stream().noneMatch(diagnostic -> diagnostic.level() == Diagnostic.Level.ERROR)) {
                diagnostics.add(Diagnostic.error(Origin.at(shownPath, 1, 1), "the file is empty; a Compose file needs a mapping with services"));
            }
            return result(Inventory.empty(), diagnostics, List.of(), filesRead);
        }
        if (!(input.get() instanceof Mapping root)) {
            diagnostics.add(Diagnostic.error(input.get().origin(),
                    "a Compose file must be a mapping (services, networks, volumes), not " + input.get().describeType()));
            return result(Inventory.empty(), diagnostics, List.of(), filesRead);
        }

        if (!decidedByContent) {
            SourceKind byContent = DeployScripts.stackDeployerOf(file).isPresent() ? SourceKind.STACK : StackOrCompose.decide(root, kind);
            if (byContent != kind) return load(file, shownPath, byContent, environment, text, true);
        }
        ServiceExtends extendsResolver = new ServiceExtends(files, diagnostics);
        root = extendsResolver.resolveAll(root, shownPath);
        root = new IncludedFiles(files, extendsResolver, diagnostics).apply(root, shownPath);
        Map<String, List<ServiceSuppressions.Span>> serviceSpans = new LinkedHashMap<>();
        addSpans(root, serviceSpans);
        if (kind == SourceKind.COMPOSE) {
            root = OverrideBase.withInheritedRestart(file, shownPath, root, files);
            Optional<Mapping> override = readOverride(file, shownPath, files, extendsResolver, diagnostics);
            if (override.isPresent()) {
                addSpans(override.get(), serviceSpans);
                root = (Mapping) ComposeMerge.mergeFiles(root, override.get());
            }
        }
        return read(root, kind, files, serviceSpans, diagnostics, filesRead);
    }

    private static LoadResult read(Mapping root, SourceKind kind, ComposeFiles files,
                                   Map<String, List<ServiceSuppressions.Span>> serviceSpans,
                                   List<Diagnostic> diagnostics, List<String> filesRead) {
        SettingReader reader = new SettingReader(diagnostics);
        ServiceReader services = new ServiceReader(kind, reader, new BuildLink(files, diagnostics, filesRead),
                new SeccompProfileFiles(files, diagnostics, filesRead), TopLevelDeclarations.localMounts(root));
        ServiceSuppressions suppressionReader = new ServiceSuppressions(reader);
        Inventory.Builder inventory = Inventory.builder();
        List<Suppression> suppressions = new ArrayList<>();

        Optional<Mapping> serviceDefinitions = reader.mapping(root, "services");
        if (serviceDefinitions.isEmpty() || serviceDefinitions.get().members().isEmpty()) {
            Origin where = root.member("services").map(Member::keyOrigin).orElse(root.origin());
            diagnostics.add(Diagnostic.warning(where, "no services are defined"));
        }
        for (Member service : serviceDefinitions.map(Mapping::members).orElse(List.of())) {
            if (!(service.value() instanceof Mapping definition)) {
                diagnostics.add(Diagnostic.error(service.keyOrigin(),
                        "service '" + service.key() + "' must be a mapping, not " + service.value().describeType()));
                continue;
            }
            inventory.add(services.read(service.key(), service.keyOrigin(), definition));
            List<ServiceSuppressions.Span> spans = serviceSpans.getOrDefault(service.key(),
                    List.of(new ServiceSuppressions.Span(service.keyOrigin().source(), service.keyOrigin().line(), definition.lastLine())));
            suppressions.addAll(suppressionReader.of(definition, spans));
        }
        new TopLevelDeclarations(kind, reader).read(root, inventory);
        return result(inventory.build(), diagnostics, suppressions, filesRead);
    }

    /** The environment, with the variables of the {@code .env} file beside the Compose file under it (the environment wins). */
    private Map<String, String> withDotEnv(Path file, String shownPath, Map<String, String> environment,
                                                  List<Diagnostic> diagnostics, List<String> filesRead) {
        Path folder = file.toAbsolutePath().getParent();
        Path dotEnv = folder == null ? null : folder.resolve(".env");
        if (dotEnv == null || !Files.exists(dotEnv)) return environment;
        String shown = ComposeFiles.shownSibling(shownPath, ".env");
        String text;
        try {
            text = scope.readText(dotEnv);
        } catch (IOException unreadable) {
            diagnostics.add(Diagnostic.warning(Origin.at(shown, 1, 1), "cannot read the file: " + SourceLoader.describe(unreadable)
                    + "; its variables are not used"));
            return environment;
        }
        filesRead.add(shown);
        Map<String, String> variables = new HashMap<>(DotEnvFile.parse(text, shown, environment, diagnostics));
        variables.putAll(environment);
        return variables;
    }

    private static Optional<Mapping> readOverride(Path file, String shownPath, ComposeFiles files,
                                                  ServiceExtends extendsResolver, List<Diagnostic> diagnostics) {
        Path fileName = file.getFileName();
        List<String> candidates = fileName == null ? List.of() : OverrideNames.overrideNames(fileName.toString());
        for (String candidate : candidates) {
            Path sibling = file.resolveSibling(candidate);
            if (!Files.isRegularFile(sibling)) continue;
            String shown = ComposeFiles.shownSibling(shownPath, candidate);
            Optional<ComposeNode> tree = files.readReferenced(sibling, shown, Origin.at(shown, 1, 1), "the override file", true);
            if (tree.isEmpty()) return Optional.empty();
            if (!(tree.get() instanceof Mapping override)) {
                diagnostics.add(Diagnostic.error(tree.get().origin(), "an override file must be a mapping, not " + tree.get().describeType()));
                return Optional.empty();
            }
            return Optional.of(extendsResolver.resolveAll(override, shown));
        }
        return Optional.empty();
    }

    private static void addSpans(Mapping root, Map<String, List<ServiceSuppressions.Span>> spans) {
        root.mapping("services").ifPresent(services -> {
            for (Member service : services.members()) {
                spans.computeIfAbsent(service.key(), name -> new ArrayList<>()).add(new ServiceSuppressions.Span(
                        service.keyOrigin().source(), service.keyOrigin().line(), service.value().lastLine()));
            }
        });
    }

    private static LoadResult result(Inventory inventory, List<Diagnostic> diagnostics, List<Suppression> suppressions, List<String> filesRead) {
        // An anchor used twice reports its unset variable twice at the same place; say it once.
        return new LoadResult(inventory, List.copyOf(new LinkedHashSet<>(diagnostics)), suppressions, filesRead);
    }
}
