package dev.shipshape.rules.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which variable names say that the address they hold is not a peer's. */
class HardcodedPeerAddressTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"APP_VERSION", "bind_address", "LISTEN_ADDR", "KAFKA_ADVERTISED_HOST_NAME", "KAFKA_ADVERTISED_LISTENERS",
            "PIHOLE_DNS_", "NAMESERVER", "RESOLVER_ADDR", "INTERNAL_SUBNET", "POD_CIDR", "NETMASK"})
    void namesThatHoldNoPeerAddress(String name) {
        assertThat(HardcodedPeerAddress.namesNoPeer(name)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DB_HOST", "DATABASE_URL", "REDIS_ADDR", "BROKER", "UPSTREAM", "KAFKA_BOOTSTRAP_SERVERS", "PEERS"})
    void namesThatMayHoldAPeerAddress(String name) {
        assertThat(HardcodedPeerAddress.namesNoPeer(name)).isFalse();
    }
}
