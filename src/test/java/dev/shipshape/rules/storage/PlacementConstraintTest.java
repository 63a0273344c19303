package dev.shipshape.rules.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.model.Origin;
import dev.shipshape.model.Scheduling;
import dev.shipshape.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacementConstraintTest {

    private static final Origin AT = Origin.at("stack.yaml", 9, 13);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "node.hostname == db-1           | true",
            "node.hostname==db-1             | true",
            "  node.id == 2ivku8v2gvtg4  | true",
            "kubernetes.io/hostname=worker-1 | true",
            "node.hostname != db-1           | false",
            "node.role == manager            | false",
            "node.labels.storage == ssd      | false",
            "node.platform.os == linux       | false",
            "disktype=ssd                    | false",
            "node.hostname                   | false",
    })
    void onlyAHostnameOrNodeIdEqualityPinsToOneNode(String written, boolean pins) {
        assertThat(PlacementConstraint.parse(written).map(PlacementConstraint::pinsToOneNode).orElse(false)).isEqualTo(pins);
    }

    @Test
    void parsesTheThreeParts() {
        assertThat(PlacementConstraint.parse(" node.labels.zone  ==  eu-1 "))
                .contains(new PlacementConstraint("node.labels.zone", "==", "eu-1"));
        assertThat(PlacementConstraint.parse("")).isEmpty();
        assertThat(PlacementConstraint.parse(null)).isEmpty();
    }

    @Test
    void aWorkloadIsPinnedWhenAnyOfItsConstraintsPinsIt() {
        Scheduling roleOnly = new Scheduling(Setting.unset(AT), false, false, List.of(),
                List.of(Setting.of("node.role == worker", AT)));
        Scheduling pinned = new Scheduling(Setting.unset(AT), false, false, List.of(),
                List.of(Setting.of("node.role == worker", AT), Setting.of("node.hostname == w-3", AT)));
        assertThat(PlacementConstraint.pinsToOneNode(roleOnly)).isFalse();
        assertThat(PlacementConstraint.pinsToOneNode(pinned)).isTrue();
        assertThat(PlacementConstraint.pinsToOneNode(Scheduling.unset(AT))).isFalse();
    }
}
