package dev.shipshape.load.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.model.Container;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Container read(String cgroupnsMode, Optional<String> engineDefault) throws Exception {
        JsonNode inspect = JSON.readTree("""
                {"Id":"3f2a9c1b2d4e5f60","Name":"/monitor","Config":{"Image":"example/monitor:1.5.0"},
                 "HostConfig":{"CgroupnsMode":"%s"}}""".formatted(cgroupnsMode));
        return new ContainerReader(Map.of(), Map.of(), engineDefault).read(inspect).workload().containers().getFirst();
    }

    @Test
    void aCgroupnsModeThatIsTheEnginesOwnDefaultWasNotChosen() throws Exception {
        assertThat(read("host", Optional.of("host")).cgroupnsMode().isSet()).isFalse();
        assertThat(read("private", Optional.of("private")).cgroupnsMode().isSet()).isFalse();
    }

    @Test
    void aCgroupnsModeOtherThanTheEnginesDefaultWasChosen() throws Exception {
        assertThat(read("host", Optional.of("private")).cgroupnsMode().value()).isEqualTo("host");
    }

    @Test
    void aRequestStatesOnlyWhatTheClientSent() throws Exception {
        assertThat(read("host", Optional.empty()).cgroupnsMode().value()).isEqualTo("host");
    }

    private static java.util.List<String> command(String inspect) throws Exception {
        return new ContainerReader(Map.of()).read(JSON.readTree(inspect)).workload().containers().getFirst()
                .command().stream().map(setting -> setting.value()).toList();
    }

    @Test
    void theCommandIsTheEntrypointThenTheCmdWithEmptyItemsKept() throws Exception {
        assertThat(command("""
                {"Id":"3f2a9c1b2d4e5f60","Name":"/cache","Path":"docker-entrypoint.sh","Args":["redis-server"],
                 "Config":{"Image":"redis:7","Entrypoint":["docker-entrypoint.sh"],"Cmd":["redis-server","--save","","--appendonly","no"]}}"""))
                .containsExactly("docker-entrypoint.sh", "redis-server", "--save", "", "--appendonly", "no");
    }

    @Test
    void withoutEntrypointAndCmdTheCommandIsThePathAndArgsTheEngineStarted() throws Exception {
        assertThat(command("""
                {"Id":"3f2a9c1b2d4e5f60","Name":"/cache","Path":"redis-server","Args":["--requirepass","s3cret"],
                 "Config":{"Image":"redis:7","Entrypoint":null,"Cmd":null}}"""))
                .containsExactly("redis-server", "--requirepass", "s3cret");
        assertThat(command("""
                {"Id":"3f2a9c1b2d4e5f60","Name":"/cache","Config":{"Image":"redis:7"}}""")).isEmpty();
    }
}
