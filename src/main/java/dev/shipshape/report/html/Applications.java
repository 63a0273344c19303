package dev.shipshape.report.html;

import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.DisruptionBudget;
import dev.shipshape.model.Image;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.ServiceEndpoint;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import dev.shipshape.report.html.Application.Kind;
import dev.shipshape.rules.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts what a run read into {@link Application}s, and tells which application a finding is about.
 *
 * <p>A Compose project is its Compose file (projects in one folder are told apart by file, as
 * Compose itself does with {@code -f}); a stack is its stack file; Kubernetes objects group by
 * namespace ({@code default} when the manifest names none); everything live belongs to the one
 * live host. A Dockerfile belongs to the application whose container is built from it. A finding
 * belongs to the object around its line (a workload's lines, else the nearest object above it in
 * that file); a finding in a file that holds no object makes that file an application of its own.
 */
final class Applications {

    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, List<Span>> spansByFile = new HashMap<>();
    private final Map<String, Application> built = new LinkedHashMap<>();
    private final Map<String, List<Workload>> workloads = new HashMap<>();
    private final Map<String, List<ServiceEndpoint>> services = new HashMap<>();
    private final Map<String, List<Network>> networks = new HashMap<>();
    private String liveHostKey;

    private Applications() {
    }

    static Applications of(Inventory inventory, List<Finding> findings) {
        Applications applications = new Applications();
        applications.read(inventory);
        for (Finding finding : findings) applications.keyOf(finding.origin());
        applications.build();
        return applications;
    }

    /** Every application, sorted by kind and name. */
    List<Application> all() {
        return List.copyOf(built.values());
    }

    Application of(Finding finding) {
        return built.get(keyOf(finding.origin()));
    }

    List<Workload> workloads(Application application) {
        return workloads.getOrDefault(key(application.kind(), application.name()), List.of());
    }

    List<ServiceEndpoint> services(Application application) {
        return services.getOrDefault(key(application.kind(), application.name()), List.of());
    }

    List<Network> networks(Application application) {
        return networks.getOrDefault(key(application.kind(), application.name()), List.of());
    }

    private void read(Inventory inventory) {
        Map<String, String> imageOwners = new HashMap<>();
        for (Workload workload : inventory.workloads()) {
            String key = switch (workload.source()) {
                case COMPOSE -> draft(Kind.COMPOSE_PROJECT, workload.origin().source(), SourceKind.COMPOSE);
                case STACK -> draft(Kind.STACK, workload.origin().source(), SourceKind.STACK);
                case KUBERNETES -> draft(Kind.NAMESPACE, namespace(workload.namespace()), SourceKind.KUBERNETES);
                case LIVE_DOCKER -> liveHost();
                case DOCKERFILE, DAEMON_JSON -> draft(Kind.FILE, workload.origin().source(), workload.source());
            };
            own(key, workload.origin(), workload.lastLine());
            workloads.computeIfAbsent(key, k -> new ArrayList<>()).add(workload);
            for (Container container : workload.containers()) {
                container.builtFrom().ifPresent(image -> {
                    imageOwners.putIfAbsent(image.file(), key);
                    drafts.get(key).sources.add(SourceKind.DOCKERFILE);
                });
            }
        }
        for (ServiceEndpoint service : inventory.services()) {
            String key = draft(Kind.NAMESPACE, namespace(service.namespace()), SourceKind.KUBERNETES);
            own(key, service.origin(), 0);
            services.computeIfAbsent(key, k -> new ArrayList<>()).add(service);
        }
        for (DisruptionBudget budget : inventory.disruptionBudgets()) {
            own(draft(Kind.NAMESPACE, namespace(budget.namespace()), SourceKind.KUBERNETES), budget.origin(), 0);
        }
        for (Network network : inventory.networks()) {
            String key = ownerOfDeclaration(network.source(), network.origin());
            own(key, network.origin(), 0);
            networks.computeIfAbsent(key, k -> new ArrayList<>()).add(network);
        }
        for (Volume volume : inventory.volumes()) {
            own(ownerOfDeclaration(volume.source(), volume.origin()), volume.origin(), 0);
        }
        for (DaemonConfig daemon : inventory.daemons()) {
            String key = daemon.origin().isInFile()
                    ? draft(Kind.DOCKER_HOST, daemon.origin().source(), SourceKind.DAEMON_JSON) : liveHost();
            own(key, daemon.origin(), 0);
        }
        for (Image image : inventory.images()) {
            String key = imageOwners.containsKey(image.file()) ? imageOwners.get(image.file())
                    : draft(Kind.IMAGE, image.file(), SourceKind.DOCKERFILE);
            spansByFile.computeIfAbsent(image.file(), f -> new ArrayList<>()).add(new Span(1, Integer.MAX_VALUE, key));
        }
    }

    private String ownerOfDeclaration(SourceKind source, Origin origin) {
        return switch (source) {
            case STACK -> draft(Kind.STACK, origin.source(), SourceKind.STACK);
            case LIVE_DOCKER -> liveHost();
            case KUBERNETES -> draft(Kind.NAMESPACE, namespace(null), SourceKind.KUBERNETES);
            default -> draft(Kind.COMPOSE_PROJECT, origin.source(), SourceKind.COMPOSE);
        };
    }

    private String liveHost() {
        if (liveHostKey == null) liveHostKey = draft(Kind.LIVE_HOST, "Docker Engine", SourceKind.LIVE_DOCKER);
        return liveHostKey;
    }

    private void own(String key, Origin origin, int lastLine) {
        int end = lastLine >= origin.line() && lastLine > 0 ? lastLine : -1;
        spansByFile.computeIfAbsent(origin.source(), f -> new ArrayList<>()).add(new Span(origin.line(), end, key));
    }

    private String keyOf(Origin origin) {
        List<Span> spans = spansByFile.get(origin.source());
        if (spans == null) {
            if (!origin.isInFile() && liveHostKey != null) return liveHostKey;
            return draft(Kind.FILE, origin.source(), null);
        }
        int line = origin.line();
        Optional<Span> around = spans.stream().filter(span -> span.end >= 0 && span.start <= line && line <= span.end)
                .min(Comparator.comparingInt(span -> span.end - span.start));
        if (around.isPresent()) return around.get().key;
        Optional<Span> above = spans.stream().filter(span -> span.start <= line).max(Comparator.comparingInt(Span::start));
        if (above.isPresent()) return above.get().key;
        return spans.stream().min(Comparator.comparingInt(Span::start)).orElseThrow().key;
    }

    private String draft(Kind kind, String name, SourceKind source) {
        String key = key(kind, name);
        Draft draft = drafts.computeIfAbsent(key, k -> new Draft(kind, name));
        if (source != null) draft.sources.add(source);
        return key;
    }

    private void build() {
        drafts.values().stream()
                .sorted(Comparator.comparing((Draft draft) -> draft.kind).thenComparing(draft -> draft.name))
                .forEach(draft -> built.put(key(draft.kind, draft.name), new Application(draft.kind, draft.name, draft.sources)));
    }

    private static String namespace(String namespace) {
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    private static String key(Kind kind, String name) {
        return kind.name() + '\u0000' + name;
    }

    /** Lines {@code start..end} of a file belong to an application; {@code end} is -1 when only the start is known. */
    private record Span(int start, int end, String key) {
    }

    private static final class Draft {
        final Kind kind;
        final String name;
        final Set<SourceKind> sources = EnumSet.noneOf(SourceKind.class);

        Draft(Kind kind, String name) {
            this.kind = kind;
            this.name = name;
        }
    }
}
