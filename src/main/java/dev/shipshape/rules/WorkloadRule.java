package dev.shipshape.rules;

import dev.shipshape.model.Workload;
import java.util.stream.Stream;

/** A rule about a workload as a whole (replicas, labels, restart policy). */
public non-sealed interface WorkloadRule extends Rule {

    Stream<Finding> check(Workload workload);
}
