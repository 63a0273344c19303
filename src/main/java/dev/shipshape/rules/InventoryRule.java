package dev.shipshape.rules;

import dev.shipshape.model.Inventory;
import java.util.stream.Stream;

/** A cross-resource rule that needs the whole inventory (a Service and the pods it selects). */
public non-sealed interface InventoryRule extends Rule {

    Stream<Finding> check(Inventory inventory);
}
