package dev.shipshape.gate.differential;

import dev.shipshape.gate.differential.DifferentialCase.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies and targets the differential test sends: the docker CLI's own bodies (captured, see
 * {@code src/test/resources/gate/differential/README.md}) and mutations of them that a reader
 * other than Go's {@code encoding/json} and dockerd's router could read differently: key case and
 * Unicode folding, duplicate keys, {@code null}, legacy top-level HostConfig fields, nesting,
 * users, capability spellings, mount types, local volume options, request targets.
 *
 * <p>Every mutation is a text edit of a hardened request, so that what it adds is the only thing the
 * gate could object to: a gate that sees it denies (safe), one that does not allows, and the test
 * then finds the daemon stored something the gate did not model.
 */
final class DifferentialCorpus {

    static final String IMAGE = "shipshape/busybox:test";
    /** A running hardened container the exec cases run in, and the container volumes-from and container: modes name. */
    static final String EXEC_TARGET = "diff-exec-target";
    /** A container with a read-only bind of /etc, for --volumes-from. */
    static final String VOLUMES_SOURCE = "diff-volumes-source";
    /** A user-defined network, for the cases that publish ports. */
    static final String NETWORK = "diff-net";

    private static final String CREATE = "/v1.41/containers/create";
    private static final String CONFIG = "\"Image\":\"" + IMAGE + "\",\"User\":\"1000:1000\",\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"]}";
    private static final String HOST = "\"NetworkMode\":\"none\",\"ReadonlyRootfs\":true,\"CapDrop\":[\"ALL\"],"
            + "\"SecurityOpt\":[\"no-new-privileges\"],\"Memory\":67108864,\"NanoCpus\":500000000,\"PidsLimit\":50,"
            + "\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":5}";
    private static final String NETWORK_NONE = "\"NetworkMode\":\"none\"";
    private static final String SECURITY_OPT = "\"SecurityOpt\":[\"no-new-privileges\"]";
    private static final String HARDENED = "{" + CONFIG + ",\"HostConfig\":{" + HOST + "}}";
    private static final String PRIVILEGED = "{" + CONFIG + ",\"HostConfig\":{" + HOST + ",\"Privileged\":true}}";

    private final List<DifferentialCase> cases = new ArrayList<>();

    private DifferentialCorpus() {
    }

    static List<DifferentialCase> all() {
        DifferentialCorpus corpus = new DifferentialCorpus();
        corpus.containers();
        corpus.targets();
        corpus.execs();
        corpus.starts();
        corpus.volumes();
        corpus.services();
        return List.copyOf(corpus.cases);
    }

    /** The hardened create body with {@code extra} added at the end of its HostConfig (a later key overrides an earlier one). */
    static String host(String extra) {
        return "{" + CONFIG + ",\"HostConfig\":{" + HOST + "," + extra + "}}";
    }

    /**
     * The hardened create body with its HostConfig field {@code stated} (as {@link #HOST} states it)
     * replaced by {@code extra}: one value for the key, not a duplicate that the gate refuses.
     */
    private static String hostReplacing(String stated, String extra) {
        if (!HOST.contains(stated)) throw new IllegalArgumentException("the hardened HostConfig does not state " + stated);
        return "{" + CONFIG + ",\"HostConfig\":{" + HOST.replace(stated, extra) + "}}";
    }

    static String hardenedCreate() {
        return HARDENED;
    }

    private static String user(String user) {
        return HARDENED.replace("\"User\":\"1000:1000\"", "\"User\":\"" + user + "\"");
    }

    private void create(String name, String body) {
        cases.add(new DifferentialCase(name, Kind.CONTAINER_CREATE, "POST", CREATE, body, false));
    }

    private void containers() {
        String cli = resource("create-hardened.cli.json");
        cases.add(new DifferentialCase("create: docker CLI, hardened", Kind.CONTAINER_CREATE, "POST", CREATE, cli, true));
        cases.add(new DifferentialCase("create: hardened", Kind.CONTAINER_CREATE, "POST", CREATE, HARDENED, true));
        cases.add(new DifferentialCase("create: hardened, no version prefix", Kind.CONTAINER_CREATE, "POST", "/containers/create", HARDENED, true));
        create("create: docker CLI with Privileged true", cli.replace("\"Privileged\":false", "\"Privileged\":true"));

        // key case and Unicode folding
        create("key case: privileged", host("\"privileged\":true"));
        create("key case: PRIVILEGED", host("\"PRIVILEGED\":true"));
        create("key case: Pr\u0131vileged (dotless i U+0131) true", host("\"Pr\u0131vileged\":true"));
        create("key case: Privileged true then Pr\u0131vileged false", host("\"Privileged\":true,\"Pr\u0131vileged\":false"));
        create("key case: Bind\u017F (long s U+017F) binds /", host("\"Bind\u017F\":[\"/:/host\"]"));
        create("key case: Networ\u212AMode (Kelvin sign U+212A) host", host("\"Networ\u212AMode\":\"host\""));
        create("key case: escaped key Privil\\u0065ged", host("\"Privil\\u0065ged\":true"));
        create("key case: capadd sys_admin", host("\"capadd\":[\"sys_admin\"]"));

        // duplicate keys and null
        create("duplicate: Privileged true then null", host("\"Privileged\":true,\"Privileged\":null"));
        create("duplicate: Privileged null alone", host("\"Privileged\":null"));
        create("duplicate: HostConfig privileged, then a hardened HostConfig",
                "{" + CONFIG + ",\"HostConfig\":{\"Privileged\":true,\"Binds\":[\"/:/host\"]},\"HostConfig\":{" + HOST + "}}");
        create("duplicate: hardened HostConfig, then a privileged one",
                "{" + CONFIG + ",\"HostConfig\":{" + HOST + "},\"HostConfig\":{\"Privileged\":true}}");
        create("duplicate: Mounts bind / then Mounts with only its Target",
                host("\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/\",\"Target\":\"/host\"}],\"Mounts\":[{\"Target\":\"/host\"}]"));
        create("duplicate: CapAdd SYS_ADMIN then null", host("\"CapAdd\":[\"SYS_ADMIN\"],\"CapAdd\":null"));
        create("duplicate: User 0 then null", user("0").replace("\"User\":\"0\"", "\"User\":\"0\",\"User\":null"));
        create("duplicate: PidMode host then empty", host("\"PidMode\":\"host\",\"PidMode\":\"\""));
        create("duplicate: Devices /dev/mem then one with only PathInContainer",
                host("\"Devices\":[{\"PathOnHost\":\"/dev/mem\",\"PathInContainer\":\"/dev/mem\",\"CgroupPermissions\":\"rwm\"}],"
                        + "\"Devices\":[{\"PathInContainer\":\"/dev/x\"}]"));
        create("duplicate: PortBindings maps merged", host("\"NetworkMode\":\"" + NETWORK + "\","
                + "\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18082\"}]},"
                + "\"PortBindings\":{\"81/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"18083\"}]}"));
        create("escape: NetworkMode ho\\u0073t", host("\"NetworkMode\":\"ho\\u0073t\""));

        // legacy top-level HostConfig fields
        String legacy = "{" + CONFIG + "," + HOST + ",\"Privileged\":true,\"Binds\":[\"/:/host\"],\"PidMode\":\"host\"";
        create("legacy: top-level Privileged, Binds, PidMode, no HostConfig", legacy + "}");
        create("legacy: top-level Privileged, Binds, PidMode, HostConfig null", legacy + ",\"HostConfig\":null}");
        create("legacy: top-level Privileged, Binds, PidMode and a hardened HostConfig", legacy + ",\"HostConfig\":{" + HOST + "}}");
        create("legacy: top-level CapAdd and hardened HostConfig fields, no HostConfig",
                "{" + CONFIG + "," + HOST + ",\"CapAdd\":[\"SYS_ADMIN\"]}");

        // nesting and types
        create("nesting: Privileged inside NetworkingConfig", host("\"Privileged\":false").replace("}}",
                "},\"NetworkingConfig\":{\"Privileged\":true,\"EndpointsConfig\":{}}}"));
        create("nesting: whole body under Config", "{\"Config\":" + PRIVILEGED + "}");
        create("type: Privileged \"true\" as a string", host("\"Privileged\":\"true\""));
        create("type: Privileged 1", host("\"Privileged\":1"));

        // users
        create("user: 1000", user("1000"));
        create("user: +0", user("+0"));
        create("user: -0", user("-0"));
        create("user: 00", user("00"));
        create("user: +0:+0", user("+0:+0"));
        create("user: 0", user("0"));
        create("user: root", user("root"));

        // capabilities
        create("capabilities: sys_admin lower case", host("\"CapAdd\":[\"sys_admin\"]"));
        create("capabilities: NET_ADMIN without CAP_", host("\"CapAdd\":[\"NET_ADMIN\"]"));
        create("capabilities: cap_sys_module", host("\"CapAdd\":[\"cap_sys_module\"]"));
        create("capabilities: CAP_CHOWN", host("\"CapAdd\":[\"CAP_CHOWN\"]"));

        // mounts
        create("mounts: type BIND in upper case", host("\"Mounts\":[{\"Type\":\"BIND\",\"Source\":\"/\",\"Target\":\"/host\"}]"));
        create("mounts: named volume (Binds)", host("\"Binds\":[\"diff-data:/data\"]"));
        create("mounts: tmpfs", host("\"Tmpfs\":{\"/tmp\":\"rw,size=65536k\"}"));
        create("mounts: bind of /etc/.. ", host("\"Binds\":[\"/etc/..:/host:ro\"]"));
        create("mounts: bind of /srv/data with a trailing slash target", host("\"Binds\":[\"/srv/data:/data/\"]"));
        create("mounts: volume, local, type=none o=bind device=/", host(volumeMount("\"type\":\"none\",\"o\":\"bind\",\"device\":\"/\"")));
        create("mounts: volume, local, type=ext4 o=bind device=/", host(volumeMount("\"type\":\"ext4\",\"o\":\"bind\",\"device\":\"/\"")));
        create("mounts: volume, local, type=proc device=proc", host(volumeMount("\"type\":\"proc\",\"device\":\"proc\"")));
        create("mounts: volume, local, overlay lowerdir=/etc",
                host(volumeMount("\"type\":\"overlay\",\"device\":\"overlay\",\"o\":\"lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w\"")));
        create("mounts: volumes-from a container with /etc", host("\"VolumesFrom\":[\"" + VOLUMES_SOURCE + "\"]"));

        // namespaces, security options, devices, ports
        create("namespaces: PidMode container:", host("\"PidMode\":\"container:" + EXEC_TARGET + "\""));
        create("namespaces: UsernsMode host", host("\"UsernsMode\":\"host\""));
        create("namespaces: CgroupnsMode host", host("\"CgroupnsMode\":\"host\""));
        create("namespaces: CgroupnsMode private", host("\"CgroupnsMode\":\"private\""));
        create("namespaces: IpcMode private", host("\"IpcMode\":\"private\""));
        create("namespaces: UTSMode host", host("\"UTSMode\":\"host\""));
        create("security options: empty MaskedPaths and ReadonlyPaths (systempaths=unconfined)",
                host("\"MaskedPaths\":[],\"ReadonlyPaths\":[]"));
        create("security options: systempaths=unconfined as a SecurityOpt", host("\"SecurityOpt\":[\"no-new-privileges\",\"systempaths=unconfined\"]"));
        create("security options: apparmor:unconfined with a colon",
                hostReplacing(SECURITY_OPT, "\"SecurityOpt\":[\"no-new-privileges\",\"apparmor:unconfined\"]"));
        create("security options: no-new-privileges=false", hostReplacing(SECURITY_OPT, "\"SecurityOpt\":[\"no-new-privileges=false\"]"));
        create("security options: no-new-privileges:true with a colon",
                hostReplacing(SECURITY_OPT, "\"SecurityOpt\":[\"no-new-privileges:true\"]"));
        create("devices: /dev/mem", host("\"Devices\":[{\"PathOnHost\":\"/dev/mem\",\"PathInContainer\":\"/dev/mem\",\"CgroupPermissions\":\"rwm\"}]"));
        create("devices: /dev/null without permissions", host("\"Devices\":[{\"PathOnHost\":\"/dev/null\"}]"));
        create("devices: device cgroup rule c 1:3 rwm", host("\"DeviceCgroupRules\":[\"c 1:3 rwm\"]"));
        create("devices: device cgroup rule a *:* rwm", host("\"DeviceCgroupRules\":[\"a *:* rwm\"]"));
        create("ports: published on 127.0.0.1", hostReplacing(NETWORK_NONE, "\"NetworkMode\":\"" + NETWORK + "\","
                + "\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18080\"}]}"));
        create("ports: published on every address, and a second binding", hostReplacing(NETWORK_NONE, "\"NetworkMode\":\"" + NETWORK
                + "\",\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"18084\"},{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18085\"}]}"));
        // numbers Go's encoding/json will not put in an int64, and NUL inside strings
        String memory = "\"Memory\":67108864";
        create("numbers: Memory beyond int64", hostReplacing(memory, "\"Memory\":9223372036854775808"));
        create("numbers: Memory in exponent form", hostReplacing(memory, "\"Memory\":6.7e7"));
        create("numbers: Memory with a fraction, and Privileged after it", hostReplacing(memory, "\"Memory\":1.5,\"Privileged\":true"));
        create("numbers: CpuShares beyond int64, Privileged after it", host("\"CpuShares\":-9223372036854775809,\"Privileged\":true"));
        create("strings: NUL in User 0", user("0\\u0000"));
        create("strings: NUL after a bind source /", host("\"Binds\":[\"/\\u0000:/host\"]"));
        create("strings: NUL in a capability", host("\"CapAdd\":[\"SYS_ADMIN\\u0000\"]"));
        create("strings: NUL in the network mode host", hostReplacing(NETWORK_NONE, "\"NetworkMode\":\"host\\u0000\""));
    }

    private static String volumeMount(String options) {
        return "\"Mounts\":[{\"Type\":\"volume\",\"Target\":\"/host\",\"VolumeOptions\":{\"DriverConfig\":{\"Name\":\"local\",\"Options\":{"
                + options + "}}}}]";
    }

    /** A privileged create under every spelling of the target: a gate that does not route it models nothing. */
    private void targets() {
        for (String target : List.of("/v1.41/containers/create", "/containers/create", "//v1.41/containers/create",
                "/v1.41//containers/create", "/v1.41/containers/cr%65ate", "/v1.41/containers/create/", "/v1.41/containers/./create",
                "http://x/v1.41/containers/create", "http:/v1.41/containers/create", "x:/v1.41/containers/create",
                "/v1.41/containers/create?name=a&name=b", "/V1.41/containers/create")) {
            cases.add(new DifferentialCase("target: privileged create at " + target, Kind.CONTAINER_CREATE, "POST", target, PRIVILEGED, false));
        }
    }

    private void exec(String name, String target, String body, boolean control) {
        cases.add(new DifferentialCase(name, Kind.CONTAINER_EXEC, "POST", target, body, control));
    }

    private void execs() {
        String cli = resource("exec.cli.json");
        String exec = "/v1.41/containers/{exec}/exec";
        exec("exec: docker CLI, user 1000", exec, cli, true);
        exec("exec: privileged", exec, cli.replace("\"Privileged\":false", "\"privileged\":true"), false);
        exec("exec: Pr\u0131vileged true", exec, cli.replace("\"Privileged\":false", "\"Pr\u0131vileged\":true"), false);
        exec("exec: Privileged true then Pr\u0131vileged false", exec, cli.replace("\"Privileged\":false",
                "\"Privileged\":true,\"Pr\u0131vileged\":false"), false);
        exec("exec: Privileged true then null", exec, cli.replace("\"Privileged\":false", "\"Privileged\":true,\"Privileged\":null"), false);
        exec("exec: user +0", exec, cli.replace("\"User\":\"1000\"", "\"User\":\"+0\""), false);
        exec("exec: user 00:00", exec, cli.replace("\"User\":\"1000\"", "\"User\":\"00:00\""), false);
        exec("exec: user 0 then null", exec, cli.replace("\"User\":\"1000\"", "\"User\":\"0\",\"User\":null"), false);
        exec("exec: target http:/v1.41/containers/…/exec, privileged", "http:/v1.41/containers/{exec}/exec",
                cli.replace("\"Privileged\":false", "\"Privileged\":true"), false);
        exec("exec: target /v1.41/containers/…/%65xec, privileged", "/v1.41/containers/{exec}/%65xec",
                cli.replace("\"Privileged\":false", "\"Privileged\":true"), false);
    }

    private void starts() {
        String hostConfig = "{\"Privileged\":true}";
        for (String target : List.of("/v1.41/containers/{id}/start", "/containers/{id}/start", "/v1.23/containers/{id}/start",
                "/v1.23/containers/{id}/st%61rt", "http:/v1.23/containers/{id}/start", "//v1.23/containers/{id}/start")) {
            cases.add(new DifferentialCase("start: a HostConfig body at " + target, Kind.CONTAINER_START, "POST", target, hostConfig, false));
        }
    }

    private void volume(String name, String body, boolean control) {
        cases.add(new DifferentialCase(name, Kind.VOLUME_CREATE, "POST", "/v1.41/volumes/create", body, control));
    }

    private void volumes() {
        String cli = resource("volume-bind.cli.json");
        volume("volume: docker CLI, bind of /srv/data", cli.replace("\"vol1\"", "\"diff-vol-cli\""), true);
        volume("volume: plain", "{\"Name\":\"diff-vol-plain\"}", true);
        volume("volume: o=bind with type=ext4, device /", "{\"Name\":\"diff-vol-ext4\",\"Driver\":\"local\","
                + "\"DriverOpts\":{\"type\":\"ext4\",\"o\":\"bind\",\"device\":\"/\"}}", false);
        volume("volume: o=rbind,ro with type=none, device /etc", "{\"Name\":\"diff-vol-rbind\",\"Driver\":\"local\","
                + "\"DriverOpts\":{\"type\":\"none\",\"o\":\"rbind,ro\",\"device\":\"/etc\"}}", false);
        volume("volume: type=proc", "{\"Name\":\"diff-vol-proc\",\"DriverOpts\":{\"type\":\"proc\",\"device\":\"proc\"}}", false);
        volume("volume: overlay lowerdir=/etc", "{\"Name\":\"diff-vol-overlay\",\"DriverOpts\":{\"type\":\"overlay\",\"device\":\"overlay\","
                + "\"o\":\"lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w\"}}", false);
        volume("volume: block device /dev/vda", "{\"Name\":\"diff-vol-block\",\"DriverOpts\":{\"type\":\"ext4\",\"device\":\"/dev/vda\"}}", false);
        volume("volume: relative device", "{\"Name\":\"diff-vol-relative\",\"DriverOpts\":{\"type\":\"none\",\"o\":\"bind\",\"device\":\"etc\"}}", false);
        volume("volume: key case driveropts", "{\"Name\":\"diff-vol-case\",\"driveropts\":{\"type\":\"none\",\"o\":\"bind\",\"device\":\"/\"}}", false);
        volume("volume: duplicate DriverOpts merged", "{\"Name\":\"diff-vol-dup\",\"DriverOpts\":{\"type\":\"none\"},"
                + "\"DriverOpts\":{\"o\":\"bind\",\"device\":\"/\"}}", false);
    }

    private void service(String name, String body, boolean control) {
        cases.add(new DifferentialCase(name, Kind.SERVICE_CREATE, "POST", "/v1.41/services/create", body, control));
    }

    private void services() {
        String cli = resource("service-hardened.cli.json");
        String mounts = "\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/data\"}]";
        service("service: docker CLI, hardened", cli.replace("\"Name\":\"api\"", "\"Name\":\"diff-svc-cli\""), true);
        service("service: mount type BIND of /", cli.replace("\"Name\":\"api\"", "\"Name\":\"diff-svc-bind\"")
                .replace(mounts, "\"Mounts\":[{\"Type\":\"BIND\",\"Source\":\"/\",\"Target\":\"/host\"}]"), false);
        service("service: volume mount, local, o=bind device=/", cli.replace("\"Name\":\"api\"", "\"Name\":\"diff-svc-volbind\"")
                .replace(mounts, "\"Mounts\":[{\"Type\":\"volume\",\"Target\":\"/host\",\"VolumeOptions\":{\"DriverConfig\":"
                        + "{\"Name\":\"local\",\"Options\":{\"type\":\"none\",\"o\":\"bind\",\"device\":\"/\"}}}}]"), false);
        service("service: user +0", cli.replace("\"Name\":\"api\"", "\"Name\":\"diff-svc-user\"")
                .replace("\"User\":\"1000:1000\"", "\"User\":\"+0\""), false);
        service("service: capabilityadd sys_admin (key case)", cli.replace("\"Name\":\"api\"", "\"Name\":\"diff-svc-case\"")
                .replace("\"CapabilityDrop\"", "\"capabilityadd\":[\"sys_admin\"],\"CapabilityDrop\""), false);
        service("service: TaskTemplate duplicated, the first one adds SYS_ADMIN and seccomp unconfined",
                cli.replace("\"Name\":\"api\"", "\"Name\":\"diff-svc-dup\"").replace("\"TaskTemplate\":",
                        "\"TaskTemplate\":{\"ContainerSpec\":{\"CapabilityAdd\":[\"CAP_SYS_ADMIN\"],"
                                + "\"Privileges\":{\"Seccomp\":{\"Mode\":\"unconfined\"}}}},\"TaskTemplate\":"), false);
    }

    static String resource(String name) {
        try (InputStream in = DifferentialCorpus.class.getResourceAsStream("/gate/differential/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource gate/differential/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
