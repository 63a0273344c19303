package dev.shipshape.systems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads {@code known-systems.yaml} into records. The file ships inside the jar and a test loads it,
 * so a mistake in it is a build failure, reported here with the entry it is in.
 */
final class CatalogueReader {

    static final String RESOURCE = "/dev/shipshape/systems/known-systems.yaml";

    private CatalogueReader() {
    }

    static KnownSystems read() {
        try (InputStream in = CatalogueReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            Map<String, Object> root = map(new Load(LoadSettings.builder().build()).loadFromInputStream(in), "the catalogue");
            return new KnownSystems(
                    maps(root.get("systems"), "systems").stream().map(CatalogueReader::system).toList(),
                    maps(root.get("adminInterfaces"), "adminInterfaces").stream().map(CatalogueReader::adminInterface).toList(),
                    maps(root.get("sharedStorage"), "sharedStorage").stream().map(entry -> new SharedStorage(
                            text(entry, "name"), texts(entry.get("drivers")), texts(entry.get("provisioners")),
                            texts(entry.get("hostPathWords")))).toList(),
                    maps(root.get("secretStores"), "secretStores").stream().map(entry -> new SecretStore(
                            text(entry, "name"), texts(entry.get("mounts")), texts(entry.get("drivers")),
                            texts(entry.get("annotations")))).toList(),
                    maps(root.get("nonRootImages"), "nonRootImages").stream().map(entry -> new NonRootImage(
                            text(entry, "product"), text(entry, "user"), text(entry, "since"), texts(entry.get("images")))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnownSystem system(Map<String, Object> entry) {
        String name = text(entry, "name");
        String product = text(entry, "product");
        List<KnownImage> images = new ArrayList<>();
        map(entry.get("images"), name + ".images").forEach((image, value) -> images.add(value instanceof Map<?, ?>
                ? new KnownImage(image, text(map(value, image), "product"), texts(map(value, image).get("data")))
                : new KnownImage(image, product, texts(value))));
        Map<String, Object> ports = entry.containsKey("ports") ? map(entry.get("ports"), name + ".ports") : Map.of();
        return new KnownSystem(name, product,
                KnownSystem.Role.valueOf(text(entry, "role").toUpperCase(Locale.ROOT)),
                images,
                (String) entry.get("dataPathVariable"),
                new KnownSystem.Ports(numbers(ports.get("client")), numbers(ports.get("peer")), numbers(ports.get("admin"))),
                protection(entry.get("auth"), name),
                protection(entry.get("tls"), name),
                protection(entry.get("encryption"), name),
                cluster(entry.get("cluster"), name),
                patterns(entry.get("statelessWhen"), name),
                listeners(entry.get("listeners"), name));
    }

    private static Listeners listeners(Object value, String owner) {
        if (value == null) return Listeners.NONE;
        Map<String, Object> entry = map(value, owner + ".listeners");
        return new Listeners(patterns(entry.get("bound"), owner), patterns(entry.get("advertised"), owner),
                patterns(entry.get("protocolMap"), owner), texts(entry.get("unauthenticated")));
    }

    private static Protection protection(Object value, String owner) {
        if (value == null) return Protection.NONE;
        Map<String, Object> entry = map(value, owner);
        Optional<Boolean> defaultOn = Optional.ofNullable((String) entry.get("default")).map(text -> switch (text) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalStateException(owner + ": default must be on or off, not " + text);
        });
        return new Protection(defaultOn, Boolean.TRUE.equals(entry.get("whenPublished")), Boolean.TRUE.equals(entry.get("serverOnly")),
                patterns(entry.get("on"), owner), patterns(entry.get("peerOn"), owner),
                patterns(entry.get("off"), owner), patterns(entry.get("unknown"), owner));
    }

    private static Cluster cluster(Object value, String owner) {
        if (value == null) return Cluster.NONE;
        Map<String, Object> entry = map(value, owner);
        String count = (String) entry.get("count");
        return new Cluster(patterns(entry.get("members"), owner), count == null ? null : Pattern.compile(count),
                patterns(entry.get("expect"), owner), patterns(entry.get("serverWhen"), owner));
    }

    private static AdminInterface adminInterface(Map<String, Object> entry) {
        String name = text(entry, "name");
        return new AdminInterface(name, texts(entry.get("images")), patterns(entry.get("when"), name), patterns(entry.get("unless"), name));
    }

    private static List<SettingPattern> patterns(Object value, String owner) {
        if (value == null) return List.of();
        return maps(value, owner).stream().map(entry -> pattern(entry, owner)).toList();
    }

    private static SettingPattern pattern(Map<String, Object> entry, String owner) {
        for (SettingPattern.Where where : SettingPattern.Where.values()) {
            Object name = entry.get(where.name().toLowerCase(Locale.ROOT));
            if (name != null) {
                return new SettingPattern(where, String.valueOf(name), texts(entry.get("values")),
                        (String) entry.get("contains"), texts(entry.get("except")), (String) entry.get("prefix"));
            }
        }
        throw new IllegalStateException(owner + ": a setting must say env, flag, text, argument, mount or published: " + entry);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new IllegalStateException(what + " must be a mapping");
    }

    private static List<Map<String, Object>> maps(Object value, String what) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw new IllegalStateException(what + " must be a list");
        return list.stream().map(item -> map(item, what)).toList();
    }

    private static String text(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        if (value == null) throw new IllegalStateException("missing '" + key + "' in " + entry);
        return String.valueOf(value);
    }

    private static List<String> texts(Object value) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw new IllegalStateException("expected a list, not " + value);
        return list.stream().map(String::valueOf).toList();
    }

    private static List<Integer> numbers(Object value) {
        return texts(value).stream().map(Integer::valueOf).toList();
    }
}
