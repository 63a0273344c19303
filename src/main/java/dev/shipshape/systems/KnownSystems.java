package dev.shipshape.systems;

import dev.shipshape.model.Container;
import dev.shipshape.model.ImageReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of known systems ({@code known-systems.yaml}), read once: the one place where
 * shipshape's knowledge of Consul, etcd, Redis, Weave Net, GlusterFS, Keywhiz and the rest lives.
 * {@code docs/known-systems.md} is generated from it.
 */
public final class KnownSystems {

    private static final class Holder {
        static final KnownSystems CATALOGUE = CatalogueReader.read();
    }

    private final List<KnownSystem> systems;
    private final List<AdminInterface> adminInterfaces;
    private final List<SharedStorage> sharedStorage;
    private final List<SecretStore> secretStores;
    private final List<NonRootImage> nonRootImages;
    private final Map<String, Match> byImageName;

    KnownSystems(List<KnownSystem> systems, List<AdminInterface> adminInterfaces,
            List<SharedStorage> sharedStorage, List<SecretStore> secretStores, List<NonRootImage> nonRootImages) {
        this.systems = List.copyOf(systems);
        this.adminInterfaces = List.copyOf(adminInterfaces);
        this.sharedStorage = List.copyOf(sharedStorage);
        this.secretStores = List.copyOf(secretStores);
        this.nonRootImages = List.copyOf(nonRootImages);
        this.byImageName = byImageName(this.systems);
    }

    public List<KnownSystem> systems() {
        return systems;
    }

    public List<AdminInterface> adminInterfaces() {
        return adminInterfaces;
    }

    public List<SharedStorage> sharedStorage() {
        return sharedStorage;
    }

    public List<SecretStore> secretStores() {
        return secretStores;
    }

    public List<NonRootImage> nonRootImages() {
        return nonRootImages;
    }

    /** The catalogue's entry for an image whose own Dockerfile ends with a non-root USER, if the reference names one. */
    public Optional<NonRootImage> nonRootImage(String reference) {
        return ImageReference.parse(reference).flatMap(parsed -> nonRootImages.stream().filter(image -> image.names(parsed)).findFirst());
    }

    public static KnownSystems catalogue() {
        return Holder.CATALOGUE;
    }

    /** An image reference recognised as a known system's image. */
    public record Match(KnownSystem system, KnownImage image, boolean bitnami) {
    }

    /**
     * The known system this reference runs, matched on its last path component (any registry,
     * namespace and tag), or on its last two when that names a more specific entry
     * ({@code wurstmeister/kafka}, {@code mssql/server}).
     */
    public Optional<Match> find(ImageReference reference) {
        String[] components = reference.repository().split("/");
        String last = components[components.length - 1];
        String lastTwo = components.length >= 2 ? components[components.length - 2] + "/" + last : last;
        Match found = byImageName.getOrDefault(lastTwo, byImageName.get(last));
        if (found == null) return Optional.empty();
        boolean bitnami = false;
        for (int at = 0; at < components.length - 1; at++) {
            bitnami |= components[at].startsWith("bitnami");
        }
        return Optional.of(new Match(found.system(), found.image(), bitnami));
    }

    /** The known system a container runs, by its image; empty for an unset or unparsable image. */
    public Optional<Match> running(Container container) {
        return Optional.ofNullable(container.image().value()).flatMap(ImageReference::parse).flatMap(this::find);
    }

    /** The known system of this role that the container runs, if it runs one. */
    public Optional<KnownSystem> running(Container container, KnownSystem.Role role) {
        return running(container).map(Match::system).filter(system -> system.role() == role);
    }

    /** The image's last path component, as {@link AdminInterface#images()} names it. */
    public static String lastComponent(ImageReference reference) {
        String repository = reference.repository();
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    private static Map<String, Match> byImageName(List<KnownSystem> systems) {
        Map<String, Match> byName = new HashMap<>();
        for (KnownSystem system : systems) {
            for (KnownImage image : system.images()) {
                if (byName.putIfAbsent(image.name(), new Match(system, image, false)) != null) {
                    throw new IllegalStateException("image " + image.name() + " is listed twice in the catalogue");
                }
            }
        }
        return Map.copyOf(byName);
    }

    /** The shared storage a Docker volume driver or a Kubernetes provisioner belongs to. */
    public Optional<SharedStorage> sharedStorageFor(String driverOrProvisioner) {
        if (driverOrProvisioner == null) return Optional.empty();
        String name = driverOrProvisioner.strip();
        // a plugin driver is named with its tag: trajano/glusterfs-volume-plugin:latest
        String withoutTag = name.contains(":") && !name.startsWith("cloudstor") ? name.substring(0, name.indexOf(':')) : name;
        return sharedStorage.stream()
                .filter(storage -> storage.drivers().contains(name) || storage.drivers().contains(withoutTag)
                        || storage.provisioners().contains(name))
                .findFirst();
    }

    /**
     * The shared storage a host path is mounted from on every node, by a folder of the path named
     * after it ({@code /mnt/glusterfs/app}, {@code /srv/cephfs}); empty for an ordinary host folder.
     */
    public Optional<SharedStorage> sharedStorageAtHostPath(String hostPath) {
        if (hostPath == null) return Optional.empty();
        List<String> folders = List.of(hostPath.toLowerCase(java.util.Locale.ROOT).split("/"));
        return sharedStorage.stream()
                .filter(storage -> storage.hostPathWords().stream()
                        .anyMatch(word -> folders.stream().anyMatch(folder -> folder.startsWith(word))))
                .findFirst();
    }

    /** "GlusterFS, Ceph, Flocker, …": how remediations name the shared storage shipshape knows. */
    public String sharedStorageNames() {
        return String.join(", ", sharedStorage.stream().map(SharedStorage::name).toList());
    }
}
