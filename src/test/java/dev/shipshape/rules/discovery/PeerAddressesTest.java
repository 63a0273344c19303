package dev.shipshape.rules.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "10.0.3.7                                   | 10.0.3.7",
            "postgres://app:secret@10.0.3.7:5432/shop   | 10.0.3.7",
            "http://192.168.1.20/api                    | 192.168.1.20",
            "amqp://guest@172.18.0.4                    | 172.18.0.4",
            "10.0.0.5,10.0.0.6:9092                     | 10.0.0.5;10.0.0.6",
            "8.8.8.8                                    | 8.8.8.8",
            "http://[fd00:10::25]:9200                  | fd00:10::25",
            "2001:db8::1                                | 2001:db8::1",
            "2001:db8:0:0:0:0:0:7                       | 2001:db8:0:0:0:0:0:7",
            "::ffff:10.1.2.3                            | ::ffff:10.1.2.3",
    })
    void findsPeerAddresses(String text, String expected) {
        assertThat(PeerAddresses.in(text)).containsExactlyElementsOf(List.of(expected.split(";")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "db:5432",
            "http://localhost:8080",
            "127.0.0.1",
            "http://127.0.0.53:53",
            "0.0.0.0:8080",
            "::",
            "[::]:8080",
            "::1",
            "http://[::1]:9000",
            "::ffff:127.0.0.1",
            "10.0.0.0/8",
            "10.0.0.0/8,192.168.0.0/16",
            "fd00::/8",
            "1.2.300.4",
            "1.2.3.4.5",
            "v1.2.3.4",
            "169.254.169.254",
            "fe80::1",
            "ff02::1",
            "224.0.0.251",
            "255.255.255.0",
            "12:30:00",
            "00:1a:2b:3c:4d:5e",
            "Net::SMTP",
            "1.2.3",
    })
    void ignoresWhatIsNoPeerAddress(String text) {
        assertThat(PeerAddresses.in(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.3.7", "[fd00::5]", "2001:db8::1", " 192.168.0.10 "})
    void aWrittenAddressIsAPeer(String address) {
        assertThat(PeerAddresses.isPeerAddress(address)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "::1", "[::1]", "0.0.0.0", "host-gateway", "db", "10.0.0.0/8", "1.2.3.256"})
    void otherHostEntriesAreNoPeer(String address) {
        assertThat(PeerAddresses.isPeerAddress(address)).isFalse();
    }
}
