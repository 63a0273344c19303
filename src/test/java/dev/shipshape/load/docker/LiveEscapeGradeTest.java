package dev.shipshape.load.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.Mount;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Workload;
import dev.shipshape.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, classes 4, 5 and 8, as {@code audit docker} sees them on a real Engine: the containers
 * {@link LiveEngineSetup} creates with one escape-grade setting each get the same findings a
 * Compose file or a gate request with that setting gets.
 */
class LiveEscapeGradeTest {

    private static final Set<String> RULES = Set.of("runs-as-root", "sensitive-host-path", "unmasked-system-paths",
            "inherits-container-settings", "unconfined-security-profile", "critical-host-device", "host-user-namespace");

    static PrivateDockerEngine engine;
    static int dockerGid;

    @BeforeAll
    static void createObjects() throws Exception {
        engine = LiveEngineSetup.engine();
        dockerGid = (Integer) Files.getAttribute(engine.socket(), "unix:gid");
    }

    @Test
    void eachEscapeGradeContainerGetsExactlyItsFinding(@TempDir Path folder) throws Exception {
        Report report = LiveEngineSetup.audit(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        Map<String, Set<String>> escapes = new TreeMap<>();
        LiveEngineSetup.byObject(report.findings().stream().filter(finding -> RULES.contains(finding.rule().name())).toList())
                .forEach((object, rules) -> {
                    if (object.startsWith("container escape-")) escapes.put(object, rules);
                });
        assertThat(escapes).isEqualTo(Map.of(
                "container escape-user", Set.of("runs-as-root"),
                "container escape-volume", Set.of("sensitive-host-path"),
                "container escape-unmasked", Set.of("unmasked-system-paths"),
                "container escape-inherits", Set.of("inherits-container-settings")));
    }

    @Test
    void theEngineStoresWhatTheReaderJudges(@TempDir Path folder) throws Exception {
        LoadResult loaded = LiveEngineSetup.load(engine, LiveEngineSetup.hostFiles(folder, dockerGid));

        assertThat(container(loaded, "escape-user").user().value()).isEqualTo("+0");
        // the volume's options (type=ext4,o=bind,device=/etc) make it a bind of /etc; the volume mount stays for storage rules
        assertThat(container(loaded, "escape-volume").mounts()).extracting(Mount::type, Mount::source, Mount::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Mount.Type.VOLUME, "etc-bind", "/data"),
                        org.assertj.core.groups.Tuple.tuple(Mount.Type.BIND, "/etc", "/data"));
        // the CLI sends systempaths=unconfined as empty MaskedPaths and ReadonlyPaths
        assertThat(container(loaded, "escape-unmasked").securityOptions())
                .filteredOn(option -> option.kind() == SecurityOption.Kind.SYSTEM_PATHS)
                .extracting(SecurityOption::value).containsExactly("unconfined");
        assertThat(container(loaded, "escape-inherits").volumesFrom()).extracting(setting -> setting.value())
                .containsExactly("hardened:ro");
        // a hardened container keeps Docker's masked paths
        assertThat(container(loaded, "hardened").securityOptions())
                .noneMatch(option -> option.kind() == SecurityOption.Kind.SYSTEM_PATHS);
    }

    private static Container container(LoadResult loaded, String name) {
        Workload workload = loaded.inventory().workloads().stream()
                .filter(candidate -> candidate.kind().equals("container") && candidate.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + name));
        return workload.containers().getFirst();
    }
}
