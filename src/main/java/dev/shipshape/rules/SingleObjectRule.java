package dev.shipshape.rules;

/**
 * An {@link InventoryRule} whose every finding comes from one object on its own (a Role, a Secret,
 * an Ingress, a Service), never from two objects together; so the gate, which sees one object per
 * request, runs it, while the other inventory rules need the whole set.
 */
public interface SingleObjectRule extends InventoryRule {
}
