package dev.shipshape.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.SourceKind;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the rule catalogue well-formed: metadata, registry, and fixtures per STYLE.md. */
class RuleCatalogTest {

    /** Where the compiled main classes are (target/classes, or another build directory). */
    private static final Path COMPILED_CLASSES = compiledClasses();
    private static final Path COMPILED_RULES = COMPILED_CLASSES.resolve("dev/shipshape/rules");

    @Test
    void idsAndNamesAreUnique() {
        List<String> ids = BuiltInRules.all().stream().map(rule -> rule.info().id()).toList();
        List<String> names = BuiltInRules.all().stream()
                .flatMap(rule -> Stream.concat(Stream.of(rule.info().name()), rule.info().aliases().stream()))
                .toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void eachIdLiesInItsPillarsBlock() {
        for (Rule rule : BuiltInRules.all()) {
            RuleInfo info = rule.info();
            char block = info.id().charAt(3);
            String pkg = rule.getClass().getPackageName();
            char expected = pkg.endsWith(".image") ? '6' : switch (info.pillar()) {
                case SECURITY -> '1';
                case STORAGE -> '2';
                case ORCHESTRATION -> '3';
                case NETWORKING -> '4';
                case DISCOVERY -> '5';
            };
            assertThat(block).as("id block of %s (%s, package %s)", info.name(), info.id(), pkg).isEqualTo(expected);
        }
    }

    @Test
    void classIsNamedAfterTheRuleAndLivesInItsPillarsPackage() {
        for (Rule rule : BuiltInRules.all()) {
            RuleInfo info = rule.info();
            Class<?> type = rule.getClass();
            assertThat(type.getSimpleName()).as("class of %s", info.name()).isEqualTo(pascalCase(info.name()));
            assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getSimpleName()).isTrue();
            String pillarPackage = info.pillar().name().toLowerCase(Locale.ROOT);
            assertThat(type.getPackageName()).as("package of %s", info.name())
                    .isIn("dev.shipshape.rules." + pillarPackage, "dev.shipshape.rules.image");
        }
    }

    @Test
    void securityRulesCiteAReference() {
        for (Rule rule : BuiltInRules.all()) {
            if (rule.info().pillar() == Pillar.SECURITY) {
                assertThat(rule.info().references()).as("references of %s", rule.info().name()).isNotEmpty();
            }
        }
    }

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Set<String> registered = new TreeSet<>();
        BuiltInRules.all().forEach(rule -> registered.add(rule.getClass().getName()));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> classes = Files.walk(COMPILED_RULES)) {
            for (Path file : classes.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = COMPILED_CLASSES.relativize(file).toString()
                        .replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) continue;
                Class<?> type = loadClass(name);
                if (Rule.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(name);
                }
            }
        }
        assertThat(registered).as("rule classes listed in BuiltInRules").isEqualTo(found);
    }

    @Test
    void everyRuleHasAFixtureFolderAndEveryFolderARule() throws IOException {
        Set<String> ruleNames = new TreeSet<>();
        BuiltInRules.all().forEach(rule -> ruleNames.add(rule.info().name()));
        assertThat(new TreeSet<>(RuleFixtures.ruleFolders())).isEqualTo(ruleNames);
    }

    /**
     * Rules that judge only what a running container shows (its restart count, readiness, the digest
     * of the image it pulled): no manifest can show that, so they have no bad Kubernetes fixture; their
     * Kubernetes findings are proven on the pod status of a real API server in AuditKubernetesCommandTest.
     */
    private static final Set<String> LIVE_STATE_ONLY = Set.of("container-restarting", "container-unhealthy", "image-without-digest");

    @Test
    void fixturesCoverEverySourceKindARuleAppliesTo() throws IOException {
        List<String> gaps = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            Path folder = RuleFixtures.ROOT.resolve(rule.info().name());
            if (!Files.isDirectory(folder)) continue;
            Set<String> present = new HashSet<>();
            for (RuleFixtures.FixtureFile fixture : RuleFixtures.filesOf(folder)) {
                present.add((fixture.isBad() ? "bad " : "good ") + fixture.kind());
            }
            for (SourceKind kind : rule.info().appliesTo()) {
                if (kind == SourceKind.LIVE_DOCKER) continue;
                for (String side : List.of("bad ", "good ")) {
                    boolean unshowable = side.equals("bad ") && kind == SourceKind.KUBERNETES && LIVE_STATE_ONLY.contains(rule.info().name());
                    if (!unshowable && !present.contains(side + kind)) gaps.add(rule.info().name() + ": no " + side.trim() + " " + kind + " fixture");
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    @Test
    void everyBadFixtureHasAnExpectedFinding() throws IOException {
        List<String> silent = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            Path folder = RuleFixtures.ROOT.resolve(rule.info().name());
            if (!Files.isDirectory(folder)) continue;
            List<ExpectedFinding> expected = ExpectedFinding.read(folder.resolve("expected.txt"));
            for (RuleFixtures.FixtureFile fixture : RuleFixtures.filesOf(folder)) {
                if (!fixture.isBad()) continue;
                String caseName = fixture.shownPath().contains("/")
                        ? fixture.shownPath().substring(0, fixture.shownPath().indexOf('/') + 1)
                        : fixture.shownPath();
                if (expected.stream().noneMatch(line -> line.location().startsWith(caseName))) {
                    silent.add(rule.info().name() + "/" + fixture.shownPath());
                }
            }
        }
        assertThat(silent).as("bad fixtures with no line in expected.txt").isEmpty();
    }

    private static Path compiledClasses() {
        try {
            return Path.of(BuiltInRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, RuleCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    static String pascalCase(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
