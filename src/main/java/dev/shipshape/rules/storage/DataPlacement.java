package dev.shipshape.rules.storage;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Workload;
import dev.shipshape.systems.ContainerSettings;
import dev.shipshape.systems.KnownSystems;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a container running a well-known stateful image keeps its data: the mount that holds its
 * data directory, if any. Of several mounts above a data path the deepest one holds it (a claim at
 * {@code /var/lib/postgresql/data} under an emptyDir at {@code /var/lib/postgresql} keeps the data).
 * When the image knows several data paths (variants of one product), the data counts as kept
 * when any of them is on lasting storage.
 *
 * @param image  the stateful image, its data paths moved where the container's environment says
 * @param holder the mount that holds the data, or empty when it lives in the container's writable layer
 */
record DataPlacement(StatefulImage image, Optional<Mount> holder) {

    /** Kinds of workload whose containers run to completion: a Job's postgres image is a client (pg_dump), not the server. */
    private static final Set<String> RUN_TO_COMPLETION = Set.of("Job", "CronJob");

    enum Fate {
        /** On a named volume, claim, host path or other lasting storage. */
        KEPT,
        /** On an emptyDir or tmpfs: gone with the pod or the container. */
        EPHEMERAL,
        /** On a volume with no name: kept, but a new empty one comes with a new container. */
        ANONYMOUS,
        /** In the container's writable layer, or on a mount that cannot hold data (secret, config). */
        LOST
    }

    /**
     * The placement of a container's data when it runs a well-known stateful image as a server;
     * empty for other images, for init containers and for Jobs, which use such images as clients.
     */
    static Optional<DataPlacement> of(Workload workload, Container container) {
        if (container.init() || RUN_TO_COMPLETION.contains(workload.kind())) return Optional.empty();
        Optional<StatefulImage> known = ImageReference.parse(container.image().value()).flatMap(StatefulImage::of);
        if (known.isEmpty() || startedStateless(container)) return Optional.empty();
        StatefulImage image = known.get().relocatedBy(container.environment());
        Optional<Mount> best = Optional.empty();
        for (String path : image.dataPaths()) {
            Optional<Mount> holder = holderOf(path, container.mounts());
            if (fateOf(holder).compareTo(fateOf(best)) < 0) best = holder;
        }
        return Optional.of(new DataPlacement(image, best));
    }

    /** True when its command makes it keep no data, as the catalogue's {@code statelessWhen} says (Redis with {@code --save ""} and {@code --appendonly no}). */
    private static boolean startedStateless(Container container) {
        return KnownSystems.catalogue().running(container)
                .filter(match -> new ContainerSettings(container).findsAll(match.system().statelessWhen()))
                .isPresent();
    }

    /** The mount that holds {@code path}: the deepest one at or above it. */
    private static Optional<Mount> holderOf(String path, List<Mount> mounts) {
        return mounts.stream()
                .filter(mount -> MountPath.of(mount.target()).isAtOrAbove(path))
                .max(Comparator.comparingInt(mount -> MountPath.of(mount.target()).normalized().length()));
    }

    private static Fate fateOf(Optional<Mount> holder) {
        if (holder.isEmpty()) return Fate.LOST;
        Mount mount = holder.get();
        return switch (mount.type()) {
            case VOLUME -> mount.source() == null ? Fate.ANONYMOUS : Fate.KEPT;
            case CLAIM, BIND, HOST_PATH, OTHER -> Fate.KEPT;
            case EMPTY_DIR, TMPFS -> Fate.EPHEMERAL;
            case SECRET, CONFIG -> Fate.LOST;
        };
    }

    Fate fate() {
        return fateOf(holder);
    }
}
