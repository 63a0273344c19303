package dev.shipshape.systems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Container;
import dev.shipshape.model.ContainerBuilder;
import dev.shipshape.model.EnvVar;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSettingsTest {

    private static final Origin AT = new Origin("compose.yaml", 4, 5);

    private static ContainerSettings withCommand(String... items) {
        ContainerBuilder builder = Container.builder("app", "service 'app'", false, AT);
        for (String item : items) builder.command.add(Setting.of(item, AT));
        return new ContainerSettings(builder.build());
    }

    private static SettingPattern flag(String name, String... values) {
        return new SettingPattern(SettingPattern.Where.FLAG, name, List.of(values), null, List.of());
    }

    @Test
    void flagsAreReadWithEqualsOrTheNextWordAndAnyNumberOfDashes() {
        ContainerSettings settings = withCommand("agent -server --bootstrap-expect 3 -client=0.0.0.0");
        assertThat(settings.find(flag("-bootstrap-expect"))).map(ContainerSettings.Found::value).contains("3");
        assertThat(settings.find(flag("--client"))).map(ContainerSettings.Found::value).contains("0.0.0.0");
        assertThat(settings.find(flag("-server", "true"))).isPresent();
        assertThat(settings.find(flag("-ui"))).isEmpty();
    }

    @Test
    void aShellCommandIsSplitIntoWordsAndAnEmptyArgumentIsAValue() {
        assertThat(withCommand("sh", "-c", "exec redis-server --requirepass \"$(cat /run/secrets/pw)\"").find(flag("--requirepass"))).isPresent();
        assertThat(withCommand("redis-server --save \"\" --appendonly no").find(flag("--save", ""))).isPresent();
        assertThat(withCommand("redis-server", "--save", "", "--appendonly", "no").find(flag("--save", ""))).isPresent();
        assertThat(withCommand("redis-server --save 60 1").find(flag("--save", ""))).isEmpty();
    }

    @Test
    void environmentMatchesTheLastDefinitionAndItsValue() {
        ContainerBuilder builder = Container.builder("app", "service 'app'", false, AT);
        builder.environment.add(EnvVar.literal("DOCKER_TLS_CERTDIR", "/certs", false, AT));
        builder.environment.add(EnvVar.literal("DOCKER_TLS_CERTDIR", "", false, AT));
        builder.environment.add(new EnvVar("REDIS_PASSWORD", null, EnvVar.ValueSource.SECRET, false, AT));
        ContainerSettings settings = new ContainerSettings(builder.build());
        assertThat(settings.find(new SettingPattern(SettingPattern.Where.ENV, "DOCKER_TLS_CERTDIR", List.of(""), null, List.of())))
                .map(ContainerSettings.Found::written).contains("DOCKER_TLS_CERTDIR=\"\"");
        assertThat(settings.find(new SettingPattern(SettingPattern.Where.ENV, "REDIS_PASSWORD", List.of(), null, List.of()))).isPresent();
        assertThat(settings.find(new SettingPattern(SettingPattern.Where.ENV, "REDIS_PASSWORD", List.of("x"), null, List.of()))).isEmpty();
    }

    @Test
    void aPrefixedValueIsFoundByItsPrefixAndMeansWhatFollowsIt() {
        ContainerSettings settings = withCommand("kafka-server-start.sh server.properties --override advertised.listeners=PLAINTEXT://kafka:9092"
                + " --override listeners=PLAINTEXT://:9092");
        SettingPattern listeners = new SettingPattern(SettingPattern.Where.FLAG, "--override", List.of(), null, List.of(), "listeners=");
        assertThat(settings.find(listeners)).map(found -> found.written() + " -> " + found.value())
                .contains("--override listeners=PLAINTEXT://:9092 -> PLAINTEXT://:9092");
        assertThat(withCommand("kafka-server-start.sh --override log.dirs=/data").find(listeners)).isEmpty();
    }

    @Test
    void listenersSpeakingAnUnauthenticatedProtocolAreFoundDirectlyOrThroughTheMap() {
        ContainerBuilder builder = Container.builder("kafka", "service 'kafka'", false, AT);
        builder.environment.add(EnvVar.literal("KAFKA_LISTENERS", "INTERNAL://:9092, EXTERNAL://0.0.0.0:9094,PLAINTEXT://:9095,SSL://:9096,BROKEN://:x", false, AT));
        builder.environment.add(EnvVar.literal("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:SASL_SSL,external:plaintext", false, AT));
        Listeners listeners = KnownSystems.catalogue().systems().stream().filter(system -> system.name().equals("kafka"))
                .findFirst().orElseThrow().listeners();
        assertThat(listeners.unauthenticated(new ContainerSettings(builder.build())))
                .extracting(listener -> listener.name() + ":" + listener.port() + " " + listener.protocol() + " by " + listener.mappedBy())
                .containsExactly("EXTERNAL:9094 PLAINTEXT by KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:9095 PLAINTEXT by null");
    }
}
