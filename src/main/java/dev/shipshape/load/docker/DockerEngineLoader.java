package dev.shipshape.load.docker;

import static dev.shipshape.load.docker.EngineJson.isTrue;
import static dev.shipshape.load.docker.EngineJson.items;
import static dev.shipshape.load.docker.EngineJson.strings;
import static dev.shipshape.load.docker.EngineJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.LocalVolumeMount;
import dev.shipshape.model.Suppression;
import dev.shipshape.model.Workload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a live Docker Engine into the model: the daemon, every container (running and stopped),
 * the images they run, networks, volumes and, on a Swarm manager, services.
 *
 * <p>Containers and images are inspected concurrently over one connection pool (one request per
 * object, never one process per object). A container removed while the audit runs is skipped.
 */
public final class DockerEngineLoader {

    private static final String SWARM_SERVICE_LABEL = "com.docker.swarm.service.id";

    private static final String DANGLING = "/volumes?filters="
            + URLEncoder.encode("{\"dangling\":[\"true\"]}", StandardCharsets.UTF_8);

    private final HostFiles host;
    private final int threads;

    /**
     * @param host    the host's files to read when the engine is reached through a local socket
     * @param threads how many inspects run at once
     */
    public DockerEngineLoader(HostFiles host, int threads) {
        this.host = host;
        this.threads = Math.max(1, threads);
    }

    /** What was read, and how much of it. */
    public record Audited(LoadResult result, String engineVersion, String apiVersion, int containers, int services) {
    }

    public Audited load(EngineAddress address) throws EngineUnavailable {
        try (EngineApi api = EngineApi.connect(address, threads);
                ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                    Thread thread = new Thread(runnable, "shipshape-inspect");
                    thread.setDaemon(true);
                    return thread;
                })) {
            JsonNode info = api.get("/info");
            List<JsonNode> summaries = items(api.get("/containers/json?all=1"));
            List<JsonNode> inspects = inParallel(pool, summaries.stream()
                    .map(summary -> text(summary, "Id")).filter(id -> id != null).toList(),
                    id -> api.find("/containers/" + id + "/json"));
            Set<String> imageIds = new LinkedHashSet<>();
            inspects.forEach(inspect -> Optional.ofNullable(text(inspect, "Image")).ifPresent(imageIds::add));
            List<JsonNode> images = inParallel(pool, List.copyOf(imageIds), id -> api.find("/images/" + id + "/json"));
            Map<String, List<String>> repoDigests = new HashMap<>();
            images.forEach(image -> repoDigests.put(text(image, "Id"), strings(image, "RepoDigests")));

            List<JsonNode> networks = items(api.get("/networks"));
            List<JsonNode> volumes = items(api.get("/volumes"), "Volumes");
            Set<String> dangling = new HashSet<>();
            items(api.get(DANGLING), "Volumes").forEach(volume -> dangling.add(text(volume, "Name")));

            List<Diagnostic> notes = new ArrayList<>();
            List<Suppression> suppressions = new ArrayList<>();
            Inventory.Builder inventory = Inventory.builder();
            inventory.add(DaemonReader.read(info, networks, address, host, notes));

            List<Workload> workloads = new ArrayList<>();
            Map<String, LocalVolumeMount> localVolumes = new HashMap<>();
            volumes.stream().map(volume -> VolumeReader.read(volume, dangling))
                    .forEach(volume -> localVolumes.put(volume.name(), LocalVolumeMount.of(volume.driver(), volume.driverOptions())));
            ContainerReader containers = new ContainerReader(repoDigests, localVolumes, cgroupnsDefault(info));
            boolean manager = isSwarmManager(info);
            for (JsonNode inspect : inspects) {
                // On a manager a task's container is audited through its service's spec; reporting both says everything twice.
                if (manager && inspect.path("Config").path("Labels").has(SWARM_SERVICE_LABEL)) continue;
                ContainerReader.Read read = containers.read(inspect);
                workloads.add(read.workload());
                suppressions.addAll(read.suppressions());
            }
            int services = 0;
            if (manager) {
                Map<String, String> networkNames = new HashMap<>();
                networks.forEach(network -> networkNames.put(text(network, "Id"), text(network, "Name")));
                ServiceReader reader = new ServiceReader(networkNames);
                for (JsonNode service : items(api.get("/services"))) {
                    ContainerReader.Read read = reader.read(service);
                    workloads.add(read.workload());
                    suppressions.addAll(read.suppressions());
                    services++;
                }
            } else if ("active".equals(text(info, "Swarm", "LocalNodeState"))) {
                notes.add(Diagnostic.warning(inventory.build().daemons().getFirst().origin(),
                        "not readable here: this node is a Swarm worker, so services are not checked (audit a manager for them)"));
            }
            workloads.sort(Comparator.comparing(Workload::kind).thenComparing(Workload::name));
            workloads.forEach(inventory::add);
            networks.stream().map(NetworkReader::read).forEach(inventory::add);
            volumes.stream().map(volume -> VolumeReader.read(volume, dangling)).forEach(inventory::add);

            LoadResult result = new LoadResult(inventory.build(), notes, suppressions, List.of());
            return new Audited(result, text(api.version(), "Version"), api.apiVersion(), inspects.size(), services);
        }
    }

    /** What the engine stores as a container's cgroup namespace when it asked for none: its cgroup version decides. */
    private static Optional<String> cgroupnsDefault(JsonNode info) {
        return Optional.of("2".equals(text(info, "CgroupVersion")) ? "private" : "host");
    }

    private static boolean isSwarmManager(JsonNode info) {
        return "active".equals(text(info, "Swarm", "LocalNodeState")) && isTrue(info, "Swarm", "ControlAvailable");
    }

    @FunctionalInterface
    private interface Read {
        Optional<JsonNode> apply(String id) throws EngineUnavailable;
    }

    /** Reads every id on the pool; objects that are gone are left out, the order of {@code ids} is kept. */
    private static List<JsonNode> inParallel(ExecutorService pool, List<String> ids, Read read) throws EngineUnavailable {
        List<Future<Optional<JsonNode>>> pending = new ArrayList<>();
        for (String id : ids) pending.add(pool.submit(() -> read.apply(id)));
        List<JsonNode> results = new ArrayList<>();
        try {
            for (Future<Optional<JsonNode>> future : pending) future.get().ifPresent(results::add);
        } catch (ExecutionException failed) {
            pending.forEach(future -> future.cancel(true));
            if (failed.getCause() instanceof EngineUnavailable unavailable) throw unavailable;
            throw new IllegalStateException("reading the Docker Engine failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailable("interrupted while reading the Docker Engine");
        }
        return results;
    }
}
