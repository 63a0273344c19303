package dev.shipshape.load.docker;

import dev.shipshape.load.LoadResult;
import dev.shipshape.report.Report;
import dev.shipshape.rules.Finding;
import dev.shipshape.scan.ConfigurationException;
import dev.shipshape.scan.Coverage;
import dev.shipshape.scan.InventoryCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The containers, networks, volumes and Swarm objects the live audit tests look at, created once
 * on the {@link PrivateDockerEngine}: containers that break rules (privileged, host network,
 * docker.sock mounted, SYS_ADMIN added, published on 0.0.0.0, no user), hardened ones, an
 * unhealthy one, one that kept crashing, a used and an unused volume, a Swarm service on an
 * unencrypted overlay network, and two "Redis" containers, with and without a password on their command line.
 */
final class LiveEngineSetup {

    private static boolean created;

    private LiveEngineSetup() {
    }

    /** Flags that leave the generic rules nothing to say about a container (but its local image). */
    static final List<String> HARDENED = List.of("--network", "none", "--user", "10001:10001", "--read-only",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--memory", "64m", "--cpus", "0.5",
            "--pids-limit", "50", "--restart", "on-failure:5");

    /** The test image under a name the catalogue of known systems recognises as Redis. */
    static final String REDIS_IMAGE = "redis:7";

    static synchronized PrivateDockerEngine engine() {
        PrivateDockerEngine engine = PrivateDockerEngine.shared();
        if (!created) {
            create(engine);
            created = true;
        }
        return engine;
    }

    private static void create(PrivateDockerEngine engine) {
        String image = PrivateDockerEngine.IMAGE;
        engine.docker("create", "--name", "privileged", "--privileged", "--network", "none", image);
        engine.docker("run", "-d", "--name", "hostnet", "--network", "host", image);
        engine.docker("run", "-d", "--name", "socket-mounted", "--network", "none",
                "-v", engine.socket() + ":/var/run/docker.sock", image);
        engine.docker("run", "-d", "--name", "sys-admin", "--network", "none", "--cap-add", "SYS_ADMIN",
                "--label", "ignore.shipshape.dev/capabilities-not-dropped=the vendor's entrypoint drops them itself", image);
        engine.docker("network", "create", "appnet");
        engine.docker("run", "-d", "--name", "published", "--network", "appnet", "-p", "0.0.0.0::80", image);
        engine.docker("volume", "create", "data");
        engine.docker("volume", "create", "orphan");
        engine.docker(concat(List.of("run", "-d", "--name", "hardened"), HARDENED,
                List.of("--health-cmd", "true", "--health-interval", "1s", "-v", "data:/data", image)));
        engine.docker(concat(List.of("run", "-d", "--name", "sick"), HARDENED,
                List.of("--health-cmd", "false", "--health-interval", "1s", "--health-retries", "1", image)));
        // on-failure:4 ends the loop after four restarts, so the state the audit sees is stable
        engine.docker(concat(List.of("run", "-d", "--name", "crashing"), HARDENED.subList(0, HARDENED.size() - 2),
                List.of("--restart", "on-failure:4", "--health-cmd", "true", image, "false")));

        // escape-grade settings (issue 9): created, not started, hardened but for the one setting
        engine.docker(concat(List.of("create", "--name", "escape-user"), HARDENED, List.of("--user", "+0", image)));
        engine.docker("volume", "create", "--driver", "local", "-o", "type=ext4", "-o", "o=bind", "-o", "device=/etc", "etc-bind");
        engine.docker(concat(List.of("create", "--name", "escape-volume"), HARDENED, List.of("-v", "etc-bind:/data:ro", image)));
        engine.docker(concat(List.of("create", "--name", "escape-unmasked"), HARDENED,
                List.of("--security-opt", "systempaths=unconfined", image)));
        engine.docker(concat(List.of("create", "--name", "escape-inherits"), HARDENED, List.of("--volumes-from", "hardened:ro", image)));

        // known systems (issue 13): the catalogue knows an image by its name, so the busybox image is tagged as Redis;
        // created, not started, hardened: only the command line differs
        engine.docker("tag", image, REDIS_IMAGE);
        engine.docker(concat(List.of("create", "--name", "kv-open"), HARDENED, List.of(REDIS_IMAGE, "redis-server", "--protected-mode", "no")));
        engine.docker(concat(List.of("create", "--name", "kv-password"), HARDENED,
                List.of(REDIS_IMAGE, "redis-server", "--requirepass", "not-a-real-secret")));

        int swarmPort = PrivateDockerEngine.freePort();
        // a VXLAN port of its own: two Swarm engines on one host (two test runs at once) would clash on 4789
        engine.docker("swarm", "init", "--advertise-addr", "127.0.0.1:" + swarmPort, "--listen-addr", "127.0.0.1:" + swarmPort,
                "--data-path-port", Integer.toString(PrivateDockerEngine.freeUdpPort()));
        engine.docker("network", "create", "--driver", "overlay", "plainnet");
        engine.docker("network", "create", "--driver", "overlay", "--opt", "encrypted", "secnet");
        engine.docker("service", "create", "--detach", "--name", "api", "--network", "plainnet", image);

        PrivateDockerEngine.await("container 'sick' to be unhealthy", Duration.ofSeconds(60),
                () -> engine.docker("inspect", "--format", "{{.State.Health.Status}}", "sick").equals("unhealthy"));
        PrivateDockerEngine.await("container 'hardened' to be healthy", Duration.ofSeconds(60),
                () -> engine.docker("inspect", "--format", "{{.State.Health.Status}}", "hardened").equals("healthy"));
        PrivateDockerEngine.await("container 'crashing' to give up", Duration.ofSeconds(90),
                () -> engine.docker("inspect", "--format", "{{.State.Status}} {{.RestartCount}}", "crashing").equals("exited 4"));
        PrivateDockerEngine.await("the task of service 'api' to run", Duration.ofSeconds(90),
                () -> engine.docker("ps", "--filter", "label=com.docker.swarm.service.name=api", "--filter", "status=running",
                        "--format", "{{.Names}}").startsWith("api.1."));
    }

    private static String[] concat(List<String> first, List<String> second, List<String> third) {
        return java.util.stream.Stream.of(first, second, third).flatMap(List::stream).toArray(String[]::new);
    }

    /** Host files of the test's own: no daemon.json, and a docker group with alice and bob (carol by primary group). */
    static HostFiles hostFiles(Path folder, int dockerGid) throws IOException {
        Path group = folder.resolve("group");
        Path passwd = folder.resolve("passwd");
        Files.writeString(group, "root:x:0:\ndocker:x:" + dockerGid + ":alice,bob\nstaff:x:50:dave\n", StandardCharsets.UTF_8);
        Files.writeString(passwd, "root:x:0:0:root:/root:/bin/sh\ncarol:x:1001:" + dockerGid + "::/home/carol:/bin/sh\n",
                StandardCharsets.UTF_8);
        return new HostFiles(folder.resolve("no-daemon.json"), group, passwd);
    }

    static LoadResult load(PrivateDockerEngine engine, HostFiles host) throws EngineUnavailable {
        EngineAddress address = EngineAddress.resolve(engine.host(), null, null, null, Map.of());
        return new DockerEngineLoader(host, 8).load(address).result();
    }

    static Report audit(PrivateDockerEngine engine, HostFiles host) throws EngineUnavailable, ConfigurationException {
        return InventoryCheck.check(load(engine, host), Optional.empty(), Set.of(), Set.of(),
                new Coverage(Map.of(), Map.of(), List.of(), 0)).report();
    }

    /** Rule names by the object they name; a Swarm task's container is shown as "container api.1.*". */
    static Map<String, Set<String>> byObject(List<Finding> findings) {
        Map<String, Set<String>> byObject = new TreeMap<>();
        for (Finding finding : findings) {
            String object = finding.origin().source().replaceAll("^container (api\\.1)\\.\\S+ \\(\\w+\\)$", "container $1.*")
                    .replaceAll(" \\([0-9a-z]{12}\\)$", "");
            byObject.computeIfAbsent(object, key -> new TreeSet<>()).add(finding.rule().name());
        }
        return byObject;
    }
}
