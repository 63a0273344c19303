package dev.shipshape.rules.storage;

import dev.shipshape.model.EnvVar;
import dev.shipshape.model.ImageReference;
import dev.shipshape.systems.KnownImage;
import dev.shipshape.systems.KnownSystems;
import java.util.List;
import java.util.Optional;

/**
 * Well-known images that keep state, and where they keep it, as the catalogue of known systems
 * ({@link KnownSystems}, {@code docs/known-systems.md}) lists them. Matched on the image's last path
 * component (any registry, any namespace, any tag): {@code docker.io/library/postgres:16},
 * {@code bitnami/postgresql}, {@code registry.example.com/db/postgres} all count; a few images
 * whose last component says nothing ({@code mcr.microsoft.com/mssql/server}) are matched on
 * their last two components, as are images whose publisher keeps the data elsewhere
 * ({@code wurstmeister/kafka}). NATS is left out: its data directory exists only with JetStream,
 * which is off unless the command line turns it on.
 *
 * <p>Bitnami images keep their data under {@code /bitnami/<product>}, whatever the upstream image
 * does: for an image in a {@code bitnami*} namespace only those paths count.
 *
 * @param product          what it is, for messages ("PostgreSQL")
 * @param dataPaths        the container paths its data lives under, the usual one first; a mount at
 *                         or above one keeps it
 * @param dataPathVariable an environment variable that moves the data directory ({@code PGDATA}), or null
 */
public record StatefulImage(String product, List<String> dataPaths, String dataPathVariable) {

    private static final String BITNAMI_PATHS = "/bitnami/";

    public StatefulImage {
        dataPaths = List.copyOf(dataPaths);
        if (dataPaths.isEmpty()) throw new IllegalArgumentException(product + ": no data path");
    }

    public StatefulImage(String product, List<String> dataPaths) {
        this(product, dataPaths, null);
    }

    /** The stateful image this reference names, if it is a well-known one; its data paths fit its publisher. */
    public static Optional<StatefulImage> of(ImageReference image) {
        Optional<KnownSystems.Match> match = KnownSystems.catalogue().find(image)
                .filter(found -> !found.image().dataPaths().isEmpty());
        if (match.isEmpty()) return Optional.empty();
        KnownImage known = match.get().image();
        StatefulImage stateful = new StatefulImage(known.product(), known.dataPaths(), match.get().system().dataPathVariable());
        return Optional.of(match.get().bitnami() ? stateful.asBitnami() : stateful.withoutBitnamiFirst());
    }

    /** Bitnami's images (bitnami, bitnamilegacy, bitnamisecure) keep everything under /bitnami. */
    private StatefulImage asBitnami() {
        List<String> bitnamiPaths = dataPaths.stream().filter(path -> path.startsWith(BITNAMI_PATHS)).toList();
        return bitnamiPaths.isEmpty() ? this : new StatefulImage(product, bitnamiPaths, null);
    }

    private StatefulImage withoutBitnamiFirst() {
        if (!dataPaths.getFirst().startsWith(BITNAMI_PATHS)) return this;
        List<String> upstreamFirst = java.util.stream.Stream.concat(
                dataPaths.stream().filter(path -> !path.startsWith(BITNAMI_PATHS)),
                dataPaths.stream().filter(path -> path.startsWith(BITNAMI_PATHS))).toList();
        return new StatefulImage(product, upstreamFirst, dataPathVariable);
    }

    /**
     * This image with its data directory where the container's environment puts it: a literal
     * {@code PGDATA=/pgdata} makes {@code /pgdata} the only data path.
     */
    public StatefulImage relocatedBy(List<EnvVar> environment) {
        if (dataPathVariable == null) return this;
        for (EnvVar variable : environment.reversed()) {
            if (variable.name().equals(dataPathVariable) && variable.value() != null && variable.value().startsWith("/")) {
                return new StatefulImage(product, List.of(MountPath.of(variable.value()).normalized()), dataPathVariable);
            }
        }
        return this;
    }

    /** The data directory to name in messages. */
    public String dataPath() {
        return dataPaths.getFirst();
    }

    /** True when a mount at {@code target} holds this image's data: at or above one of its data paths. */
    public boolean keptBy(String target) {
        MountPath mountPoint = MountPath.of(target);
        return dataPaths.stream().anyMatch(mountPoint::isAtOrAbove);
    }
}
