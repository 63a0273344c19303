package dev.shipshape.model;

import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile: its stages, and what its final stage leaves in the image.
 *
 * @param file          the Dockerfile's path as scanned
 * @param globalArgs    ARGs before the first FROM
 * @param user          the last USER of the final stage; unset (at the last FROM) when none
 * @param healthcheck   the last HEALTHCHECK of the final stage (possibly {@code NONE}), if any
 * @param exposedPorts  EXPOSE entries of the final stage
 * @param volumes       VOLUME entries of the final stage
 * @param labels        LABELs of the final stage, repeated keys kept
 * @param environment   ENV entries of the final stage
 * @param args          ARG entries of the final stage
 */
public record Image(
        String file,
        List<EnvVar> globalArgs,
        List<Stage> stages,
        Setting<String> user,
        Optional<Probe> healthcheck,
        List<Setting<String>> exposedPorts,
        List<Setting<String>> volumes,
        List<KeyValue> labels,
        List<EnvVar> environment,
        List<EnvVar> args) {

    public Image {
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
        exposedPorts = List.copyOf(exposedPorts);
        volumes = List.copyOf(volumes);
        labels = List.copyOf(labels);
        environment = List.copyOf(environment);
        args = List.copyOf(args);
    }

    public Stage finalStage() {
        return stages.getLast();
    }
}
