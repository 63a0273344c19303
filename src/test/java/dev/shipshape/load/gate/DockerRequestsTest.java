package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipshape.model.Container;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Inventory;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Mount;
import dev.shipshape.model.Network;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.SecurityOption;
import dev.shipshape.model.Setting;
import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Workload;
import dev.shipshape.policy.Enforcement.Action;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker API requests, as the daemon passes them to its authorization plugin, turned into what the gate judges. */
class DockerRequestsTest {

    /** What docker CLI 28 sent for a `docker run` with most flags that matter (PROTOCOLS.md §1a). */
    static final String CLI_CREATE_BODY = """
            {"User":"1000:1000","Env":["SECRET=x"],"Image":"nginx:1.27","Labels":{"app":"web"},"ExposedPorts":{"80/tcp":{}},
             "Healthcheck":{"Test":["CMD-SHELL","curl -f http://localhost/"],"Interval":30000000000},
             "HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock:ro"],"NetworkMode":"host",
              "PortBindings":{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]},"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3},
              "CapAdd":["CAP_NET_ADMIN"],"CapDrop":["ALL"],"IpcMode":"host","PidMode":"host","UsernsMode":"host","Privileged":true,
              "ReadonlyRootfs":true,"SecurityOpt":["seccomp=unconfined","no-new-privileges"],"Memory":268435456,"PidsLimit":100,
              "Devices":[{"PathOnHost":"/dev/fuse","PathInContainer":"/dev/fuse","CgroupPermissions":"rwm"}],
              "Mounts":[{"Type":"volume","Source":"data","Target":"/data"},{"Type":"tmpfs","Target":"/tmp","TmpfsOptions":{"SizeBytes":67108864}}]},
             "NetworkingConfig":{"EndpointsConfig":{}}}
            """;

    private static final Origin WEB = Origin.live("container web (request)");

    static AuthzRequest request(String method, String uri, String body) {
        return new AuthzRequest("", method, uri, Optional.ofNullable(body).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }

    private static GateInput.Modelled modelled(String method, String uri, String body) {
        DockerRequest read = DockerRequests.read(request(method, uri, body));
        assertThat(read.input()).isInstanceOf(GateInput.Modelled.class);
        GateInput.Modelled modelled = (GateInput.Modelled) read.input();
        assertThat(modelled.loaded().diagnostics()).isEmpty();
        assertThat(modelled.loaded().suppressions()).isEmpty();
        return modelled;
    }

    private static Container created(String body) {
        Inventory inventory = modelled("POST", "/v1.41/containers/create?name=web", body).loaded().inventory();
        assertThat(inventory.workloads()).hasSize(1);
        return inventory.workloads().getFirst().containers().getFirst();
    }

    @Test
    void aCreateBodyIsReadAsTheContainerItMakes() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/containers/create?name=web", CLI_CREATE_BODY);
        Workload workload = modelled.loaded().inventory().workloads().getFirst();
        Container web = workload.containers().getFirst();

        assertThat(modelled.scope()).isEqualTo(RuleScope.all());
        assertThat(workload.kind()).isEqualTo("container");
        assertThat(workload.name()).isEqualTo("web");
        // unset means the image decides, as for a Compose service: the body does not carry the image's USER or HEALTHCHECK
        assertThat(workload.source()).isEqualTo(SourceKind.COMPOSE);
        assertThat(workload.restartPolicy()).isEqualTo(Setting.of("on-failure:3", WEB));
        assertThat(workload.labels()).containsExactly(new KeyValue("app", "web", WEB));
        assertThat(web.description()).isEqualTo("container 'web'");
        assertThat(web.image()).isEqualTo(Setting.of("nginx:1.27", WEB));
        assertThat(web.user()).isEqualTo(Setting.of("1000:1000", WEB));
        assertThat(web.privileged()).isEqualTo(Setting.of(true, WEB));
        assertThat(web.capabilitiesAdded()).containsExactly(Setting.of("NET_ADMIN", WEB));
        assertThat(web.capabilitiesDropped()).containsExactly(Setting.of("ALL", WEB));
        assertThat(web.noNewPrivileges()).isEqualTo(Setting.of(true, WEB));
        assertThat(web.readOnlyRootFilesystem()).isEqualTo(Setting.of(true, WEB));
        assertThat(web.securityOptions()).containsExactly(new SecurityOption(SecurityOption.Kind.SECCOMP, "unconfined", WEB));
        assertThat(web.mounts()).containsExactly(
                new Mount(Mount.Type.BIND, "/var/run/docker.sock", "/var/run/docker.sock", Setting.of(true, WEB), WEB),
                new Mount(Mount.Type.VOLUME, "data", "/data", Setting.of(false, WEB), WEB),
                new Mount(Mount.Type.TMPFS, null, "/tmp", Setting.of(false, WEB), WEB, Setting.of("67108864", WEB)));
        assertThat(web.networkMode()).isEqualTo(Setting.of("host", WEB));
        assertThat(web.pidMode()).isEqualTo(Setting.of("host", WEB));
        assertThat(web.ipcMode()).isEqualTo(Setting.of("host", WEB));
        assertThat(web.ports()).containsExactly(new Port(Setting.of("127.0.0.1", WEB), "8080", "80", "tcp", WEB));
        assertThat(web.environment()).containsExactly(EnvVar.literal("SECRET", "x", false, WEB));
        assertThat(web.devices()).containsExactly(Setting.of("/dev/fuse:/dev/fuse:rwm", WEB));
        assertThat(web.probes()).hasSize(1);
        assertThat(web.resources().memoryLimit()).isEqualTo(Setting.of("268435456", WEB));
        assertThat(web.resources().pidsLimit()).isEqualTo(Setting.of(100L, WEB));
        assertThat(web.runtime()).isEmpty();
    }

    @Test
    void theDefaultNetworkIsTheBridge() {
        assertThat(created("{\"Image\":\"nginx:1.27\"}").networkMode()).isEqualTo(Setting.of("bridge", WEB));
        assertThat(created("{\"Image\":\"nginx:1.27\",\"HostConfig\":{\"NetworkMode\":\"default\"}}").networkMode())
                .isEqualTo(Setting.of("bridge", WEB));
        assertThat(created("{\"Image\":\"nginx:1.27\",\"HostConfig\":{\"NetworkMode\":\"none\"}}").networkMode())
                .isEqualTo(Setting.of("none", WEB));
    }

    @Test
    void anUnnamedContainerSaysSo() {
        Container container = modelled("POST", "/v1.41/containers/create", "{\"Image\":\"nginx:1.27\"}")
                .loaded().inventory().workloads().getFirst().containers().getFirst();

        assertThat(container.description()).isEqualTo("container '(unnamed)'");
    }

    @Test
    void aLocalVolumeWithBindOptionsIsTheHostBindItIs() {
        Container container = created("""
                {"Image":"nginx:1.27","HostConfig":{"Mounts":[
                  {"Type":"volume","Source":"etc","Target":"/host-etc",
                   "VolumeOptions":{"DriverConfig":{"Name":"local","Options":{"type":"none","o":"bind","device":"/etc"}}}},
                  {"Type":"volume","Source":"nfs","Target":"/nfs",
                   "VolumeOptions":{"DriverConfig":{"Options":{"type":"nfs","o":"addr=10.0.0.1","device":":/export"}}}},
                  {"Type":"bind","Source":"/srv","Target":"/srv","ReadOnly":true}]}}
                """);

        assertThat(container.mounts()).containsExactly(
                new Mount(Mount.Type.BIND, "/etc", "/host-etc", Setting.of(false, WEB), WEB),
                new Mount(Mount.Type.VOLUME, "nfs", "/nfs", Setting.of(false, WEB), WEB),
                new Mount(Mount.Type.BIND, "/srv", "/srv", Setting.of(true, WEB), WEB));
    }

    @Test
    void bindsAndAnonymousVolumesAreMounts() {
        Container container = created("""
                {"Image":"postgres:16","Volumes":{"/var/lib/postgresql/data":{},"/cache":{}},
                 "HostConfig":{"Binds":["pgdata:/var/lib/postgresql/data","/srv/conf:/etc/app:ro,Z"]}}
                """);

        assertThat(container.mounts()).containsExactly(
                new Mount(Mount.Type.VOLUME, "pgdata", "/var/lib/postgresql/data", Setting.of(false, WEB), WEB),
                new Mount(Mount.Type.BIND, "/srv/conf", "/etc/app", Setting.of(true, WEB), WEB),
                new Mount(Mount.Type.VOLUME, null, "/cache", Setting.of(false, WEB), WEB));
    }

    @Test
    void mountPathsAreCleanedAsTheDaemonStoresThem() {
        Container container = created("""
                {"Image":"postgres:16","Volumes":{"/cache/./":{}},
                 "HostConfig":{"Binds":["/srv/data/:/data/","/etc/..:/host//etc:ro"],
                  "Mounts":[{"Type":"bind","Source":"/srv/logs/../conf/","Target":"/conf/"},
                   {"Type":"tmpfs","Target":"/run/"}]}}
                """);

        assertThat(container.mounts()).extracting(Mount::type, Mount::source, Mount::target).containsExactlyInAnyOrder(
                tuple(Mount.Type.BIND, "/srv/data", "/data"),
                tuple(Mount.Type.BIND, "/", "/host/etc"),
                tuple(Mount.Type.BIND, "/srv/conf", "/conf"),
                tuple(Mount.Type.TMPFS, null, "/run"),
                tuple(Mount.Type.VOLUME, null, "/cache"));
    }

    @Test
    void capabilityNamesAreNormalized() {
        Container container = created("{\"Image\":\"nginx:1.27\",\"HostConfig\":{\"CapAdd\":[\"net_admin\",\"CAP_SYS_ADMIN\",\" sys_ptrace \",\"Cap_Bpf\"],"
                + "\"CapDrop\":[\"all\"]}}");

        assertThat(container.capabilitiesAdded()).containsExactly(Setting.of("NET_ADMIN", WEB), Setting.of("SYS_ADMIN", WEB),
                Setting.of("SYS_PTRACE", WEB), Setting.of("BPF", WEB));
        assertThat(container.capabilitiesDropped()).containsExactly(Setting.of("ALL", WEB));
    }

    @Test
    void deviceCgroupRulesGrantHostDevices() {
        Container container = created("{\"Image\":\"nginx:1.27\",\"HostConfig\":{\"DeviceCgroupRules\":[\"a *:* rwm\"]}}");

        assertThat(container.deviceCgroupRules()).containsExactly(Setting.of("a *:* rwm", WEB));
        assertThat(container.devices()).isEmpty();
    }

    @Test
    void fieldNamesInAnyCaseAreTheFieldsTheDaemonReads() {
        Container container = created("{\"image\":\"nginx:1.27\",\"hostconfig\":{\"PRIVILEGED\":true,\"binds\":[\"/:/host\"]}}");

        assertThat(container.privileged()).isEqualTo(Setting.of(true, WEB));
        assertThat(container.mounts()).extracting(Mount::source).containsExactly("/");
    }

    @Test
    void anExecStatesWhetherItIsPrivilegedAndItsUser() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/containers/web/exec",
                "{\"User\":\"root\",\"Privileged\":true,\"Tty\":false,\"Env\":[\"X=1\"],\"Cmd\":[\"sh\",\"-c\",\"id\"]}");
        Workload exec = modelled.loaded().inventory().workloads().getFirst();
        Container container = exec.containers().getFirst();
        Origin origin = Origin.live("exec in container web");

        assertThat(modelled.scope()).isEqualTo(RuleScope.named(Set.of("privileged-container", "runs-as-root")));
        assertThat(exec.kind()).isEqualTo("exec");
        assertThat(container.description()).isEqualTo("exec in container 'web'");
        assertThat(container.privileged()).isEqualTo(Setting.of(true, origin));
        assertThat(container.user()).isEqualTo(Setting.of("root", origin));
        assertThat(container.environment()).containsExactly(EnvVar.literal("X", "1", false, origin));
    }

    @Test
    void anExecWithoutAUserRunsAsTheContainersOwnAndIsNotJudgedForIt() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/containers/web/exec", "{\"User\":\"\",\"Privileged\":false,\"Cmd\":[\"id\"]}");

        assertThat(modelled.scope()).isEqualTo(RuleScope.named(Set.of("privileged-container")));
        assertThat(modelled.loaded().inventory().workloads().getFirst().containers().getFirst().privileged().isFalse()).isTrue();
    }

    @Test
    void aServiceIsJudgedAsAStacksService() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/services/create", """
                {"Name":"api","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"nginx:1.27","User":"nobody","Init":false,"ReadOnly":true,
                  "Mounts":[{"Type":"bind","Source":"/","Target":"/host"}],"CapabilityAdd":["cap_sys_admin"]},
                  "Resources":{"Limits":{"MemoryBytes":536870912}},"RestartPolicy":{"Condition":"on-failure"}},
                 "Mode":{"Replicated":{"Replicas":3}}}
                """);
        Workload service = modelled.loaded().inventory().workloads().getFirst();
        Container container = service.containers().getFirst();
        Origin origin = Origin.live("service api (request)");

        assertThat(modelled.scope()).isEqualTo(RuleScope.all());
        assertThat(service.source()).isEqualTo(SourceKind.STACK);
        assertThat(service.replicas()).isEqualTo(Setting.of(3, origin));
        assertThat(container.capabilitiesAdded()).containsExactly(Setting.of("SYS_ADMIN", origin));
        assertThat(container.mounts()).containsExactly(new Mount(Mount.Type.BIND, "/", "/host", Setting.of(false, origin), origin));
    }

    @Test
    void aServiceUpdateNamesTheServiceByItsId() {
        Workload service = modelled("POST", "/v1.41/services/nlph6dmf3k4h/update?version=12",
                "{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"nginx:1.27\"}}}").loaded().inventory().workloads().getFirst();

        assertThat(service.origin()).isEqualTo(Origin.live("service nlph6dmf3k4h (nlph6dmf3k4h)"));
    }

    @Test
    void aPluginsPrivilegesAreWhatItsContainerWouldHave() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/plugins/pull?remote=vieux%2Fsshfs%3Alatest&name=",
                "[{\"Name\":\"network\",\"Description\":\"\",\"Value\":[\"host\"]},"
                        + "{\"Name\":\"mount\",\"Description\":\"\",\"Value\":[\"/var/lib/docker/plugins/\"]},"
                        + "{\"Name\":\"device\",\"Value\":[\"/dev/fuse\"]},{\"Name\":\"host pid namespace\",\"Value\":[\"true\"]},"
                        + "{\"Name\":\"capabilities\",\"Description\":\"\",\"Value\":[\"CAP_SYS_ADMIN\"]}]");
        Container plugin = modelled.loaded().inventory().workloads().getFirst().containers().getFirst();
        Origin origin = Origin.live("plugin vieux/sshfs:latest");

        assertThat(modelled.scope().kind()).isEqualTo(RuleScope.Kind.NAMED);
        assertThat(modelled.scope().names()).contains("privileged-container", "dangerous-capability", "host-network",
                "sensitive-host-path", "host-device-mapped", "host-namespace-shared", "docker-socket-mounted");
        assertThat(plugin.description()).isEqualTo("plugin 'vieux/sshfs:latest'");
        assertThat(plugin.networkMode()).isEqualTo(Setting.of("host", origin));
        assertThat(plugin.pidMode()).isEqualTo(Setting.of("host", origin));
        assertThat(plugin.mounts()).containsExactly(new Mount(Mount.Type.BIND, "/var/lib/docker/plugins/", "/var/lib/docker/plugins/",
                Setting.unset(origin), origin));
        assertThat(plugin.devices()).containsExactly(Setting.of("/dev/fuse", origin));
        assertThat(plugin.capabilitiesAdded()).containsExactly(Setting.of("SYS_ADMIN", origin));
    }

    @Test
    void aVolumeThatBindsAHostPathIsJudgedAsThatMount() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/volumes/create",
                "{\"Driver\":\"local\",\"DriverOpts\":{\"device\":\"/etc\",\"o\":\"bind\",\"type\":\"none\"},\"Name\":\"vol1\"}");
        Inventory inventory = modelled.loaded().inventory();
        Origin origin = Origin.live("volume vol1");

        assertThat(modelled.scope()).isEqualTo(RuleScope.named(Set.of("sensitive-host-path", "docker-socket-mounted")));
        assertThat(inventory.volumes()).extracting(volume -> volume.name()).containsExactly("vol1");
        assertThat(inventory.workloads().getFirst().containers().getFirst().mounts()).containsExactly(
                new Mount(Mount.Type.BIND, "/etc", "wherever the volume is mounted", Setting.unset(origin), origin));
    }

    @Test
    void creationsAreNamedByTheNameInTheirBodyOrQuery() {
        assertThat(DockerRequests.read(request("POST", "/v1.41/volumes/create", "{\"Name\":\"vol1\"}")).object()).isEqualTo("vol1");
        assertThat(DockerRequests.read(request("POST", "/v1.41/networks/create", "{\"Name\":\"net1\"}")).object()).isEqualTo("net1");
        assertThat(DockerRequests.read(request("POST", "/v1.41/services/create", "{\"Name\":\"api\"}")).object()).isEqualTo("api");
        assertThat(DockerRequests.read(request("POST", "/v1.41/services/x1/update", "{\"Name\":\"api\"}")).object()).isEqualTo("x1");
        assertThat(DockerRequests.read(request("POST", "/v1.41/containers/create?name=web", "{}")).object()).isEqualTo("web");
    }

    @Test
    void anOrdinaryVolumeIsAVolume() {
        GateInput.Modelled modelled = modelled("POST", "/v1.41/volumes/create", "{\"Driver\":\"local\",\"Name\":\"data\"}");

        assertThat(modelled.scope()).isEqualTo(RuleScope.all());
        assertThat(modelled.loaded().inventory().workloads()).isEmpty();
        assertThat(modelled.loaded().inventory().volumes()).extracting(volume -> volume.name()).containsExactly("data");
    }

    @Test
    void aNetworkIsANetwork() {
        Network network = modelled("POST", "/v1.41/networks/create",
                "{\"Driver\":\"overlay\",\"Attachable\":true,\"Options\":{\"encrypted\":\"\"},\"Name\":\"net1\",\"CheckDuplicate\":true}")
                .loaded().inventory().networks().getFirst();

        assertThat(network.name()).isEqualTo("net1");
        assertThat(network.driver().value()).isEqualTo("overlay");
        assertThat(network.driverOptions()).extracting(KeyValue::key).containsExactly("encrypted");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /v1.41/containers/create          | CONTAINER_CREATE
            POST   | /v1.41/containers/web/exec        | CONTAINER_EXEC
            POST   | /v1.41/services/create            | SERVICE_CREATE
            POST   | /v1.41/services/abc/update        | SERVICE_UPDATE
            POST   | /v1.41/plugins/pull               | PLUGIN_INSTALL
            POST   | /v1.41/plugins/vieux/sshfs:latest/upgrade | PLUGIN_MANAGE
            POST   | /v1.41/volumes/create             | VOLUME_CREATE
            POST   | /v1.41/networks/create            | NETWORK_CREATE
            """)
    void aBodyThatDidNotArriveIsRefused(String method, String uri, Action action) {
        DockerRequest read = DockerRequests.read(request(method, uri, null));

        assertThat(read.action()).contains(action);
        assertThat(read.input()).isInstanceOf(GateInput.Refused.class);
        assertThat(((GateInput.Refused) read.input()).reason()).isEqualTo("missing-body");
        assertThat(((GateInput.Refused) read.input()).message()).startsWith("the body of " + method + " " + uri.replace("/v1.41", "")
                + " did not reach shipshape");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /v1.41/containers/web/start              | CONTAINER_START
            POST   | /v1.41/plugins/vieux/sshfs:latest/enable  | PLUGIN_ENABLE
            POST   | /v1.41/plugins/vieux/sshfs:latest/disable | PLUGIN_MANAGE
            POST   | /v1.41/plugins/shipshape/set              | PLUGIN_MANAGE
            POST   | /v1.41/plugins/create?name=x              | PLUGIN_MANAGE
            DELETE | /v1.41/plugins/vieux/sshfs:latest?force=1 | PLUGIN_MANAGE
            DELETE | /plugins/shipshape                        | PLUGIN_MANAGE
            """)
    void actionsWithoutABodyToJudgeAreNamedForTheUserLists(String method, String uri, Action action) {
        DockerRequest read = DockerRequests.read(request(method, uri, null));

        assertThat(read.action()).contains(action);
        assertThat(read.input()).isEqualTo(new GateInput.NotInspected());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /v1.41/containers/json?all=1
            GET    | /_ping
            HEAD   | /_ping
            POST   | /v1.41/containers/web/kill
            POST   | /v1.41/containers/web/update
            DELETE | /v1.41/containers/web?force=1
            POST   | /v1.41/images/create?fromImage=nginx&tag=1.27
            POST   | /v1.41/build
            GET    | /v1.41/containers/create
            POST   | /v1.41/plugins/vieux/sshfs:latest/push
            """)
    void everythingElseIsNotInspected(String method, String uri) {
        DockerRequest read = DockerRequests.read(request(method, uri, null));

        assertThat(read.action()).isEmpty();
        assertThat(read.input()).isEqualTo(new GateInput.NotInspected());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.41/containers/cr%65ate
            //v1.41//containers/create
            /v1.41/x/../containers/create?name=web
            http://localhost/v1.41/containers/create
            http:/v1.41/containers/create
            x:/v1.41/containers/create
            HTTP://docker:2375/containers/create
            """)
    void aDisguisedCreateIsStillACreate(String uri) {
        DockerRequest read = DockerRequests.read(request("POST", uri, "{\"Image\":\"nginx\",\"HostConfig\":{\"Privileged\":true}}"));

        assertThat(read.action()).contains(Action.CONTAINER_CREATE);
        assertThat(((GateInput.Modelled) read.input()).loaded().inventory().workloads().getFirst().containers().getFirst()
                .privileged().isTrue()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /v1.23/containers/web/start
            POST | /v1.23/containers/create
            GET  | /v1.12/version
            POST | http:/v1.23/containers/web/start
            POST | x:/v1.23/containers/web/start
            POST | http://docker/v1.23/containers/web/start
            POST | /v1%2e23/containers/web/start
            POST | /v1.41/../v1.23/containers/web/start
            POST | /v1.23./containers/web/start
            POST | /v01.023/containers/web/start
            POST | /v1..24/containers/web/start
            POST | /v./containers/web/start
            """)
    void anApiVersionBelow124IsRefusedWhateverTheTargetsForm(String method, String uri) {
        GateInput input = DockerRequests.read(request(method, uri, "{\"Privileged\":true}")).input();

        assertThat(input).isInstanceOf(GateInput.Refused.class);
        assertThat(((GateInput.Refused) input).reason()).isEqualTo("old-api-version");
    }

    @Test
    void anApiVersionOf124OrNewerIsNot() {
        for (String uri : List.of("/v1.24/containers/web/start", "/v1.24.0/containers/web/start", "/v1.41/containers/web/start",
                "/v2/containers/web/start", "/containers/web/start")) {
            assertThat(DockerRequests.read(request("POST", uri, null)).input()).as(uri).isEqualTo(new GateInput.NotInspected());
        }
    }

    @Test
    void theOldApiMessageSaysWhy() {
        assertThat(((GateInput.Refused) DockerRequests.read(request("GET", "/v1.23/version", null)).input()).message())
                .isEqualTo("API version 1.23 is older than 1.24; requests of those versions can carry settings the gate does "
                        + "not check (a HostConfig when a container starts): use API 1.24 or newer");
    }

    @Test
    void aTargetGoCannotParseIsUndecidable() {
        GateInput input = DockerRequests.read(request("POST", "/v1.41/containers/cr%zzate", "{}")).input();

        assertThat(input).isEqualTo(new GateInput.Refused("undecidable-request",
                "POST '/v1.41/containers/cr%zzate': the request target's path has a malformed %-escape, so what it asks for cannot be known"));
    }

    @Test
    void aBodyThatIsNotWhatTheRouteTakesIsUndecidable() {
        assertThat(DockerRequests.read(request("POST", "/v1.41/containers/create", "{\"Image\":")).input())
                .isEqualTo(new GateInput.Refused("undecidable-request", "cannot tell what dockerd reads from the body of POST "
                        + "/containers/create: it is not JSON"));
        assertThat(DockerRequests.read(request("POST", "/v1.41/containers/create", "[1,2]")).input())
                .isEqualTo(new GateInput.Refused("undecidable-request", "cannot tell what dockerd reads from the body of POST "
                        + "/containers/create: the body is a list where dockerd's decoder expects an object, so it refuses the request"));
        assertThat(DockerRequests.read(request("POST", "/v1.41/plugins/pull?remote=x", "{\"a\":1}")).input())
                .isEqualTo(new GateInput.Refused("undecidable-request", "cannot tell what dockerd reads from the body of POST "
                        + "/plugins/pull: the body is an object where dockerd's decoder expects a list, so it refuses the request"));
    }

    // class 1: the request target, the endpoint table

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /v1.41/containers/create/                  | /v1.41/containers/create/
            POST   | /v1.41/containers/web/freeze               | /v1.41/containers/web/freeze
            PATCH  | /v1.41/containers/web                      | /v1.41/containers/web
            post   | /v1.41/containers/create                   | /v1.41/containers/create
            POST   | x:v1.41/containers/create                  | (none)
            POST   | *                                          | '*'
            PUT    | /v1.41/plugins/x/set                       | /v1.41/plugins/x/set
            """)
    void aMutatingRequestThatMatchesNoEndpointIsDenied(String method, String uri, String path) {
        DockerRequest read = DockerRequests.read(request(method, uri, "{}"));

        assertThat(read.endpoint()).isEmpty();
        assertThat(read.input()).isEqualTo(new GateInput.Refused("unclassified-request", ("%s %s is not an Engine API endpoint "
                + "shipshape knows (it routes the path %s nowhere), and a change the gate cannot classify is denied")
                .formatted(method, uri, path.equals("(none)") ? path : path.startsWith("'") ? path : "'" + path + "'")));
    }

    @Test
    void anUnknownReadIsAllowed() {
        DockerRequest read = DockerRequests.read(request("GET", "/v1.41/containers/web/secrets", null));

        assertThat(read.endpoint()).isEmpty();
        assertThat(read.input()).isEqualTo(new GateInput.NotInspected());
    }

    @Test
    void aContainerNameWithSlashesIsTheWholeName() {
        DockerRequest read = DockerRequests.read(request("POST", "/v1.41/containers/a/b/exec", "{\"Privileged\":true}"));

        assertThat(read.object()).isEqualTo("a/b");
        assertThat(read.endpoint().orElseThrow().template()).isEqualTo("/containers/{name:.*}/exec");
        assertThat(((GateInput.Modelled) read.input()).loaded().inventory().workloads().getFirst().containers().getFirst()
                .description()).isEqualTo("exec in container 'a/b'");
    }

    @Test
    void aFragmentIsPartOfThePath() {
        // Go has no fragment in a request target: this starts container "abc/exec#", it does not exec in "abc"
        DockerRequest read = DockerRequests.read(request("POST", "/v1.41/containers/abc/exec#/start", null));

        assertThat(read.action()).contains(Action.CONTAINER_START);
        assertThat(read.object()).isEqualTo("abc/exec#");
    }

    // class 3: legacy top-level HostConfig fields

    @Test
    void withoutANamedHostConfigTheTopLevelFieldsAreTheHostConfig() {
        Container container = created("""
                {"Image":"nginx:1.27","Privileged":true,"Binds":["/:/host"],"PidMode":"host","CapAdd":"SYS_ADMIN",
                 "NetworkMode":"host","SecurityOpt":["seccomp=unconfined"],"Devices":[{"PathOnHost":"/dev/sda","PathInContainer":"/dev/sda"}]}
                """);

        assertThat(container.privileged()).isEqualTo(Setting.of(true, WEB));
        assertThat(container.mounts()).extracting(Mount::source).containsExactly("/");
        assertThat(container.pidMode()).isEqualTo(Setting.of("host", WEB));
        assertThat(container.capabilitiesAdded()).containsExactly(Setting.of("SYS_ADMIN", WEB));
        assertThat(container.networkMode()).isEqualTo(Setting.of("host", WEB));
        assertThat(container.securityOptions()).containsExactly(new SecurityOption(SecurityOption.Kind.SECCOMP, "unconfined", WEB));
        assertThat(container.devices()).containsExactly(Setting.of("/dev/sda:/dev/sda", WEB));
    }

    @Test
    void aNullHostConfigIsNoHostConfig() {
        assertThat(created("{\"Image\":\"nginx\",\"HostConfig\":null,\"Privileged\":true}").privileged()).isEqualTo(Setting.of(true, WEB));
    }

    @Test
    void aNamedHostConfigWinsOverTheTopLevelExceptForResources() {
        Container container = created("""
                {"Image":"nginx:1.27","Privileged":true,"Binds":["/:/host"],"Memory":268435456,
                 "HostConfig":{"NetworkMode":"none"}}
                """);

        assertThat(container.privileged()).isEqualTo(Setting.of(false, WEB));
        assertThat(container.mounts()).isEmpty();
        assertThat(container.resources().memoryLimit()).isEqualTo(Setting.of("268435456", WEB));
        assertThat(ContainerCreate.hostConfig(goJson("{\"Memory\":5,\"MemorySwap\":6,\"CpuShares\":7,\"CpusetCpus\":\"0\","
                + "\"VolumeDriver\":\"x\",\"HostConfig\":{\"Memory\":1}}")).toString())
                .isEqualTo("{\"Memory\":1,\"MemorySwap\":6,\"CpuShares\":7,\"CpusetCpus\":\"0\",\"VolumeDriver\":\"x\"}");
        assertThat(ContainerCreate.hostConfig(goJson("{\"Cpuset\":\"1\",\"HostConfig\":{}}")).toString())
                .isEqualTo("{\"CpusetCpus\":\"1\"}");
    }

    private static com.fasterxml.jackson.databind.JsonNode goJson(String json) {
        return ((GoJson.Decoded) GoJson.read(json.getBytes(StandardCharsets.UTF_8), EngineBodies.CONTAINER_CREATE)).value();
    }

    // class 2 through the reader

    @Test
    void anAmbiguousCreateBodyIsUndecidable() {
        GateInput input = DockerRequests.read(request("POST", "/v1.41/containers/create",
                "{\"HostConfig\":{\"Privileged\":true,\"Prıvileged\":false}}")).input();

        assertThat(input).isEqualTo(new GateInput.Refused("undecidable-request", "cannot tell what dockerd reads from the body of POST "
                + "/containers/create: HostConfig has the key 'Prıvileged', which Go's decoder does not take for Privileged (Go folds "
                + "only ASCII letters, ſ and the Kelvin sign) while other readers would"));
    }

    // class 4: services

    @Test
    void aServiceMountTypeCountsInAnyCaseAndALocalBindVolumeIsABind() {
        Container container = modelled("POST", "/v1.41/services/create", """
                {"Name":"api","TaskTemplate":{"ContainerSpec":{"Image":"nginx","Mounts":[
                  {"Type":"BIND","Source":"/","Target":"/host"},
                  {"Type":"Volume","Source":"v","Target":"/etc-host","VolumeOptions":{"DriverConfig":{"Name":"local",
                   "Options":{"type":"none","o":"bind","device":"/etc"}}}}]}}}
                """).loaded().inventory().workloads().getFirst().containers().getFirst();
        Origin origin = Origin.live("service api (request)");

        assertThat(container.mounts()).containsExactly(new Mount(Mount.Type.BIND, "/", "/host", Setting.of(false, origin), origin),
                new Mount(Mount.Type.BIND, "/etc", "/etc-host", Setting.of(false, origin), origin));
    }

    @Test
    void serviceNetworksAreJudgedByNameAndTopLevelOnesCount() {
        Container container = modelled("POST", "/v1.41/services/create", """
                {"Name":"api","TaskTemplate":{"ContainerSpec":{"Image":"nginx"},"Networks":[{"Target":"app_net"}]},
                 "Networks":[{"Target":"host"}]}
                """).loaded().inventory().workloads().getFirst().containers().getFirst();

        assertThat(container.networks()).extracting(Setting::value).containsExactly("app_net", "host");
    }

    /** What docker CLI 28 sent for `service create --network mynet --network host` (it resolves names to IDs first). */
    @Test
    void theCliSendsNetworkIdsAndTheHostNetworksLocalIdIsUndecidable() {
        String body = """
                {"Name":"api","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"busybox:latest","Init":false,"DNSConfig":{}},
                 "Resources":{"Limits":{},"Reservations":{}},"Placement":{},"Networks":[%s{"Target":"x4bz9q0n2mdi1z0xh5yrc7kpt"}],
                 "ForceUpdate":0},"Mode":{"Replicated":{}},"EndpointSpec":{"Mode":"vip"}}
                """;
        Container container = modelled("POST", "/v1.41/services/create", body.formatted("")).loaded().inventory().workloads()
                .getFirst().containers().getFirst();
        GateInput withHost = DockerRequests.read(request("POST", "/v1.41/services/create",
                body.formatted("{\"Target\":\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"},"))).input();

        assertThat(container.networks()).extracting(Setting::value).containsExactly("x4bz9q0n2mdi1z0xh5yrc7kpt");
        assertThat(((GateInput.Refused) withHost).message()).contains("which may be the ID or an ID prefix of a local network, through "
                + "which the daemon reaches the predefined host network");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            4e5f                        | which may be the ID or an ID prefix of a local network
            0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | which may be the ID or an ID prefix of a local network
            mynet                       | which may be a prefix of a network's ID
            k3x9                        | which may be a prefix of a network's ID
            """)
    void aServiceNetworkThatMayBeAnIdIsUndecidable(String target, String problem) {
        GateInput input = DockerRequests.read(request("POST", "/v1.41/services/create",
                "{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"nginx\"},\"Networks\":[{\"Target\":\"" + target + "\"}]}}")).input();

        assertThat(input).isInstanceOf(GateInput.Refused.class);
        assertThat(((GateInput.Refused) input).message()).startsWith("cannot tell what dockerd reads from the body of POST "
                + "/services/create: TaskTemplate.Networks names '" + target + "', " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my-net
            stack_default
            Frontend
            host
            ingress
            x4bz9q0n2mdi1z0xh5yrc7kpt
            """)
    void aServiceNetworkThatCannotBeAnIdPrefixIsJudgedByName(String target) {
        assertThat(DockerRequests.networkReferenceProblem(target)).isEmpty();
    }

    // class 5: actions that hand the host to someone else

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /v1.41/build?t=app&networkmode=host         | BUILD_PRIVILEGED
            /v1.41/build?networkmode=default&networkmode=HOST | BUILD_PRIVILEGED
            /v1.41/build?t=app                          |
            /v1.41/build?networkmode=none               |
            """)
    void aBuildIsGuardedWhenItAsksForTheHostsNetwork(String uri, Action action) {
        DockerRequest read = DockerRequests.read(new AuthzRequest("", "POST", uri, Optional.empty(),
                Map.of("Content-Type", "application/x-tar")));

        assertThat(read.action()).isEqualTo(Optional.ofNullable(action));
        assertThat(read.input()).isEqualTo(new GateInput.NotInspected());
    }

    @Test
    void aBuildWhoseOptionsCanHideInAFormBodyIsUndecidable() {
        DockerRequest read = DockerRequests.read(new AuthzRequest("", "POST", "/v1.41/build?remote=https://x/ctx.tar", Optional.empty(),
                Map.of("Content-Type", "application/x-www-form-urlencoded")));

        assertThat(read.input()).isEqualTo(new GateInput.Refused("undecidable-request", "POST /build with a "
                + "application/x-www-form-urlencoded body: dockerd takes build options (networkmode…) from such a body too, and the "
                + "gate never sees it"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"ListenAddr":"127.0.0.1:2377","AdvertiseAddr":"127.0.0.1"}                         |
            {"ListenAddr":"[::1]:2377","AdvertiseAddr":"localhost:2377","DataPathAddr":"lo"}   |
            {"ListenAddr":"0.0.0.0:2377","AdvertiseAddr":"127.0.0.1"}                           | SWARM_INIT
            {"ListenAddr":"127.0.0.1:2377"}                                                     | SWARM_INIT
            {"ListenAddr":"127.0.0.1:2377","AdvertiseAddr":"127.0.0.1","DataPathAddr":"eth0"}  | SWARM_INIT
            {"ListenAddr":"eth0:2377","AdvertiseAddr":"10.0.0.5"}                               | SWARM_INIT
            """)
    void aSwarmInitIsGuardedUnlessItStaysOnLoopback(String body, Action action) {
        DockerRequest read = DockerRequests.read(request("POST", "/v1.41/swarm/init", body));

        assertThat(read.action()).isEqualTo(Optional.ofNullable(action));
        assertThat(read.input()).isEqualTo(new GateInput.NotInspected());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /v1.41/swarm/join    | SWARM_JOIN
            POST | /v1.41/swarm/update  | SWARM_MANAGE
            POST | /grpc                | BUILD_PRIVILEGED
            """)
    void handingTheHostOverIsAGuardedAction(String method, String uri, Action action) {
        DockerRequest read = DockerRequests.read(request(method, uri, "{}"));

        assertThat(read.action()).contains(action);
        assertThat(action.guarded()).isTrue();
    }

    /** Every way of putting null (or an empty object, or an empty list) in place of one value of a CLI body is read without failing. */
    @Test
    void mutationsOfACliBodyAreReadOrRefusedNeverFailed() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode original = mapper.readTree(CLI_CREATE_BODY);
        List<String> pointers = new java.util.ArrayList<>();
        collect(original, "", pointers);
        int read = 0;
        for (String pointer : pointers) {
            for (com.fasterxml.jackson.databind.JsonNode replacement : List.of(mapper.nullNode(), mapper.createObjectNode(),
                    mapper.createArrayNode(), mapper.getNodeFactory().textNode(""))) {
                com.fasterxml.jackson.databind.JsonNode mutated = original.deepCopy();
                int slash = pointer.lastIndexOf('/');
                com.fasterxml.jackson.databind.JsonNode parent = mutated.at(pointer.substring(0, slash));
                String last = pointer.substring(slash + 1);
                if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode object) object.set(last, replacement);
                if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) array.set(Integer.parseInt(last), replacement);
                GateInput input = DockerRequests.read(request("POST", "/v1.41/containers/create?name=web", mutated.toString())).input();
                assertThat(input).as(pointer + " = " + replacement).isInstanceOfAny(GateInput.Modelled.class, GateInput.Refused.class);
                read++;
            }
        }
        assertThat(read).isGreaterThan(200);
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, String at, List<String> pointers) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                pointers.add(pointer);
                collect(field.getValue(), pointer, pointers);
            });
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                pointers.add(at + "/" + index);
                collect(node.get(index), at + "/" + index, pointers);
            }
        }
    }
}
