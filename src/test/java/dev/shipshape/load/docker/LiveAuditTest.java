package dev.shipshape.load.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.DaemonConfig;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Network;
import dev.shipshape.model.Port;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit docker} against a real Docker Engine: what it reads, and exactly which findings it gives. */
class LiveAuditTest {

    /** The rules this test pins exactly: the container rules the issue names, networking, the daemon and the live-only rules. */
    private static final Set<String> PINNED = Set.of(
            "privileged-container", "runs-as-root", "dangerous-capability", "capabilities-not-dropped",
            "privilege-escalation-allowed", "docker-socket-mounted", "writable-host-mount", "writable-root-filesystem",
            "unconfined-security-profile", "host-network", "port-on-all-interfaces", "default-bridge-network",
            "unencrypted-overlay", "daemon-icc-enabled", "daemon-live-restore-disabled", "daemon-no-new-privileges-disabled",
            "daemon-tcp-without-tls", "daemon-userns-remap-disabled", "daemon-without-authorization-plugin",
            "daemon-socket-too-open", "docker-group-members", "image-without-digest", "dangling-volume",
            "container-unhealthy", "container-restarting");

    /** What a container without any hardening gets from the pinned rules. */
    private static final Set<String> UNHARDENED = Set.of("runs-as-root", "capabilities-not-dropped",
            "privilege-escalation-allowed", "writable-root-filesystem", "image-without-digest");

    static PrivateDockerEngine engine;
    static int dockerGid;

    @BeforeAll
    static void createObjects() throws Exception {
        engine = LiveEngineSetup.engine();
        dockerGid = (Integer) Files.getAttribute(engine.socket(), "unix:gid");
    }

    @Test
    void findsExactlyTheExpectedFindingsPerObject(@TempDir Path folder) throws Exception {
        Report report = LiveEngineSetup.audit(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        Map<String, Set<String>> pinned = new TreeMap<>(LiveEngineSetup.byObject(
                report.findings().stream().filter(finding -> PINNED.contains(finding.rule().name())).toList()));

        Map<String, Set<String>> expected = new TreeMap<>();
        // the service's task container is audited through the service (below), not a second time
        expected.put("container crashing", Set.of("container-restarting"));
        expected.put("container hardened", Set.of("image-without-digest"));
        expected.put("container escape-user", Set.of("runs-as-root"));
        expected.put("container hostnet", union(UNHARDENED, "host-network"));
        // created but never started (this sandbox cannot start a privileged container), so no image-without-digest;
        // the label=disable the engine itself adds to a privileged container is not reported a second time
        expected.put("container privileged", Set.of("privileged-container", "runs-as-root", "capabilities-not-dropped",
                "privilege-escalation-allowed", "writable-root-filesystem"));
        expected.put("container published", union(UNHARDENED, "port-on-all-interfaces"));
        expected.put("container sick", Set.of("container-unhealthy", "image-without-digest"));
        expected.put("container socket-mounted", union(UNHARDENED, "docker-socket-mounted")); // the socket is docker-socket-mounted's alone: one cause, one finding
        // capabilities-not-dropped is suppressed by the container's ignore.shipshape.dev label
        expected.put("container sys-admin", Set.of("runs-as-root", "privilege-escalation-allowed",
                "writable-root-filesystem", "image-without-digest", "dangerous-capability"));
        expected.put("daemon " + engine.host(), Set.of("daemon-live-restore-disabled", "daemon-no-new-privileges-disabled",
                "daemon-userns-remap-disabled", "daemon-without-authorization-plugin"));
        expected.put("group docker", Set.of("docker-group-members"));
        expected.put("network ingress", Set.of("unencrypted-overlay"));
        expected.put("network plainnet", Set.of("unencrypted-overlay"));
        expected.put("service api", Set.of("runs-as-root", "capabilities-not-dropped", "privilege-escalation-allowed",
                "writable-root-filesystem"));
        expected.put("volume orphan", Set.of("dangling-volume"));
        assertThat(pinned).isEqualTo(expected);
    }

    @Test
    void theHardenedContainerHasNoFindingOfAnyRuleButItsLocalImage(@TempDir Path folder) throws Exception {
        Report report = LiveEngineSetup.audit(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        assertThat(LiveEngineSetup.byObject(report.findings())).containsEntry("container hardened", Set.of("image-without-digest"));
    }

    @Test
    void liveOnlyFindingsNameTheObjectAndTheFact(@TempDir Path folder) throws Exception {
        Report report = LiveEngineSetup.audit(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        assertThat(messagesOf(report, "container-restarting")).containsExactly("container 'crashing' has been restarted 4 times");
        assertThat(messagesOf(report, "dangling-volume")).containsExactly("volume 'orphan' (driver local) is used by no container");
        assertThat(messagesOf(report, "docker-group-members")).containsExactly(
                "3 users in group 'docker' can use the Docker daemon, and so each is root on the host: alice, bob, carol");
        assertThat(messagesOf(report, "container-unhealthy")).singleElement().asString()
                .startsWith("container 'sick' is unhealthy: its health check failed ");
        assertThat(report.findings()).filteredOn(finding -> finding.rule().name().equals("image-without-digest"))
                .allSatisfy(finding -> assertThat(finding.message()).contains("runs image 'shipshape/busybox:test' ("));
        assertThat(report.suppressed()).singleElement().satisfies(suppressed -> {
            assertThat(suppressed.finding().rule().name()).isEqualTo("capabilities-not-dropped");
            assertThat(suppressed.finding().origin().source()).startsWith("container sys-admin (");
            assertThat(suppressed.reason()).isEqualTo("the vendor's entrypoint drops them itself");
        });
    }

    @Test
    void aWorldWritableSocketIsTooOpen(@TempDir Path folder) throws Exception {
        HostFiles host = LiveEngineSetup.hostFiles(folder, dockerGid);
        assertThat(messagesOf(LiveEngineSetup.audit(engine, host), "daemon-socket-too-open")).isEmpty();
        var before = Files.getPosixFilePermissions(engine.socket());
        try {
            Files.setPosixFilePermissions(engine.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
            Report report = LiveEngineSetup.audit(engine, host);
            assertThat(report.findings()).filteredOn(finding -> finding.rule().name().equals("daemon-socket-too-open"))
                    .singleElement().satisfies(finding -> {
                        assertThat(finding.origin().source()).isEqualTo("socket " + engine.socket());
                        assertThat(finding.message()).isEqualTo("the Docker socket " + engine.socket()
                                + " is writable by every user (mode 0666): write access to it is root on the host");
                    });
        } finally {
            Files.setPosixFilePermissions(engine.socket(), before);
        }
    }

    @Test
    void aContainersCommandLineIsReadAndJudgedAsScanJudgesIt(@TempDir Path folder) throws Exception {
        LoadResult loaded = LiveEngineSetup.load(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        assertThat(workload(loaded, "container", "kv-password").containers().getFirst().command())
                .extracting(setting -> setting.value()).containsExactly("redis-server", "--requirepass", "not-a-real-secret");

        Report report = LiveEngineSetup.audit(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        assertThat(report.findings()).filteredOn(finding -> finding.rule().name().equals("datastore-without-auth"))
                .extracting(finding -> finding.origin().source().replaceAll(" \\([0-9a-f]{12}\\)$", ""), Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("container kv-open",
                        "container 'kv-open' runs Redis (redis:7) without authentication: nothing sets --requirepass, --aclfile or REDIS_PASSWORD"));
    }

    @Test
    void translatesContainersServicesNetworksVolumesAndTheDaemon(@TempDir Path folder) throws Exception {
        LoadResult loaded = LiveEngineSetup.load(engine, LiveEngineSetup.hostFiles(folder, dockerGid));
        assertThat(loaded.diagnostics()).isEmpty();

        Workload hardened = workload(loaded, "container", "hardened");
        assertThat(hardened.origin().source()).matches("container hardened \\([0-9a-f]{12}\\)");
        assertThat(hardened.origin().line()).isZero();
        assertThat(hardened.restartPolicy().value()).isEqualTo("on-failure:5");
        Container container = hardened.containers().getFirst();
        assertThat(container.description()).isEqualTo("container 'hardened'");
        assertThat(container.image().value()).isEqualTo(PrivateDockerEngine.IMAGE);
        assertThat(container.user().value()).isEqualTo("10001:10001");
        assertThat(container.privileged().isFalse()).isTrue();
        assertThat(container.readOnlyRootFilesystem().isTrue()).isTrue();
        assertThat(container.noNewPrivileges().isTrue()).isTrue();
        assertThat(container.capabilitiesDropped()).extracting(setting -> setting.value()).containsExactly("ALL");
        assertThat(container.capabilitiesAdded()).isEmpty();
        assertThat(container.networkMode().value()).isEqualTo("none");
        assertThat(container.resources().memoryLimit().value()).isEqualTo("67108864");
        assertThat(container.resources().cpuLimit().value()).isEqualTo("0.5");
        assertThat(container.resources().pidsLimit().value()).isEqualTo(50L);
        assertThat(container.mounts()).singleElement().satisfies(mount -> {
            assertThat(mount.type()).isEqualTo(Mount.Type.VOLUME);
            assertThat(mount.source()).isEqualTo("data");
            assertThat(mount.target()).isEqualTo("/data");
            assertThat(mount.readOnly().isFalse()).isTrue();
        });
        assertThat(container.probes()).singleElement().satisfies(probe -> assertThat(probe.disabled()).isFalse());
        assertThat(container.runtime()).hasValueSatisfying(runtime -> {
            assertThat(runtime.status()).isEqualTo("running");
            assertThat(runtime.health()).isEqualTo("healthy");
            assertThat(runtime.restartCount()).isZero();
            assertThat(runtime.imageRepoDigests()).isEmpty();
        });

        Container published = workload(loaded, "container", "published").containers().getFirst();
        assertThat(published.networkMode().value()).isEqualTo("appnet");
        assertThat(published.ports()).singleElement().satisfies(port -> {
            assertThat(port.hostIp().value()).isEqualTo("0.0.0.0");
            assertThat(port.hostPort()).isEmpty();
            assertThat(port.containerPort()).isEqualTo("80");
            assertThat(port.protocol()).isEqualTo("tcp");
        });
        Container sysAdmin = workload(loaded, "container", "sys-admin").containers().getFirst();
        assertThat(sysAdmin.capabilitiesAdded()).extracting(setting -> setting.value()).containsExactly("SYS_ADMIN"); // as Debian's docker 20.10 CLI sends it
        assertThat(sysAdmin.user().isSet()).isFalse();
        assertThat(workload(loaded, "container", "privileged").containers().getFirst().runtime())
                .hasValueSatisfying(runtime -> assertThat(runtime.status()).isEqualTo("created"));

        Workload service = workload(loaded, "service", "api");
        assertThat(service.origin().source()).matches("service api \\([0-9a-z]{12}\\)");
        assertThat(service.replicas().value()).isEqualTo(1);
        assertThat(service.restartPolicy().value()).isEqualTo("any");
        assertThat(service.scheduling().mode().value()).isEqualTo("replicated");
        assertThat(service.containers().getFirst().networks()).extracting(setting -> setting.value()).containsExactly("plainnet");
        assertThat(service.containers().getFirst().runtime()).isEmpty();
        assertThat(loaded.inventory().workloads()).as("task containers, audited through their service on a manager")
                .noneMatch(workload -> workload.name().startsWith("api.1."));

        Map<String, Network> networks = new TreeMap<>();
        loaded.inventory().networks().forEach(network -> networks.put(network.name(), network));
        assertThat(networks.keySet()).containsExactlyInAnyOrder("appnet", "docker_gwbridge", "host", "ingress", "none",
                "plainnet", "secnet");
        assertThat(networks.get("plainnet").driver().value()).isEqualTo("overlay");
        assertThat(networks.get("secnet").driverOptions()).extracting(option -> option.key()).contains("encrypted");
        assertThat(networks.get("plainnet").driverOptions()).extracting(option -> option.key()).doesNotContain("encrypted");

        Map<String, Boolean> inUse = new TreeMap<>();
        for (Volume volume : loaded.inventory().volumes()) inUse.put(volume.name(), volume.inUse().value());
        assertThat(inUse).contains(entry("data", true), entry("orphan", false));

        DaemonConfig daemon = loaded.inventory().daemons().getFirst();
        assertThat(daemon.origin().source()).isEqualTo("daemon " + engine.host());
        assertThat(daemon.liveRestore().isFalse()).isTrue();
        assertThat(daemon.icc().isFalse()).as("no default bridge (--bridge=none): no traffic on it to allow").isTrue();
        assertThat(daemon.hosts()).isEmpty();
        assertThat(daemon.socket()).hasValueSatisfying(socket -> {
            assertThat(socket.owner()).isEqualTo("root");
            assertThat(socket.group()).isEqualTo("docker");
            assertThat(socket.modeText()).isEqualTo("0660");
        });
        assertThat(daemon.socketGroup()).hasValueSatisfying(group ->
                assertThat(group.members()).containsExactly("alice", "bob", "carol"));
    }

    @Test
    void unreadableHostFilesAreWarningsNotFailures(@TempDir Path folder) throws Exception {
        Path daemonJson = Files.createDirectory(folder.resolve("daemon.json"));
        HostFiles host = new HostFiles(daemonJson, folder.resolve("missing-group"), folder.resolve("missing-passwd"));
        LoadResult loaded = LiveEngineSetup.load(engine, host);
        assertThat(loaded.diagnostics()).extracting(diagnostic -> diagnostic.level() + " " + diagnostic.origin().source() + ": "
                + diagnostic.message()).containsExactlyInAnyOrder(
                "WARNING " + daemonJson + ": not readable here (Is a directory): the daemon settings only it "
                        + "holds (icc, no-new-privileges, tls, hosts) are not checked",
                "WARNING " + folder.resolve("missing-group") + ": not readable here (it does not exist): "
                        + "who may use the Docker socket is not checked");
        assertThat(loaded.inventory().daemons().getFirst().socketGroup()).isEmpty();
    }

    private static Workload workload(LoadResult loaded, String kind, String name) {
        return loaded.inventory().workloads().stream()
                .filter(workload -> workload.kind().equals(kind) && workload.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<String> messagesOf(Report report, String rule) {
        return report.findings().stream().filter(finding -> finding.rule().name().equals(rule)).map(Finding::message).toList();
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
