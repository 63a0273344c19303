package dev.shipshape.load.dockerfile;

import dev.shipshape.model.EnvVar;
import dev.shipshape.model.KeyValue;
import dev.shipshape.model.Probe;
import dev.shipshape.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * What a build stage leaves in its image's configuration so far: USER, HEALTHCHECK, EXPOSE,
 * VOLUME, LABEL and ENV. A stage built {@code FROM} an earlier stage starts from a copy of that
 * stage's configuration, as Docker does; ARGs are not part of it (they do not cross stages).
 */
final class StageConfig {

    /** The last USER, or null when no USER was given. */
    Setting<String> user;
    /** The last HEALTHCHECK, or null. */
    Probe healthcheck;
    final List<Setting<String>> exposedPorts = new ArrayList<>();
    final List<Setting<String>> volumes = new ArrayList<>();
    final List<KeyValue> labels = new ArrayList<>();
    final List<EnvVar> environment = new ArrayList<>();

    StageConfig copy() {
        StageConfig copy = new StageConfig();
        copy.user = user;
        copy.healthcheck = healthcheck;
        copy.exposedPorts.addAll(exposedPorts);
        copy.volumes.addAll(volumes);
        copy.labels.addAll(labels);
        copy.environment.addAll(environment);
        return copy;
    }
}
