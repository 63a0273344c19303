package dev.shipshape.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.gate.AuthzRequest;
import dev.shipshape.load.gate.DockerRequests;
import dev.shipshape.load.gate.GateInput;
import dev.shipshape.policy.Enforcement;
import dev.shipshape.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, classes 4, 5 and 8: requests the default policy used to let through. Each is the
 * hardened `docker run` of {@link JudgeTest#HARDENED} with one setting changed, and each must now be
 * denied, by the rule named, with nothing else denied.
 */
class EscapeGradeRequestsTest {

    private static final Judge JUDGE = new Judge(Policy.DEFAULT, Enforcement.DEFAULT,
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    /** The hardened run with {@code hostConfig} added to its HostConfig and {@code user} as its User. */
    private static String run(String user, String hostConfig) {
        return """
                {"Image":"shipshape/busybox:test","User":%s,"HostConfig":{"NetworkMode":"none","ReadonlyRootfs":true,
                 "CapDrop":["ALL"],"SecurityOpt":["no-new-privileges"],"Memory":67108864,"NanoCpus":500000000,"PidsLimit":50,
                 "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":5}%s}}
                """.formatted(quoted(user), hostConfig.isEmpty() ? "" : "," + hostConfig);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Decision judge(String method, String uri, String body) {
        AuthzRequest request = new AuthzRequest("", method, uri, Optional.of(body.getBytes(StandardCharsets.UTF_8)),
                Map.of("Content-Type", "application/json"));
        return JUDGE.judge((GateInput.Modelled) DockerRequests.read(request).input());
    }

    private static Decision create(String body) {
        return judge("POST", "/v1.41/containers/create?name=web", body);
    }

    private static List<String> denied(Decision decision) {
        return decision.denials().stream().map(Decision.Reason::rule).toList();
    }

    private static List<String> warned(Decision decision) {
        return decision.warnings().stream().map(Decision.Reason::rule).toList();
    }

    @Test
    void theHardenedRunStillPasses() {
        Decision decision = create(run("10001:10001", ""));
        assertThat(denied(decision)).isEmpty();
        assertThat(warned(decision)).containsExactly("missing-healthcheck");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0", "-0", "00", "+0:+0", "-0:10001", ":10001", "root", "0"})
    void usersThatRuncReadsAsUidZeroAreRootAtCreate(String user) {
        Decision decision = create(run(user, ""));
        assertThat(denied(decision)).containsExactly("runs-as-root");
        assertThat(decision.denials().getFirst().message()).isEqualTo("container 'web' runs as root (user: \"" + user + "\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0", "-0", "00", "+0:+0", ":10001"})
    void usersThatRuncReadsAsUidZeroAreRootAtExec(String user) {
        Decision decision = judge("POST", "/v1.41/containers/web/exec", "{\"User\":" + quoted(user) + ",\"Cmd\":[\"sh\"]}");
        assertThat(denied(decision)).containsExactly("runs-as-root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001", "+10001", "010001:0", "-1"})
    void otherUsersAreNotRoot(String user) {
        assertThat(denied(create(run(user, "")))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // o=bind makes any type a bind of device
            "type=ext4 o=bind device=/etc               | sensitive-host-path",
            "type=none o=rbind,ro device=/              | sensitive-host-path",
            "type=tmpfs o=bind device=/var/run/docker.sock | docker-socket-mounted",
            // a relative device resolves against dockerd's working directory: unbounded
            "type=none o=bind device=etc                | sensitive-host-path",
            // kernel interfaces of the host
            "type=proc device=proc                      | sensitive-host-path",
            "type=sysfs device=sysfs                    | sensitive-host-path",
            "type=cgroup2 device=none                   | sensitive-host-path",
            "type=debugfs device=debugfs                | sensitive-host-path",
            // an overlay exposes its folders
            "type=overlay device=overlay o=lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w | sensitive-host-path",
            // a host disk
            "type=ext4 device=/dev/vda1                 | sensitive-host-path",
            "type=xfs device=/dev/mapper/vg0-root       | sensitive-host-path"})
    void aLocalVolumeIsJudgedAsWhatMountWillDoWithItsOptions(String options, String rule) {
        String driverOptions = driverOptions(options);
        Decision volume = judge("POST", "/v1.41/volumes/create", "{\"Name\":\"v\",\"Driver\":\"local\",\"DriverOpts\":" + driverOptions + "}");
        assertThat(denied(volume)).as("volume create").containsExactly(rule);

        String mount = ",\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/data\",\"ReadOnly\":true,"
                + "\"VolumeOptions\":{\"DriverConfig\":{\"Name\":\"local\",\"Options\":" + driverOptions + "}}}]";
        assertThat(denied(create(run("10001", mount.substring(1))))).as("container create").containsExactly(rule);

        String service = """
                {"Name":"s","TaskTemplate":{"ContainerSpec":{"Image":"shipshape/busybox:test","User":"10001","ReadOnly":true,
                 "Mounts":[{"Type":"volume","Source":"v","Target":"/data","ReadOnly":true,
                  "VolumeOptions":{"DriverConfig":{"Name":"local","Options":%s}}}]}}}
                """.formatted(driverOptions);
        assertThat(denied(judge("POST", "/v1.41/services/create", service))).as("service create").contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"type=nfs o=addr=10.0.0.5,rw device=:/exports", "type=tmpfs o=size=64m device=tmpfs",
            "type=none o=bind device=/srv/app-data", "o=uid=1000"})
    void aLocalVolumeThatMountsNothingSensitiveIsAllowed(String options) {
        Decision volume = judge("POST", "/v1.41/volumes/create", "{\"Name\":\"v\",\"DriverOpts\":" + driverOptions(options) + "}");
        assertThat(denied(volume)).isEmpty();
    }

    /** {@code type=ext4 o=bind device=/etc} as a JSON object; the o value may hold commas. */
    private static String driverOptions(String options) {
        StringBuilder json = new StringBuilder("{");
        for (String option : options.strip().split(" ")) {
            int equals = option.indexOf('=');
            if (json.length() > 1) json.append(',');
            json.append(quoted(option.substring(0, equals))).append(':').append(quoted(option.substring(equals + 1)));
        }
        return json.append('}').toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"SecurityOpt\":[\"no-new-privileges\",\"seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_ALLOW\\\"}\"]  | unconfined-security-profile",
            "\"SecurityOpt\":[\"no-new-privileges\",\"seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_LOG\\\",\\\"syscalls\\\":[{\\\"names\\\":[\\\"mount\\\"],\\\"action\\\":\\\"SCMP_ACT_ERRNO\\\"}]}\"] | unconfined-security-profile",
            "\"SecurityOpt\":[\"no-new-privileges\",\"label=type:spc_t\"]   | unconfined-security-profile",
            "\"SecurityOpt\":[\"no-new-privileges\",\"disable\"]            | unconfined-security-profile",
            "\"MaskedPaths\":[],\"ReadonlyPaths\":[]                       | unmasked-system-paths",
            "\"ReadonlyPaths\":[\"/proc/bus\"]                             | unmasked-system-paths",
            "\"CapAdd\":[\"MAC_ADMIN\"]                                    | dangerous-capability",
            "\"CapAdd\":[\"CAP_SYS_TIME\"]                                 | dangerous-capability",
            "\"CapAdd\":[\"syslog\"]                                       | dangerous-capability",
            "\"Binds\":[\"/usr/local/bin:/host-bin\"]                      | sensitive-host-path",
            "\"Binds\":[\"/var/lib/mysql:/var/lib/mysql\"]                 | sensitive-host-path",
            "\"Binds\":[\"/home:/home:ro\"]                                | sensitive-host-path",
            "\"Devices\":[{\"PathOnHost\":\"/dev/sda\",\"PathInContainer\":\"/dev/sda\",\"CgroupPermissions\":\"rwm\"}] | critical-host-device",
            "\"Devices\":[{\"PathOnHost\":\"/dev/mem\",\"PathInContainer\":\"/dev/mem\",\"CgroupPermissions\":\"r\"}]   | critical-host-device",
            "\"DeviceCgroupRules\":[\"a *:* rwm\"]                         | critical-host-device",
            "\"UsernsMode\":\"host\"                                       | host-user-namespace",
            "\"VolumesFrom\":[\"other:ro\"]                                | inherits-container-settings",
            "\"PidMode\":\"container:other\"                               | inherits-container-settings",
            "\"IpcMode\":\"container:other\"                               | inherits-container-settings"})
    void anEscapeGradeSettingIsDenied(String hostConfig, String rule) {
        String body = run("10001:10001", hostConfig.replace("\"SecurityOpt\":[\"no-new-privileges\",", "\"SecurityOpt\":[\"no-new-privileges\","));
        // the hardened run's own SecurityOpt comes first; JSON's last duplicate key is not what Go does, so replace it
        if (hostConfig.startsWith("\"SecurityOpt\"")) body = body.replace("\"SecurityOpt\":[\"no-new-privileges\"],", "");
        assertThat(denied(create(body))).containsExactly(rule);
    }

    @Test
    void aContainerNetworkOfAnotherContainerIsDenied() {
        String body = run("10001:10001", "").replace("\"NetworkMode\":\"none\"", "\"NetworkMode\":\"container:other\"");
        assertThat(denied(create(body))).containsExactly("inherits-container-settings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"CapAdd\":[\"DAC_OVERRIDE\"]", "\"CgroupnsMode\":\"host\"", "\"CgroupnsMode\":\"private\"",
            "\"Binds\":[\"/usr/share/zoneinfo:/usr/share/zoneinfo:ro\"]"})
    void lesserSettingsAreWarnedAboutNotDenied(String hostConfig) {
        assertThat(denied(create(run("10001:10001", hostConfig)))).isEmpty();
    }

    private static Decision service(String containerSpec) {
        return judge("POST", "/v1.41/services/create", """
                {"Name":"s","TaskTemplate":{"ContainerSpec":{"Image":"shipshape/busybox:test","User":"10001","ReadOnly":true%s}}}
                """.formatted(containerSpec));
    }

    @Test
    void aServiceIsJudgedLikeAContainer() {
        String allowAll = java.util.Base64.getEncoder().encodeToString("{\"defaultAction\":\"SCMP_ACT_ALLOW\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(denied(service(",\"Privileges\":{\"Seccomp\":{\"Mode\":\"custom\",\"Profile\":\"" + allowAll + "\"}}")))
                .contains("unconfined-security-profile");
        assertThat(denied(service(",\"Privileges\":{\"SELinuxContext\":{\"Type\":\"spc_t\"}}")))
                .contains("unconfined-security-profile");
        // Swarm reads a mount type in any case
        assertThat(denied(service(",\"Mounts\":[{\"Type\":\"BIND\",\"Source\":\"/etc\",\"Target\":\"/host-etc\",\"ReadOnly\":true}]")))
                .contains("sensitive-host-path");
        assertThat(denied(judge("POST", "/v1.41/services/create",
                "{\"Name\":\"s\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"shipshape/busybox:test\",\"User\":\"+0\"}}}")))
                .contains("runs-as-root");
    }
}
