package dev.shipshape.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.scan.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The values custom rules see are exactly what the printed schema promises. */
class CelSchemaTest {

    private static final Path FIXTURES = Path.of("src/test/resources/rules");

    @Test
    void everyValueOfTheRuleFixturesHasTheSchemasFieldsAndTypes() throws IOException {
        Inventory inventory = fixtures();
        CelModel model = new CelModel();
        List<String> problems = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Workload workload : inventory.workloads()) {
            check("Workload", model.workload(workload), problems, seen);
            for (Container container : workload.containers()) check("Container", model.container(container), problems, seen);
        }
        inventory.images().forEach(image -> check("Image", model.image(image), problems, seen));
        inventory.networks().forEach(network -> check("Network", model.network(network), problems, seen));
        inventory.volumes().forEach(volume -> check("Volume", model.volume(volume), problems, seen));
        inventory.daemons().forEach(daemon -> check("Daemon", model.daemon(daemon), problems, seen));

        assertThat(problems).isEmpty();
        assertThat(inventory.workloads()).hasSizeGreaterThan(50);
        // the fixtures exercise most of the schema; every required field is checked wherever its type appears
        assertThat(seen).contains("Workload.replicas", "Container.imageRef", "Container.builtFrom", "Mount.readOnly",
                "Port.hostIp", "EnvVar.value", "Image.user", "Instruction.execForm", "Network.driver", "Daemon.icc");
    }

    @Test
    void theSchemaTextListsEveryTypeAndField() {
        String text = CelSchema.describe();
        for (CelSchema.Type type : CelSchema.types()) {
            assertThat(text).contains("\n" + type.name() + ": " + type.doc() + "\n");
            for (CelSchema.Field field : type.fields()) {
                assertThat(text).containsPattern("\n  \\Q" + field.name() + (field.optional() ? "?" : "") + "\\E +\\Q"
                        + field.type().display() + "\\E +\\Q" + field.doc() + "\\E\n");
            }
        }
        for (Match match : Match.values()) assertThat(text).contains("\n  " + match.key() + " ");
    }

    private static void check(String typeName, Object value, List<String> problems, TreeSet<String> seen) {
        CelSchema.Type type = CelSchema.type(typeName).orElseThrow();
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(typeName + " is not a map: " + value);
            return;
        }
        for (Object key : map.keySet()) {
            Optional<CelSchema.Field> field = type.field((String) key);
            if (field.isEmpty()) {
                problems.add(typeName + "." + key + " is not in the schema");
                continue;
            }
            seen.add(typeName + "." + key);
            checkType(typeName + "." + key, field.get().type(), map.get(key), problems, seen);
        }
        for (CelSchema.Field field : type.fields()) {
            if (!field.optional() && !map.containsKey(field.name())) problems.add(typeName + "." + field.name() + " is required but absent");
        }
    }

    private static void checkType(String path, CelSchema.FieldType type, Object value, List<String> problems, TreeSet<String> seen) {
        boolean ok = switch (type) {
            case CelSchema.Scalar scalar -> switch (scalar) {
                case STRING -> value instanceof String;
                case INT -> value instanceof Long;
                case BOOL -> value instanceof Boolean;
            };
            case CelSchema.ListOf list -> {
                if (value instanceof List<?> items) {
                    items.forEach(item -> checkType(path + "[]", list.element(), item, problems, seen));
                    yield true;
                }
                yield false;
            }
            case CelSchema.StringMap map -> value instanceof Map<?, ?> entries
                    && entries.entrySet().stream().allMatch(entry -> entry.getKey() instanceof String && entry.getValue() instanceof String);
            case CelSchema.Struct struct -> {
                check(struct.typeName(), value, problems, seen);
                yield true;
            }
        };
        if (!ok) problems.add(path + " should be " + type.display() + " but is " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private static Inventory fixtures() throws IOException {
        Inventory.Builder inventory = Inventory.builder();
        SourceLoader loader = new SourceLoader(Map.of("SHIPSHAPE_FIXTURE_TAG", "1.27"));
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                kindOf(file.getFileName().toString()).ifPresent(kind -> {
                    LoadResult result = loader.load(file, file.toString(), kind);
                    inventory.addAll(result.inventory());
                });
            }
        }
        return inventory.build();
    }

    private static Optional<SourceKind> kindOf(String name) {
        if (name.endsWith(".compose.yaml") || name.equals("compose.yaml")) return Optional.of(SourceKind.COMPOSE);
        if (name.endsWith(".stack.yaml")) return Optional.of(SourceKind.STACK);
        if (name.endsWith(".k8s.yaml")) return Optional.of(SourceKind.KUBERNETES);
        if (name.endsWith("Dockerfile")) return Optional.of(SourceKind.DOCKERFILE);
        if (name.endsWith(".daemon.json")) return Optional.of(SourceKind.DAEMON_JSON);
        return Optional.empty();
    }
}
