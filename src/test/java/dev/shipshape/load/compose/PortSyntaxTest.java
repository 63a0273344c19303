package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.load.compose.PortSyntax.ShortPort;
import dev.shipshape.model.Diagnostic;
import dev.shipshape.model.Origin;
import dev.shipshape.model.Port;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortSyntaxTest {

    private static final Origin AT = Origin.at("compose.yaml", 7, 9);

    private static Optional<ShortPort> parse(String written) {
        return PortSyntax.parseShort(written);
    }

    @Test void containerPortOnlyIsPublishedOnAnEphemeralPort() { assertThat(parse("80")).contains(new ShortPort(null, "", "80", "tcp")); }
    @Test void hostAndContainer() { assertThat(parse("8080:80")).contains(new ShortPort(null, "8080", "80", "tcp")); }
    @Test void hostIpHostAndContainer() { assertThat(parse("127.0.0.1:8080:80")).contains(new ShortPort("127.0.0.1", "8080", "80", "tcp")); }
    @Test void hostIpWithEphemeralHostPort() { assertThat(parse("127.0.0.1::80")).contains(new ShortPort("127.0.0.1", "", "80", "tcp")); }
    @Test void ipv6InBrackets() { assertThat(parse("[::1]:8080:80")).contains(new ShortPort("::1", "8080", "80", "tcp")); }
    @Test void ipv6WithoutBrackets() { assertThat(parse("::1:8080:80")).contains(new ShortPort("::1", "8080", "80", "tcp")); }
    @Test void udp() { assertThat(parse("53:53/udp")).contains(new ShortPort(null, "53", "53", "udp")); }
    @Test void protocolIsLowerCased() { assertThat(parse("53/UDP")).contains(new ShortPort(null, "", "53", "udp")); }
    @Test void ranges() { assertThat(parse("9090-9091:8080-8081")).contains(new ShortPort(null, "9090-9091", "8080-8081", "tcp")); }
    @Test void rangeOnlyOnTheContainerSide() { assertThat(parse("6060:6060-6070/udp")).contains(new ShortPort(null, "6060", "6060-6070", "udp")); }
    @Test void blanksAroundAreIgnored() { assertThat(parse(" 80 ")).contains(new ShortPort(null, "", "80", "tcp")); }
    @Test void emptyIsNoPort() { assertThat(parse("")).isEmpty(); }
    @Test void missingContainerPortIsNoPort() { assertThat(parse("8080:")).isEmpty(); }
    @Test void lettersAreNoPort() { assertThat(parse("http")).isEmpty(); }
    @Test void unknownProtocolIsNoPort() { assertThat(parse("80/icmp")).isEmpty(); }
    @Test void sixDigitsAreNoPort() { assertThat(parse("123456")).isEmpty(); }

    @Test
    void shortEntryBecomesAPortAtTheItem() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<Port> port = PortSyntax.published(new ComposeNode.Scalar("127.0.0.1:8080:80", false, AT, null), diagnostics);
        assertThat(port).contains(new Port(Setting.of("127.0.0.1", AT), "8080", "80", "tcp", AT));
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void shortEntryWithoutHostIpLeavesItUnsetAtTheItem() {
        Optional<Port> port = PortSyntax.published(new ComposeNode.Scalar("8080:80", false, AT, null), new ArrayList<>());
        assertThat(port).contains(new Port(Setting.unset(AT), "8080", "80", "tcp", AT));
    }

    @Test
    void badWrittenEntryIsAnError() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        assertThat(PortSyntax.published(new ComposeNode.Scalar("eighty", false, AT, null), diagnostics)).isEmpty();
        assertThat(diagnostics).singleElement().extracting(Diagnostic::level).isEqualTo(Diagnostic.Level.ERROR);
    }

    @Test
    void entryBrokenByAnUnsetVariableIsOnlyAWarning() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        assertThat(PortSyntax.published(new ComposeNode.Scalar("", true, AT, null), diagnostics)).isEmpty();
        assertThat(diagnostics).singleElement().extracting(Diagnostic::level).isEqualTo(Diagnostic.Level.WARNING);
    }

    @Test
    void exposeIsAnUnpublishedPort() {
        Optional<Port> port = PortSyntax.exposed(new ComposeNode.Scalar("9000/udp", false, AT, null), new ArrayList<>());
        assertThat(port).contains(new Port(Setting.unset(AT), null, "9000", "udp", AT));
        assertThat(port.orElseThrow().isPublished()).isFalse();
    }
}
