package dev.shipshape.load.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtraHostSyntaxTest {

    private static final Origin AT = Origin.at("compose.yaml", 7, 9);

    private static List<String> normalized(String written) {
        return ExtraHostSyntax.normalized(written);
    }

    @Test void colonForm() { assertThat(normalized("db:10.0.0.1")).containsExactly("db:10.0.0.1"); }
    @Test void equalsForm() { assertThat(normalized("db=10.0.0.1")).containsExactly("db:10.0.0.1"); }
    @Test void hostGateway() { assertThat(normalized("host.docker.internal:host-gateway")).containsExactly("host.docker.internal:host-gateway"); }
    @Test void ipv6AfterTheFirstColon() { assertThat(normalized("myhostv6:::1")).containsExactly("myhostv6:::1"); }
    @Test void ipv6AfterEquals() { assertThat(normalized("myhostv6=::1")).containsExactly("myhostv6:::1"); }
    @Test void bracketsAreDropped() { assertThat(normalized("v6:[::1]")).containsExactly("v6:::1"); }
    @Test void severalAddresses() { assertThat(normalized("db=10.0.0.1, 10.0.0.2")).containsExactly("db:10.0.0.1", "db:10.0.0.2"); }
    @Test void equalsWinsOverColon() { assertThat(normalized("db=fe80::1")).containsExactly("db:fe80::1"); }
    @Test void noSeparatorIsNoEntry() { assertThat(normalized("db")).isEmpty(); }
    @Test void noNameIsNoEntry() { assertThat(normalized("=10.0.0.1")).isEmpty(); }
    @Test void colonInTheNameIsNoEntry() { assertThat(normalized("a:b=10.0.0.1")).isEmpty(); }
    @Test void noAddressIsNoEntry() { assertThat(normalized("db=")).isEmpty(); }
    @Test void anEmptyAddressAmongOthersIsNoEntry() { assertThat(normalized("db=10.0.0.1,")).isEmpty(); }

    @Test
    void bothFormsOfTheSameHostHaveTheSameMergeKey() {
        assertThat(ExtraHostSyntax.mergeKey(new ComposeNode.Scalar("db=10.0.0.1", false, AT, null)))
                .isEqualTo(ExtraHostSyntax.mergeKey(new ComposeNode.Scalar("db:10.0.0.1", false, AT, null)))
                .isEqualTo("db:10.0.0.1");
        assertThat(ExtraHostSyntax.mergeKey(new ComposeNode.Scalar("db:10.0.0.2", false, AT, null))).isEqualTo("db:10.0.0.2");
        assertThat(ExtraHostSyntax.mergeKey(new ComposeNode.Scalar("db", false, AT, null))).isNull();
        assertThat(ExtraHostSyntax.mergeKey(new ComposeNode.Scalar(null, false, AT, null))).isNull();
    }

    @Test
    void mappingFormBecomesListItemsAtEachKey() {
        Origin dbKey = Origin.at("compose.yaml", 8, 7);
        Origin multiKey = Origin.at("compose.yaml", 9, 7);
        ComposeNode.Mapping mapping = new ComposeNode.Mapping(List.of(
                new ComposeNode.Member("db", dbKey, new ComposeNode.Scalar("10.0.0.1", false, Origin.at("compose.yaml", 8, 11), null)),
                new ComposeNode.Member("multi", multiKey, new ComposeNode.Sequence(List.of(
                        new ComposeNode.Scalar("10.0.0.2", false, Origin.at("compose.yaml", 9, 15), null),
                        new ComposeNode.Scalar("10.0.0.3", true, Origin.at("compose.yaml", 9, 27), null)), Origin.at("compose.yaml", 9, 14), 9, null))),
                dbKey, 9, null);
        assertThat(ExtraHostSyntax.asSequence(mapping)).isEqualTo(new ComposeNode.Sequence(List.of(
                new ComposeNode.Scalar("db=10.0.0.1", false, dbKey, null),
                new ComposeNode.Scalar("multi=10.0.0.2", false, multiKey, null),
                new ComposeNode.Scalar("multi=10.0.0.3", true, multiKey, null)), dbKey, 9, null));
    }
}
