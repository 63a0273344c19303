package dev.shipshape.rules;

import dev.shipshape.model.DaemonConfig;
import java.util.stream.Stream;

/** A rule about the Docker daemon's configuration. */
public non-sealed interface DaemonRule extends Rule {

    Stream<Finding> check(DaemonConfig daemon);
}
