package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.LoadResult;
import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Resources;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import dev.shipshape.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each service setting becomes in the model, and where it points. */
class ComposeLoaderTest {

    private static final String FILE = "app.compose.yaml";

    @TempDir
    Path folder;

    private LoadResult load(String yaml) throws IOException {
        Path file = folder.resolve(FILE);
        Files.writeString(file, yaml);
        return new ComposeLoader().load(file, FILE, SourceKind.COMPOSE, Map.of());
    }

    private static Origin at(int line, int column) {
        return Origin.at(FILE, line, column);
    }

    private static Container onlyContainer(LoadResult result) {
        assertThat(result.inventory().workloads()).hasSize(1);
        return result.inventory().workloads().getFirst().containers().getFirst();
    }

    @Test
    void serviceBecomesAWorkloadWithOneContainerAndItsSettings() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx:1.27
                    user: "1000:1000"
                    privileged: true
                    read_only: "false"
                    cap_add: [NET_ADMIN]
                    cap_drop:
                      - ALL
                    network_mode: host
                    pid: host
                    ipc: host
                    uts: host
                    devices:
                      - /dev/fuse:/dev/fuse:rwm
                    restart: unless-stopped
                """);
        assertThat(result.diagnostics()).isEmpty();
        Workload workload = result.inventory().workloads().getFirst();
        assertThat(workload.kind()).isEqualTo("service");
        assertThat(workload.name()).isEqualTo("web");
        assertThat(workload.source()).isEqualTo(SourceKind.COMPOSE);
        assertThat(workload.origin()).isEqualTo(at(2, 3));
        assertThat(workload.lastLine()).isEqualTo(16);
        assertThat(workload.restartPolicy()).isEqualTo(Setting.of("unless-stopped", at(16, 5)));
        assertThat(workload.replicas()).isEqualTo(Setting.unset(at(2, 3)));

        Container web = workload.containers().getFirst();
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.description()).isEqualTo("service 'web'");
        assertThat(web.init()).isFalse();
        assertThat(web.origin()).isEqualTo(at(2, 3));
        assertThat(web.image()).isEqualTo(Setting.of("nginx:1.27", at(3, 5)));
        assertThat(web.user()).isEqualTo(Setting.of("1000:1000", at(4, 5)));
        assertThat(web.privileged()).isEqualTo(Setting.of(true, at(5, 5)));
        assertThat(web.readOnlyRootFilesystem()).isEqualTo(Setting.of(false, at(6, 5)));
        assertThat(web.capabilitiesAdded()).containsExactly(Setting.of("NET_ADMIN", at(7, 15)));
        assertThat(web.capabilitiesDropped()).containsExactly(Setting.of("ALL", at(9, 9)));
        assertThat(web.networkMode()).isEqualTo(Setting.of("host", at(10, 5)));
        assertThat(web.pidMode()).isEqualTo(Setting.of("host", at(11, 5)));
        assertThat(web.ipcMode()).isEqualTo(Setting.of("host", at(12, 5)));
        assertThat(web.utsMode()).isEqualTo(Setting.of("host", at(13, 5)));
        assertThat(web.devices()).containsExactly(Setting.of("/dev/fuse:/dev/fuse:rwm", at(15, 9)));
        assertThat(web.runAsNonRoot()).isEqualTo(Setting.unset(at(2, 3)));
        assertThat(web.builtFrom()).isEmpty();
    }

    @Test
    void unstatedSettingsAreUnsetAtTheServiceKey() throws IOException {
        Container bare = onlyContainer(load("""
                services:
                  bare:
                    image: busybox
                """));
        Origin service = at(2, 3);
        assertThat(List.of(bare.user(), bare.networkMode(), bare.pidMode(), bare.ipcMode(), bare.utsMode()))
                .allMatch(setting -> setting.equals(Setting.unset(service)));
        assertThat(List.of(bare.privileged(), bare.readOnlyRootFilesystem(), bare.noNewPrivileges()))
                .allMatch(setting -> setting.equals(Setting.unset(service)));
        assertThat(bare.resources()).isEqualTo(Resources.unset(service));
        assertThat(bare.mounts()).isEmpty();
        assertThat(bare.ports()).isEmpty();
        assertThat(bare.probes()).isEmpty();
        assertThat(bare.environment()).isEmpty();
    }

    @Test
    void securityOptions() throws IOException {
        Container web = onlyContainer(load("""
                services:
                  web:
                    image: nginx
                    security_opt:
                      - seccomp:unconfined
                      - apparmor=unconfined
                      - label:disable
                      - no-new-privileges:true
                      - systempaths=unconfined
                """));
        assertThat(web.securityOptions()).containsExactly(
                new SecurityOption(SecurityOption.Kind.SECCOMP, "unconfined", at(5, 9)),
                new SecurityOption(SecurityOption.Kind.APPARMOR, "unconfined", at(6, 9)),
                new SecurityOption(SecurityOption.Kind.SELINUX, "disable", at(7, 9)),
                new SecurityOption(SecurityOption.Kind.NO_NEW_PRIVILEGES, "true", at(8, 9)),
                new SecurityOption(SecurityOption.Kind.SYSTEM_PATHS, "unconfined", at(9, 9)));
        assertThat(web.securityOptions().subList(0, 3)).allMatch(SecurityOption::isUnconfined);
        assertThat(web.noNewPrivileges()).isEqualTo(Setting.of(true, at(8, 9)));
    }

    @Test
    void noNewPrivilegesForms() throws IOException {
        assertThat(onlyContainer(load(securityOpt("no-new-privileges"))).noNewPrivileges()).isEqualTo(Setting.of(true, at(5, 9)));
        assertThat(onlyContainer(load(securityOpt("no-new-privileges=true"))).noNewPrivileges()).isEqualTo(Setting.of(true, at(5, 9)));
        assertThat(onlyContainer(load(securityOpt("no-new-privileges:false"))).noNewPrivileges()).isEqualTo(Setting.of(false, at(5, 9)));
    }

    private static String securityOpt(String option) {
        return "services:\n  web:\n    image: nginx\n    security_opt:\n      - " + option + "\n";
    }

    @Test
    void portsShortLongAndExpose() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80"
                      - 8080:80
                      - "127.0.0.1:8443:443"
                      - "[::1]:5353:53/udp"
                      - target: 9000
                        published: "9000-9001"
                        host_ip: 10.0.0.1
                        protocol: udp
                      - target: 9100
                    expose:
                      - "3000"
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(onlyContainer(result).ports()).containsExactly(
                new Port(Setting.unset(at(5, 9)), "", "80", "tcp", at(5, 9)),
                new Port(Setting.unset(at(6, 9)), "8080", "80", "tcp", at(6, 9)),
                new Port(Setting.of("127.0.0.1", at(7, 9)), "8443", "443", "tcp", at(7, 9)),
                new Port(Setting.of("::1", at(8, 9)), "5353", "53", "udp", at(8, 9)),
                new Port(Setting.of("10.0.0.1", at(11, 9)), "9000-9001", "9000", "udp", at(9, 9)),
                new Port(Setting.unset(at(13, 9)), "", "9100", "tcp", at(13, 9)),
                new Port(Setting.unset(at(15, 9)), null, "3000", "tcp", at(15, 9)));
    }

    @Test
    void volumesTmpfsSecretsAndTheApiSocket() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    volumes:
                      - /var/run/docker.sock:/var/run/docker.sock:ro
                      - data:/data
                      - /cache
                      - type: bind
                        source: /etc
                        target: /host/etc
                        read_only: true
                    tmpfs: /run
                    use_api_socket: true
                    secrets:
                      - db_password
                      - source: api_key
                        target: api.key
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(onlyContainer(result).mounts()).containsExactly(
                new Mount(Mount.Type.BIND, "/var/run/docker.sock", "/var/run/docker.sock", Setting.of(true, at(5, 9)), at(5, 9)),
                new Mount(Mount.Type.VOLUME, "data", "/data", Setting.unset(at(6, 9)), at(6, 9)),
                new Mount(Mount.Type.VOLUME, null, "/cache", Setting.unset(at(7, 9)), at(7, 9)),
                new Mount(Mount.Type.BIND, "/etc", "/host/etc", Setting.of(true, at(8, 9)), at(8, 9)),
                new Mount(Mount.Type.TMPFS, null, "/run", Setting.unset(at(12, 12)), at(12, 12)),
                new Mount(Mount.Type.BIND, "/var/run/docker.sock", "/var/run/docker.sock", Setting.unset(at(13, 5)), at(13, 5)),
                new Mount(Mount.Type.SECRET, "db_password", "/run/secrets/db_password", Setting.of(true, at(15, 9)), at(15, 9)),
                new Mount(Mount.Type.SECRET, "api_key", "/run/secrets/api.key", Setting.of(true, at(16, 9)), at(16, 9)));
    }

    @Test
    void tmpfsSizesFromOptionsAndFromLongFormVolumes() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    read_only: true
                    tmpfs:
                      - /run:size=16M,mode=1750,exec
                      - /tmp:rw,noexec,nosuid
                      - /cache:mode=1777, size=64m
                    volumes:
                      - type: tmpfs
                        target: /scratch
                        tmpfs:
                          size: 67108864
                          mode: 1777
                      - type: tmpfs
                        target: /buffer
                  api:
                    image: api
                    tmpfs: /run:size=1g
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().workloads().get(0).containers().getFirst().mounts()).containsExactly(
                new Mount(Mount.Type.TMPFS, null, "/scratch", Setting.unset(at(10, 9)), at(10, 9), Setting.of("67108864", at(13, 11))),
                new Mount(Mount.Type.TMPFS, null, "/buffer", Setting.unset(at(15, 9)), at(15, 9), Setting.unset(at(15, 9))),
                new Mount(Mount.Type.TMPFS, null, "/run", Setting.unset(at(6, 9)), at(6, 9), Setting.of("16M", at(6, 9))),
                new Mount(Mount.Type.TMPFS, null, "/tmp", Setting.unset(at(7, 9)), at(7, 9), Setting.unset(at(7, 9))),
                new Mount(Mount.Type.TMPFS, null, "/cache", Setting.unset(at(8, 9)), at(8, 9), Setting.of("64m", at(8, 9))));
        assertThat(result.inventory().workloads().get(1).containers().getFirst().mounts()).containsExactly(
                new Mount(Mount.Type.TMPFS, null, "/run", Setting.unset(at(19, 12)), at(19, 12), Setting.of("1g", at(19, 12))));
    }

    @Test
    void networksAsListOrMap() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    networks: [front, back]
                  api:
                    image: api
                    networks:
                      back:
                        aliases: [api]
                      front:
                """);
        assertThat(result.inventory().workloads().get(0).containers().getFirst().networks())
                .containsExactly(Setting.of("front", at(4, 16)), Setting.of("back", at(4, 23)));
        assertThat(result.inventory().workloads().get(1).containers().getFirst().networks())
                .containsExactly(Setting.of("back", at(8, 7)), Setting.of("front", at(10, 7)));
    }

    @Test
    void environmentAsListOrMap() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    environment:
                      - MODE=prod
                      - HOME
                      - EMPTY=
                  api:
                    image: api
                    environment:
                      PORT: 8080
                      DEBUG: true
                      TOKEN:
                """);
        assertThat(result.inventory().workloads().get(0).containers().getFirst().environment()).containsExactly(
                EnvVar.literal("MODE", "prod", false, at(5, 9)),
                new EnvVar("HOME", null, EnvVar.ValueSource.REFERENCE, false, at(6, 9)),
                EnvVar.literal("EMPTY", "", false, at(7, 9)));
        assertThat(result.inventory().workloads().get(1).containers().getFirst().environment()).containsExactly(
                EnvVar.literal("PORT", "8080", false, at(11, 7)),
                EnvVar.literal("DEBUG", "true", false, at(12, 7)),
                new EnvVar("TOKEN", null, EnvVar.ValueSource.REFERENCE, false, at(13, 7)));
    }

    @Test
    void healthchecks() throws IOException {
        LoadResult result = load("""
                services:
                  checked:
                    image: a
                    healthcheck:
                      test: ["CMD", "true"]
                  disabled:
                    image: b
                    healthcheck:
                      disable: true
                  none:
                    image: c
                    healthcheck:
                      test: ["NONE"]
                  timings:
                    image: d
                    healthcheck:
                      interval: 5s
                """);
        List<Workload> workloads = result.inventory().workloads();
        assertThat(workloads.get(0).containers().getFirst().probes()).containsExactly(new Probe(Probe.Kind.HEALTHCHECK, false, at(4, 5)));
        assertThat(workloads.get(1).containers().getFirst().probes()).containsExactly(new Probe(Probe.Kind.HEALTHCHECK, true, at(8, 5)));
        assertThat(workloads.get(2).containers().getFirst().probes()).containsExactly(new Probe(Probe.Kind.HEALTHCHECK, true, at(12, 5)));
        assertThat(workloads.get(3).containers().getFirst().probes()).isEmpty();
    }

    @Test
    void resourcesFromServiceKeys() throws IOException {
        Container web = onlyContainer(load("""
                services:
                  web:
                    image: nginx
                    mem_limit: 512m
                    cpus: 0.5
                    pids_limit: 100
                """));
        assertThat(web.resources()).isEqualTo(new Resources(Setting.of("512m", at(4, 5)), Setting.of("0.5", at(5, 5)), Setting.of(100L, at(6, 5))));
    }

    @Test
    void deployLimitsWinAndDeployGivesReplicasAndRestartPolicy() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    mem_limit: 1g
                    restart: always
                    deploy:
                      replicas: 3
                      restart_policy:
                        condition: on-failure
                      resources:
                        limits:
                          memory: 256M
                          cpus: "0.25"
                          pids: 50
                """);
        Workload web = result.inventory().workloads().getFirst();
        assertThat(web.replicas()).isEqualTo(Setting.of(3, at(7, 7)));
        assertThat(web.restartPolicy()).isEqualTo(Setting.of("on-failure", at(9, 9)));
        assertThat(web.containers().getFirst().resources())
                .isEqualTo(new Resources(Setting.of("256M", at(12, 11)), Setting.of("0.25", at(13, 11)), Setting.of(50L, at(14, 11))));
    }

    @Test
    void restartPolicyWithoutConditionMeansAny() throws IOException {
        Workload web = load("""
                services:
                  web:
                    image: nginx
                    deploy:
                      restart_policy:
                        max_attempts: 3
                """).inventory().workloads().getFirst();
        assertThat(web.restartPolicy()).isEqualTo(Setting.of("any", at(5, 7)));
    }

    @Test
    void labelsKeepRepeatedKeysInBothForms() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                    labels:
                      - com.example.team=web
                      - com.example.team=ops
                      - flag
                  api:
                    image: api
                    labels:
                      tier: backend
                      tier: frontend
                """);
        assertThat(result.inventory().workloads().get(0).labels()).containsExactly(
                new KeyValue("com.example.team", "web", at(5, 9)),
                new KeyValue("com.example.team", "ops", at(6, 9)),
                new KeyValue("flag", "", at(7, 9)));
        assertThat(result.inventory().workloads().get(1).labels()).containsExactly(
                new KeyValue("tier", "backend", at(11, 7)),
                new KeyValue("tier", "frontend", at(12, 7)));
    }

    @Test
    void topLevelNetworksAndVolumes() throws IOException {
        LoadResult result = load("""
                services:
                  web:
                    image: nginx
                networks:
                  front:
                  secure:
                    driver: overlay
                    internal: true
                    driver_opts:
                      encrypted: ""
                  outside:
                    external: true
                volumes:
                  data:
                    driver: local
                    driver_opts:
                      type: none
                      o: bind
                      device: /srv/data
                  legacy:
                    external:
                      name: old
                secrets:
                  db_password:
                    file: ./db_password.txt
                configs:
                  app:
                    external: true
                """);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.inventory().networks()).containsExactly(
                new Network("front", SourceKind.COMPOSE, at(5, 3), Setting.unset(at(5, 3)), List.of(), false, Setting.unset(at(5, 3))),
                new Network("secure", SourceKind.COMPOSE, at(6, 3), Setting.of("overlay", at(7, 5)),
                        List.of(new KeyValue("encrypted", "", at(10, 7))), false, Setting.of(true, at(8, 5))),
                new Network("outside", SourceKind.COMPOSE, at(11, 3), Setting.unset(at(11, 3)), List.of(), true, Setting.unset(at(11, 3))));
        assertThat(result.inventory().volumes()).containsExactly(
                new Volume("data", SourceKind.COMPOSE, at(14, 3), Setting.of("local", at(15, 5)), List.of(
                        new KeyValue("type", "none", at(17, 7)), new KeyValue("o", "bind", at(18, 7)), new KeyValue("device", "/srv/data", at(19, 7))), false),
                new Volume("legacy", SourceKind.COMPOSE, at(20, 3), Setting.unset(at(20, 3)), List.of(), true));
    }

    @Test
    void yamlAnchorsAndMergeKeysAreFollowed() throws IOException {
        LoadResult result = load("""
                x-hardening: &hardening
                  read_only: true
                  cap_drop: [ALL]
                services:
                  web:
                    <<: *hardening
                    image: nginx
                """);
        Container web = onlyContainer(result);
        assertThat(web.readOnlyRootFilesystem()).isEqualTo(Setting.of(true, at(2, 3)));
        assertThat(web.capabilitiesDropped()).containsExactly(Setting.of("ALL", at(3, 14)));
    }

    @Test
    void stackFilesKeepTheirKind() throws IOException {
        Path file = folder.resolve("app.stack.yaml");
        Files.writeString(file, "services:\n  web:\n    image: nginx\n");
        LoadResult result = new ComposeLoader().load(file, "app.stack.yaml", SourceKind.STACK, Map.of());
        assertThat(result.inventory().workloads().getFirst().source()).isEqualTo(SourceKind.STACK);
    }

    @Test
    void legacyFormatWithoutServicesKeyIsReadWithAWarning() throws IOException {
        LoadResult result = load("""
                web:
                  image: nginx
                  privileged: true
                """);
        assertThat(onlyContainer(result).privileged()).isEqualTo(Setting.of(true, at(3, 3)));
        assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.origin()).isEqualTo(at(1, 1));
            assertThat(diagnostic.message()).contains("legacy Compose file format 1");
        });
    }

    @Test
    void theTextMayBeGivenAlreadyRead() throws IOException {
        Path file = folder.resolve(FILE);
        LoadResult result = new ComposeLoader().load(file, FILE, SourceKind.COMPOSE, Map.of(), "services:\n  web:\n    image: nginx\n");
        assertThat(onlyContainer(result).image()).isEqualTo(Setting.of("nginx", at(3, 5)));
    }
}
