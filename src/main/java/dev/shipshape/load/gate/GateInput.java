package dev.shipshape.load.gate;

import dev.shipshape.load.LoadResult;

/** What one request at the gate amounts to, ready to be judged. */
public sealed interface GateInput {

    /** Nothing shipshape checks: allowed. */
    record NotInspected() implements GateInput {
    }

    /**
     * Refused whatever the policy says, because allowing it would let something past the gate
     * unseen (a body that never reached shipshape, an API version whose requests carry settings it
     * cannot see, a URI it cannot decode).
     *
     * @param reason a short kebab-case name that stands where a rule's name stands in a denial
     */
    record Refused(String reason, String message) implements GateInput {
    }

    /** The request cannot be read (its body is not the JSON it should be): the configured failure stance decides. */
    record Unreadable(String problem) implements GateInput {
    }

    /** The request as the model, and which rules judge it. */
    record Modelled(LoadResult loaded, RuleScope scope) implements GateInput {
    }
}
