package dev.shipshape.rules;

import dev.shipshape.model.Image;
import java.util.stream.Stream;

/** A rule about a Dockerfile and the image it builds. */
public non-sealed interface ImageRule extends Rule {

    Stream<Finding> check(Image image);
}
