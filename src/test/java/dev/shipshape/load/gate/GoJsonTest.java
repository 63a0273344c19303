package dev.shipshape.load.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies read as dockerd's Go decoder reads them, or refused where the two readings could differ. */
class GoJsonTest {

    private static GoJson.Read read(String json, GoType type) {
        return GoJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static JsonNode create(String json) {
        GoJson.Read read = read(json, EngineBodies.CONTAINER_CREATE);
        assertThat(read).isInstanceOf(GoJson.Decoded.class);
        return ((GoJson.Decoded) read).value();
    }

    private static String problem(String json, GoType type) {
        GoJson.Read read = read(json, type);
        assertThat(read).as(json).isInstanceOf(GoJson.Undecidable.class);
        return ((GoJson.Undecidable) read).problem();
    }

    @Test
    void fieldNamesMatchInAnyAsciiCase() {
        JsonNode body = create("{\"hostconfig\":{\"PRIVILEGED\":true,\"capadd\":[\"SYS_ADMIN\"]},\"image\":\"nginx\"}");

        assertThat(body.toString()).isEqualTo("{\"HostConfig\":{\"Privileged\":true,\"CapAdd\":[\"SYS_ADMIN\"]},\"Image\":\"nginx\"}");
    }

    @Test
    void longSAndKelvinSignFoldAsGoFoldsThem() {
        // U+017F LATIN SMALL LETTER LONG S folds to s; U+212A KELVIN SIGN to k (unicode.SimpleFold orbits)
        JsonNode body = create("{\"HostConfig\":{\"\u017FecurityOpt\":[\"seccomp=unconfined\"],\"\u212AernelMemory\":1}}");

        assertThat(body.path("HostConfig").fieldNames()).toIterable().containsExactly("SecurityOpt", "KernelMemory");
    }

    @Test
    void escapedKeysAreDecodedBeforeMatching() {
        assertThat(create("{\"HostConfig\":{\"Privil\\u0065ged\":true}}").path("HostConfig").path("Privileged").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"HostConfig":{"Prıvileged":true}}                        | HostConfig has the key 'Prıvileged', which Go's decoder does not take for Privileged
            {"HostConfig":{"Privileged":true,"Prıvileged":false}}     | HostConfig has the key 'Prıvileged', which Go's decoder does not take for Privileged
            {"ContainerIDﬁle":"x"}                                    | the body has the key 'ContainerIDﬁle', which Go's decoder does not take for ContainerIDFile
            """)
    void keysOnlyJavaWouldFoldIntoAFieldAreUndecidable(String json, String expected) {
        assertThat(problem(json, EngineBodies.CONTAINER_CREATE)).startsWith(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"HostConfig":{"Privileged":true,"Privileged":false}}            | HostConfig gives Privileged twice; dockerd decodes both, one into the other
            {"HostConfig":{"Privileged":true,"privileged":false}}            | HostConfig gives Privileged twice (as 'Privileged' and 'privileged'); dockerd decodes both, one into the other
            {"HostConfig":{"Privileged":true,"Privileged":null}}             | HostConfig gives Privileged twice; dockerd decodes both, one into the other
            {"HostConfig":{"Binds":["/:/h"]},"HostConfig":{"Privileged":true}} | the body gives HostConfig twice; dockerd decodes both, one into the other
            {"HostConfig":{"Mounts":[{"Type":"bind","Source":"/","Target":"/h"}],"Mounts":[{"Target":"/x"}]}} | HostConfig gives Mounts twice
            {"Labels":{"a":"1","a":"2"}}                                     | Labels gives the key 'a' twice
            {"Futurefield":1,"FUTUREFIELD":2}                                | the body gives the key 'FUTUREFIELD' twice
            """)
    void aKeyGivenTwiceIsUndecidable(String json, String expected) {
        assertThat(problem(json, EngineBodies.CONTAINER_CREATE)).startsWith(expected);
    }

    @Test
    void aDuplicatedTaskTemplateIsUndecidable() {
        assertThat(problem("{\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"a\"}},\"taskTemplate\":{\"ContainerSpec\":{\"User\":\"0\"}}}",
                EngineBodies.SERVICE_SPEC)).isEqualTo("the body gives TaskTemplate twice (as 'TaskTemplate' and 'taskTemplate'); "
                + "dockerd decodes both, one into the other");
    }

    @Test
    void mapKeysDifferingInCaseAreDistinctData() {
        JsonNode body = create("{\"Labels\":{\"image\":\"x\",\"Image\":\"y\"},\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"hostip\":\"\"}]}}}");

        assertThat(body.path("Labels").fieldNames()).toIterable().containsExactly("image", "Image");
        assertThat(body.path("HostConfig").path("PortBindings").path("80/tcp").get(0).has("HostIp")).isTrue();
    }

    @Test
    void aNullFieldIsAFieldNotSet() {
        JsonNode body = create("{\"HostConfig\":null,\"User\":null,\"Privileged\":null}");

        assertThat(body.toString()).isEqualTo("{}");
    }

    @Test
    void aStrSliceTakesOneStringForAListOfOne() {
        JsonNode body = create("{\"HostConfig\":{\"CapAdd\":\"SYS_ADMIN\",\"CapDrop\":[\"ALL\"]},\"Cmd\":\"sh\"}");

        assertThat(body.path("HostConfig").path("CapAdd").toString()).isEqualTo("[\"SYS_ADMIN\"]");
        assertThat(body.path("Cmd").toString()).isEqualTo("[\"sh\"]");
    }

    @Test
    void unknownKeysAreIgnoredAsGoIgnoresThem() {
        assertThat(create("{\"Image\":\"x\",\"NotAField\":{\"Privileged\":true}}").toString()).isEqualTo("{\"Image\":\"x\"}");
    }

    @Test
    void onlyTheFirstValueIsRead() {
        assertThat(create("{\"Image\":\"a\"} {\"Image\":\"b\",\"HostConfig\":{\"Privileged\":true}}").toString())
                .isEqualTo("{\"Image\":\"a\"}");
        assertThat(create("{\"Image\":\"a\"} not json at all").path("Image").asText()).isEqualTo("a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"HostConfig":{"Privileged":"true"}}      | HostConfig.Privileged is a string where dockerd's decoder expects a bool, so it refuses the request
            {"HostConfig":{"Privileged":1}}           | HostConfig.Privileged is a number where dockerd's decoder expects a bool, so it refuses the request
            {"HostConfig":{"Binds":"/:/host"}}        | HostConfig.Binds is a string where dockerd's decoder expects a list, so it refuses the request
            {"HostConfig":{"Binds":[1]}}              | HostConfig.Binds[0] is a number where dockerd's decoder expects a string, so it refuses the request
            {"HostConfig":[]}                         | HostConfig is a list where dockerd's decoder expects an object, so it refuses the request
            {"HostConfig":{"CapAdd":{"a":1}}}         | HostConfig.CapAdd is an object where dockerd's decoder expects a string or a list of strings, so it refuses the request
            {"HostConfig":{"Memory":1.5}}             | HostConfig.Memory 1.5 is not an integer, and dockerd's decoder refuses it for a Go int64
            {"HostConfig":{"Memory":1e3}}             | HostConfig.Memory 1e3 is not an integer, and dockerd's decoder refuses it for a Go int64
            {"HostConfig":{"Memory":9223372036854775808}} | HostConfig.Memory 9223372036854775808 overflows a Go int64, which dockerd's decoder refuses
            {"HostConfig":{"BlkioWeight":65536}}      | HostConfig.BlkioWeight 65536 overflows a Go uint16, which dockerd's decoder refuses
            {"HostConfig":{"IOMaximumIOps":-1}}       | HostConfig.IOMaximumIOps -1 overflows a Go uint64, which dockerd's decoder refuses
            {"HostConfig":{"IOMaximumIOps":-0}}       | HostConfig.IOMaximumIOps -0 overflows a Go uint64, which dockerd's decoder refuses
            {"Labels":{"a":1}}                        | Labels[a] is a number where dockerd's decoder expects a string, so it refuses the request
            [1]                                       | the body is a list where dockerd's decoder expects an object, so it refuses the request
            """)
    void aValueOfTheWrongTypeIsUndecidable(String json, String expected) {
        assertThat(problem(json, EngineBodies.CONTAINER_CREATE)).isEqualTo(expected);
    }

    @Test
    void numbersAtTheEdgesOfTheirTypesAreRead() {
        JsonNode body = create("{\"HostConfig\":{\"Memory\":9223372036854775807,\"IOMaximumIOps\":18446744073709551615,\"BlkioWeight\":0}}");

        assertThat(body.path("HostConfig").path("Memory").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(body.path("HostConfig").path("IOMaximumIOps").bigIntegerValue().toString()).isEqualTo("18446744073709551615");
        assertThat(problem("{\"UpdateConfig\":{\"MaxFailureRatio\":1e39}}", EngineBodies.SERVICE_SPEC))
                .isEqualTo("UpdateConfig.MaxFailureRatio 1e39 overflows a Go float32, which dockerd's decoder refuses");
    }

    /** Literals of fewer than 19 characters are read as a long, longer ones as a BigInteger: both sides of that edge. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Memory        | 0                    | 0
            Memory        | -0                   | 0
            Memory        | -1                   | -1
            Memory        | 999999999999999999   | 999999999999999999
            Memory        | -99999999999999999   | -99999999999999999
            Memory        | -999999999999999999  | -999999999999999999
            Memory        | 9223372036854775807  | 9223372036854775807
            Memory        | -9223372036854775808 | -9223372036854775808
            BlkioWeight   | 65535                | 65535
            BlkioWeight   | 0                    | 0
            IOMaximumIOps | 999999999999999999   | 999999999999999999
            IOMaximumIOps | 9223372036854775807  | 9223372036854775807
            IOMaximumIOps | 9223372036854775808  | 9223372036854775808
            IOMaximumIOps | 18446744073709551615 | 18446744073709551615
            """)
    void integersOnBothSidesOfTheLongFastPathAreRead(String field, String literal, String read) {
        JsonNode body = create("{\"HostConfig\":{\"" + field + "\":" + literal + "}}");

        assertThat(body.path("HostConfig").path(field).bigIntegerValue().toString()).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Memory        | 9223372036854775808  | int64
            Memory        | -9223372036854775809 | int64
            Memory        | 99999999999999999999 | int64
            BlkioWeight   | 65536                | uint16
            BlkioWeight   | -1                   | uint16
            BlkioWeight   | -0                   | uint16
            BlkioWeight   | 999999999999999999   | uint16
            BlkioWeight   | -999999999999999999  | uint16
            IOMaximumIOps | -0                   | uint64
            IOMaximumIOps | -9223372036854775808 | uint64
            IOMaximumIOps | 18446744073709551616 | uint64
            """)
    void integersOutsideTheirGoTypeAreUndecidableOnBothSidesOfTheLongFastPath(String field, String literal, String goType) {
        assertThat(problem("{\"HostConfig\":{\"" + field + "\":" + literal + "}}", EngineBodies.CONTAINER_CREATE))
                .isEqualTo("HostConfig.%s %s overflows a Go %s, which dockerd's decoder refuses".formatted(field, literal, goType));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"HostConfig":{"Mounts":[{"Target":"/a"},{"VolumeOptions":{"DriverConfig":{"Options":{"o":1}}}}]}} | HostConfig.Mounts[1].VolumeOptions.DriverConfig.Options[o] is a number where dockerd's decoder expects a string, so it refuses the request
            {"HostConfig":{"Mounts":[{"Target":"/a"},{"Type":"bind","type":"volume"}]}}                       | HostConfig.Mounts[1] gives Type twice (as 'Type' and 'type'); dockerd decodes both, one into the other
            {"HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":""},{"HostPort":8080}]}}}                        | HostConfig.PortBindings[80/tcp][1].HostPort is a number where dockerd's decoder expects a string, so it refuses the request
            {"NetworkingConfig":{"EndpointsConfig":{"n":{"Aliases":["a","b",{}]}}}}                            | NetworkingConfig.EndpointsConfig[n].Aliases[2] is an object where dockerd's decoder expects a string, so it refuses the request
            """)
    void aProblemDeepInTheBodySaysWhereItIs(String json, String expected) {
        assertThat(problem(json, EngineBodies.CONTAINER_CREATE)).isEqualTo(expected);
    }

    @Test
    void aSeccompProfileMustBeBase64() {
        assertThat(problem("{\"TaskTemplate\":{\"ContainerSpec\":{\"Privileges\":{\"Seccomp\":{\"Profile\":\"{not base64}\"}}}}}",
                EngineBodies.SERVICE_SPEC)).isEqualTo("TaskTemplate.ContainerSpec.Privileges.Seccomp.Profile is not base64, which "
                + "dockerd's decoder refuses");
    }

    @Test
    void invalidUtf8IsUndecidable() {
        byte[] body = {'{', '"', 'U', 's', 'e', 'r', '"', ':', '"', (byte) 0xff, '"', '}'};

        assertThat(GoJson.read(body, EngineBodies.CONTAINER_CREATE))
                .isEqualTo(new GoJson.Undecidable("it is not valid UTF-8 (Go's decoder reads U+FFFD where a byte is invalid)"));
        assertThat(create("{\"User\":\"zoë\"}").path("User").asText()).isEqualTo("zoë");
    }

    @Test
    void whatIsNotJsonIsUndecidable() {
        assertThat(GoJson.read(new byte[0], EngineBodies.CONTAINER_CREATE)).isEqualTo(new GoJson.Undecidable("it is empty"));
        assertThat(read("{\"Image\":", EngineBodies.CONTAINER_CREATE)).isEqualTo(new GoJson.Undecidable("it is not JSON"));
        assertThat(read("nope", EngineBodies.CONTAINER_CREATE)).isEqualTo(new GoJson.Undecidable("it is not JSON"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Privileged | PRIVILEGED
            ſecurityOpt | SECURITYOPT
            \u212Aernel | KERNEL
            Prıvileged | PRıVILEGED
            """)
    void foldsExactlyAsGoFoldsAgainstAsciiNames(String key, String folded) {
        assertThat(GoJson.foldKey(key)).isEqualTo(folded);
    }

    @Test
    void configAndHostConfigShareNoFieldName() {
        // were a name in both, Go would drop it as ambiguous (or take the shallower Config field); the wrapper could not say which
        java.util.Set<String> config = new java.util.HashSet<>();
        EngineBodies.CONFIG.fields().keySet().forEach(name -> config.add(GoJson.foldKey(name)));
        for (String name : EngineBodies.HOST_CONFIG.fields().keySet()) assertThat(config).as(name).doesNotContain(GoJson.foldKey(name));
        assertThat(EngineBodies.CONTAINER_CREATE.fields()).hasSize(
                EngineBodies.CONFIG.fields().size() + EngineBodies.HOST_CONFIG.fields().size() + 3);
    }
}
