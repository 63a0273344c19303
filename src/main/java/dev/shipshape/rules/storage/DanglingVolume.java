package dev.shipshape.rules.storage;

import dev.shipshape.model.SourceKind;
import dev.shipshape.model.Volume;
import dev.shipshape.rules.Finding;
import dev.shipshape.rules.Pillar;
import dev.shipshape.rules.Reference;
import dev.shipshape.rules.RuleInfo;
import dev.shipshape.rules.Severity;
import dev.shipshape.rules.VolumeRule;
import java.util.stream.Stream;

/** Flags a live volume that no container, running or stopped, uses. */
public final class DanglingVolume implements VolumeRule {

    static final RuleInfo INFO = RuleInfo.builder("SS-208", "dangling-volume")
            .pillar(Pillar.STORAGE)
            .severity(Severity.LOW)
            .title("Volume is used by no container")
            .rationale("""
                    A volume that no container uses is either data nobody reads any more, filling \
                    the disk, or data that someone expects to be attached and is not: a service \
                    recreated under another project name starts empty while its old volume sits aside.""")
            .remediation("Attach the volume to the container that owns the data, or back it up and remove it "
                    + "(`docker volume rm <name>`; `docker volume prune` removes every unused one).")
            .appliesTo(SourceKind.LIVE_DOCKER)
            .references(Reference.url("docker volume prune", "https://docs.docker.com/reference/cli/docker/volume/prune/"))
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Stream<Finding> check(Volume volume) {
        return volume.inUse().isFalse()
                ? Stream.of(Finding.of(INFO, volume.origin(), "volume '%s'%s is used by no container"
                        .formatted(volume.name(), volume.driver().isSet() ? " (driver " + volume.driver().value() + ")" : "")))
                : Stream.empty();
    }
}
