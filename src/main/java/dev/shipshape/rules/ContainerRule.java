package dev.shipshape.rules;

import dev.shipshape.model.Container;
import dev.shipshape.model.Workload;
import java.util.stream.Stream;

/** A rule about one container (init containers included) of a workload. */
public non-sealed interface ContainerRule extends Rule {

    Stream<Finding> check(Workload workload, Container container);
}
