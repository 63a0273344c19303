package dev.shipshape.rules;

import dev.shipshape.model.Volume;
import java.util.stream.Stream;

/** A rule about a declared named volume. */
public non-sealed interface VolumeRule extends Rule {

    Stream<Finding> check(Volume volume);
}
