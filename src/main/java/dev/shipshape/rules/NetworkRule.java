package dev.shipshape.rules;

import dev.shipshape.model.Network;
import java.util.stream.Stream;

/** A rule about a declared network. */
public non-sealed interface NetworkRule extends Rule {

    Stream<Finding> check(Network network);
}
