package dev.shipshape.rules.storage;

import dev.shipshape.model.Container;
import dev.shipshape.model.Image;
import dev.shipshape.model.Mount;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.rules.ContainerRule;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.ImageRule;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import java.util.stream.Stream;

/**
 * Flags volumes without a name: a Compose {@code volumes} entry with no source ({@code - /data}),
 * and each VOLUME the final stage of a Dockerfile leaves in the image. An anonymous volume inside a
 * bind-mounted directory ({@code ./frontend:/app} with {@code /app/node_modules}) is not a finding:
 * it only keeps the image's content visible under the bind mount, and a new one is filled from the
 * image again.
 */
public final class AnonymousVolume implements ContainerRule, ImageRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-202", "anonymous-volume")
            .pillar(Pillar.STORAGE)
            .severity(Severity.MEDIUM)
            .title("Volume without a name")
            .rationale("""
                    An anonymous volume gets a random name. Compose carries it over when it recreates a \
                    container in place, but `docker compose down`, `up --renew-anon-volumes`, `docker run` \
                    and every new Swarm task start with a new one (empty, or a fresh copy of what the image \
                    holds at that path); the old one stays behind with the data written to it, impossible \
                    to tell apart, out of every backup, and removed by the next `docker volume prune`. \
                    A Dockerfile VOLUME gives every container of the image such a volume unless it mounts \
                    one there, and discards later build steps' changes to that path. A volume inside a \
                    bind-mounted directory (`./src:/app` with `/app/node_modules`) only keeps the image's \
                    files visible there and is not reported.""")
            .remediation("Give the volume a name: `volumes: [\"app-data:/data\"]` with `app-data` declared under the "
                    + "top-level `volumes:` (Compose, stack), or mount a host path when that is the intent; remove "
                    + "`VOLUME` from the Dockerfile and declare the volume where the container is run.")
            .appliesTo(SourceKind.COMPOSE, SourceKind.STACK, SourceKind.DOCKERFILE, SourceKind.LIVE_DOCKER)
            .references(
                    Reference.url("Docker: volumes", "https://docs.docker.com/engine/storage/volumes/"),
                    Reference.url("Dockerfile reference: VOLUME", "https://docs.docker.com/reference/dockerfile/#volume"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Workload workload, Container container) {
        return container.mounts().stream()
                .filter(mount -> mount.type() == Mount.Type.VOLUME && mount.source() == null && isContainerPath(mount.target()))
                .filter(mount -> !keepsImageContentUnderBind(container, mount))
                .map(mount -> Finding.of(INFO, mount.origin(),
                        "%s mounts an anonymous volume at %s: a new container gets a new one and leaves the old one's data behind"
                                .formatted(container.description(), mount.target())));
    }

    /**
     * The {@code ./src:/app} + {@code /app/node_modules} idiom: the bind mount would hide what the image
     * holds under it, and the anonymous volume inside it keeps that path showing the image's content.
     * A new container's new volume is filled from the image again, so nothing is lost with it.
     */
    private static boolean keepsImageContentUnderBind(Container container, Mount volume) {
        String target = trimmed(volume.target());
        return container.mounts().stream()
                .filter(mount -> mount.type() == Mount.Type.BIND && mount.target() != null)
                .map(mount -> trimmed(mount.target()))
                .anyMatch(bound -> target.startsWith(bound.equals("/") ? "/" : bound + "/") && !target.equals(bound));
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Docker refuses a relative target ({@code - workspace}), so such an entry creates nothing. */
    private static boolean isContainerPath(String target) {
        return target != null && (target.startsWith("/") || target.matches("[A-Za-z]:[\\\\/].*"));
    }

    @Override
    public Stream<Finding> check(Image image) {
        return image.volumes().stream()
                .map(volume -> Finding.of(INFO, volume.origin(),
                        "the image declares VOLUME %s: every container that mounts nothing there gets a new anonymous volume"
                                .formatted(volume.value())));
    }
}
